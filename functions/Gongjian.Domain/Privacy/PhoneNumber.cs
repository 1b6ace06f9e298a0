using System.Text;

namespace Gongjian.Domain.Privacy;

/// <summary>Chinese phone numbers as residents type them: full-width digits, spaces, dashes, +86.</summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40) return false;
        var digits = new StringBuilder(raw.Length);
        foreach (var ch in raw.Trim())
        {
            var c = ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch;
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c is ' ' or '-' or '－' or '(' or ')' or '（' or '）' or '+' or '＋') continue;
            else return false;
        }
        var s = digits.ToString();
        if (s.StartsWith("86", StringComparison.Ordinal) && s.Length == 13) s = s[2..];
        if (IsMobile(s) || IsLandline(s)) { normalized = s; return true; }
        return false;
    }

    private static bool IsMobile(string s) => s.Length == 11 && s[0] == '1' && s[1] >= '3' && s.All(char.IsAsciiDigit);

    private static bool IsLandline(string s) => s.Length is >= 10 and <= 12 && s[0] == '0' && s[1] != '0';

    /// <summary>Keeps the first three and last four digits: 13812345678 → 138****5678.</summary>
    public static string Mask(string phone)
    {
        if (phone.Length < 8) return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4));
    }
}
