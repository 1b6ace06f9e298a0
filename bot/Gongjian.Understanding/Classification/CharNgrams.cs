using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Classification;

/// <summary>
/// Character 1–3-grams: residents' typos ("楼到灯", "电悌") still share most n-grams with the right words.
/// Digits and punctuation break segments so phone numbers and building numbers never become features, and so
/// do the words left out (a bystander 孩子 beside another category's problem is no evidence for children).
/// </summary>
internal static class CharNgrams
{
    public const int MaxN = 3;

    public delegate void Visitor(ReadOnlySpan<char> gram);

    public static void Visit(string text, Visitor visit) => Visit(text, [], visit);

    /// <param name="leftOut">Spans of the text (start, length) that give no n-grams.</param>
    // Runs once per process over every entry: compiled optimised at once rather than in slow tier-0 code first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Visit(string text, IReadOnlyList<(int Start, int Length)> leftOut, Visitor visit)
    {
        var folded = Fold(text);
        foreach (var (start, length) in leftOut) folded.AsSpan(start, length).Fill('\0');
        var i = 0;
        while (i < folded.Length)
        {
            while (i < folded.Length && folded[i] == '\0') i++;
            var start = i;
            while (i < folded.Length && folded[i] != '\0') i++;
            var segment = folded.AsSpan(start, i - start);
            for (var n = 1; n <= MaxN; n++)
                for (var at = 0; at + n <= segment.Length; at++)
                    visit(segment.Slice(at, n));
        }
    }

    public static HashSet<string> Distinct(string text, IReadOnlyList<(int Start, int Length)> leftOut)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Visit(text, leftOut, g => set.Add(g.ToString()));
        return set;
    }

    private static char[] Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = ResidentText.IsHan(c) ? c : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : '\0';
        }
        return chars;
    }
}
