using System.Text.RegularExpressions;
using Gongjian.Domain.Privacy;

namespace Gongjian.Understanding.Slots;

/// <summary>A phone number found in the text, normalized, with where it was (so it can be cut out).</summary>
internal readonly record struct FoundPhone(string Number, int Start, int Length);

/// <summary>
/// Finds Chinese mobile and landline numbers however they are spaced or dashed. The digit-run regex
/// is deliberately loose; <see cref="PhoneNumber.TryNormalize"/> is the judge. A run that glues a
/// room number to a phone ("301 13805381234") fails as a whole, so its space-separated parts are tried.
/// </summary>
internal static partial class PhoneFinder
{
    [GeneratedRegex(@"(?:\+\s*86[\s-]*)?[(（]?\d[\d\s\-()（）]{5,22}\d")]
    private static partial Regex DigitRun();

    public static FoundPhone? Find(string text)
    {
        foreach (Match run in DigitRun().Matches(text))
        {
            if (PhoneNumber.TryNormalize(run.Value, out var whole))
                return new FoundPhone(whole, run.Index, run.Length);
            if (FindInParts(run) is { } part) return part;
        }
        return null;
    }

    private static FoundPhone? FindInParts(Match run)
    {
        var parts = SpaceSeparated(run.Value);
        for (var from = 0; from < parts.Count; from++)
            for (var to = parts.Count - 1; to >= from; to--)
            {
                var start = parts[from].Start;
                var end = parts[to].Start + parts[to].Length;
                if (PhoneNumber.TryNormalize(run.Value[start..end], out var n))
                    return new FoundPhone(n, run.Index + start, end - start);
            }
        return null;
    }

    private static List<(int Start, int Length)> SpaceSeparated(string s)
    {
        var parts = new List<(int, int)>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] == ' ') i++;
            var start = i;
            while (i < s.Length && s[i] != ' ') i++;
            if (i > start) parts.Add((start, i - start));
        }
        return parts;
    }
}
