using System.Text;

namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>
/// Phones (mobile and landline, +86/0086) and ID-card numbers (18 digits with X, old 15 digits) in any
/// notation: ASCII, full-width and Chinese-numeral digits, grouped by spaces, dashes, dots or brackets.
/// A run of digit groups is split into the longest spans that form such a number, so "电话13805381234 2单元"
/// finds the phone and leaves the 2. Amounts, dates, counts, hotlines and order ids never have the length
/// and prefix of these numbers; after a word like 电话 any 7 to 12 digits count as a phone.
/// </summary>
public static class PhoneAndIdFinder
{
    private const int MaxSeparatorsBetweenGroups = 2;
    private const int MaxDigits = 22; // 0086 + a 12-digit landline, or an 18-digit ID card
    private static readonly string[] PhoneWords = ["电话", "手机", "座机", "号码", "联系方式", "联系", "致电", "tel", "Tel", "TEL", "微信"];
    private static readonly string[] IdWords = ["身份证", "身份证号", "身份证号码", "证件号", "证件号码"];

    private readonly record struct Group(int Start, int End, string Digits);

    public static IEnumerable<PersonalDataFinding> Find(string text, string? knownPhone)
    {
        var i = 0;
        while (i < text.Length)
        {
            var plus = text[i] is '+' or '＋' && i + 1 < text.Length && Numerals.DigitOf(text[i + 1]) >= 0;
            if (!plus && Numerals.DigitOf(text[i]) < 0) { i++; continue; }
            var groups = Groups(text, plus ? i + 1 : i, out var runEnd);
            var runStart = i;
            i = runEnd;
            // An order id or a product code ("GJ261122-7KQ3MZ"): digits running into Latin letters are not a number read out.
            if (runEnd < text.Length && char.IsAsciiLetter(text[runEnd])) continue;
            foreach (var f in Split(text, runStart, groups, knownPhone)) yield return f;
        }
    }

    private static List<Group> Groups(string text, int start, out int runEnd)
    {
        var groups = new List<Group>();
        var pos = start;
        var total = 0;
        while (true)
        {
            var digits = new StringBuilder();
            var groupStart = pos;
            while (pos < text.Length && Numerals.DigitOf(text[pos]) is var d and >= 0) { digits.Append((char)('0' + d)); pos++; }
            // The check character of an ID card ends its last group.
            if (pos < text.Length && Numerals.IsCheckX(text[pos]) && total + digits.Length == 17) { digits.Append('X'); pos++; }
            total += digits.Length;
            groups.Add(new Group(groupStart, pos, digits.ToString()));
            var next = pos;
            while (next < text.Length && next - pos < MaxSeparatorsBetweenGroups && Numerals.IsSeparator(text[next])) next++;
            if (next == pos || next >= text.Length || Numerals.DigitOf(text[next]) < 0 || groups[^1].Digits.EndsWith('X')) break;
            pos = next;
        }
        runEnd = pos;
        return groups;
    }

    private static IEnumerable<PersonalDataFinding> Split(string text, int runStart, List<Group> groups, string? knownPhone)
    {
        var g = 0;
        while (g < groups.Count)
        {
            var start = g == 0 ? runStart : groups[g].Start;
            var hint = Hint(text, start);
            var found = false;
            // Spans longer than any number we look for are not tried: a text of "1 1 1 …" stays linear.
            var hMax = g;
            for (var sum = groups[g].Digits.Length; hMax + 1 < groups.Count && sum + groups[hMax + 1].Digits.Length <= MaxDigits; )
                sum += groups[++hMax].Digits.Length;
            for (var h = hMax; h >= g && !found; h--)
            {
                var digits = string.Concat(groups.Skip(g).Take(h - g + 1).Select(x => x.Digits));
                if (Classify(digits, hint, knownPhone, oneGroup: h == g) is not { } hit) continue;
                yield return new PersonalDataFinding(hit.Kind, start, groups[h].End - start, hit.Mask);
                g = h + 1;
                found = true;
            }
            if (found) continue;
            if (hint == Word.Phone && TakeUpTo12(groups, g) is var (last, total) && total >= 7
                && string.Concat(groups.Skip(g).Take(last - g + 1).Select(x => x.Digits)) is var run && !IsServiceNumber(run))
            {
                yield return new PersonalDataFinding(PersonalDataKind.Phone, start, groups[last].End - start, PhoneNumber.Mask(run.Replace("X", "")));
                g = last + 1;
                continue;
            }
            g++;
        }
    }

