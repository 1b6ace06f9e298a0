namespace Gongjian.Domain.GridReports;

/// <summary>
/// Whether an open report may be the same problem as another: near (within <see cref="GridReportLimits.SamePlaceMetres"/>)
/// and alike — the same category, or texts sharing enough character pairs (Chinese has no spaces: bigrams, Jaccard).
/// A suggestion for staff to look at; nothing is merged automatically.
/// </summary>
public static class DuplicateScore
{
    public const double TextAlike = 0.3;

    /// <summary>0–1: half for the same category, half for the texts' bigram overlap.</summary>
    public static double Similarity(string categoryA, string textA, string categoryB, string textB) =>
        (categoryA == categoryB ? 0.5 : 0) + 0.5 * TextSimilarity(textA, textB);

    public static bool IsCandidate(double metres, string categoryA, string textA, string categoryB, string textB) =>
        metres <= GridReportLimits.SamePlaceMetres && (categoryA == categoryB || TextSimilarity(textA, textB) >= TextAlike);

    public static double TextSimilarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        return set;
    }
}