    /// <summary>400/800 numbers and 95xxx hotlines belong to companies, not residents.</summary>
    private static bool IsServiceNumber(string digits) =>
        (digits.Length == 10 && (digits.StartsWith("400", StringComparison.Ordinal) || digits.StartsWith("800", StringComparison.Ordinal)))
        || (digits.Length <= 8 && digits.StartsWith("95", StringComparison.Ordinal));

    private static (int Last, int Total) TakeUpTo12(List<Group> groups, int g)
    {
        var (last, total) = (g - 1, 0);
        while (last + 1 < groups.Count && total + groups[last + 1].Digits.Length <= 12) total += groups[++last].Digits.Length;
        return (last, total);
    }

    private enum Word { None, Phone, IdCard }

    /// <summary>The word just before a number ("电话：", "身份证号是") says what it is.</summary>
    private static Word Hint(string text, int start)
    {
        var end = start;
        while (end > 0 && start - end < 3 && text[end - 1] is ' ' or '\u3000' or ':' or '：' or '是' or '为' or '，' or ',') end--;
        var before = text.AsSpan(0, end);
        foreach (var w in IdWords) if (before.EndsWith(w, StringComparison.Ordinal)) return Word.IdCard;
        foreach (var w in PhoneWords) if (before.EndsWith(w, StringComparison.Ordinal)) return Word.Phone;
        return Word.None;
    }

    /// <param name="oneGroup">ID numbers are written in one piece; split into groups they count only after 身份证 or 证件号.</param>
    private static (PersonalDataKind Kind, string Mask)? Classify(string digits, Word hint, string? knownPhone, bool oneGroup)
    {
        var id = hint == Word.IdCard || (oneGroup && (digits.Length == 18 ? IsIdCard18(digits) : digits.Length == 15 && IsIdCard15(digits)));
        if (digits.Length is 15 or 18 && id) return (PersonalDataKind.IdCard, MaskId(digits));
        if (digits.EndsWith('X')) return null;
        if (NationalNumber(digits) is { } national) return (PersonalDataKind.Phone, PhoneNumber.Mask(national));
        // A landline of the order's own contact written without its area code.
        if (knownPhone is { Length: > 8 } known && digits.Length is 7 or 8 && known.EndsWith(digits, StringComparison.Ordinal))
            return (PersonalDataKind.Phone, PhoneNumber.Mask(digits));
        return null;
    }

    /// <summary>The phone number without +86/0086, when the digits are a mobile or a landline with its area code.</summary>
    private static string? NationalNumber(string digits)
    {
        foreach (var candidate in new[] { digits, Strip(digits, "0086"), Strip(digits, "86") })
        {
            if (candidate is null) continue;
            if (IsMobile(candidate) || IsLandline(candidate)) return candidate;
            // International notation drops the trunk 0 of a landline: +86 538 8221234.
            if (candidate != digits && IsLandline("0" + candidate)) return "0" + candidate;
        }
        return null;
    }

    private static string? Strip(string digits, string prefix) =>
        digits.StartsWith(prefix, StringComparison.Ordinal) && digits.Length > prefix.Length + 8 ? digits[prefix.Length..] : null;

    private static bool IsMobile(string s) => s.Length == 11 && s[0] == '1' && s[1] >= '3';

    // An area code (010, 02x, 0xxx) and a local number of 7 or 8 digits, as PhoneNumber accepts them.
    private static bool IsLandline(string s) => s.Length is >= 10 and <= 12 && s[0] == '0' && s[1] != '0';

    // Province codes run from 11 to 82.
    private static bool IsIdCard18(string s) =>
        s[0] is >= '1' and <= '8' && s[..17].All(char.IsAsciiDigit) && s[6..8] is "19" or "20" && IsDate(s[10..12], s[12..14]);

    private static bool IsIdCard15(string s) => s[0] is >= '1' and <= '8' && IsDate(s[8..10], s[10..12]);

    private static bool IsDate(string month, string day) =>
        int.TryParse(month, out var m) && m is >= 1 and <= 12 && int.TryParse(day, out var d) && d is >= 1 and <= 31;

    /// <summary>Region (6) and the last 4 stay, the birth date goes: 370902********1234.</summary>
    private static string MaskId(string digits) => string.Concat(digits.AsSpan(0, 6), new string('*', digits.Length - 10), digits.AsSpan(digits.Length - 4));
}
