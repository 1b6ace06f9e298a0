namespace Gongjian.Understanding.Classification;

/// <summary>
/// Multinomial Naive Bayes over binarized character n-grams (each n-gram counted once per message),
/// which suits short texts. Chosen over logistic regression because it trains in one pass over a
/// few hundred rows — milliseconds on a cold serverless start — and needs no package.
/// </summary>
internal sealed class NaiveBayes
{
    private readonly Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly double[] _logPrior;

    private NaiveBayes(IReadOnlyList<string> labels, double[] logPrior, Dictionary<string, double[]> logLikelihood)
    {
        Labels = labels;
        _logPrior = logPrior;
        _lookup = logLikelihood.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Labels { get; }

    /// <param name="rows">Each training message as its category and its distinct n-grams.</param>
    /// <param name="alpha">Additive smoothing; small values trust rare n-grams more.</param>
    public static NaiveBayes Train(IReadOnlyList<(string Category, HashSet<string> Grams)> rows, IReadOnlyList<string> labels, double alpha) =>
        FromCounts(NaiveBayesCounts.Of(rows, labels), alpha);

    /// <summary>The model from its counts: what training computes after counting, and all that loading the shipped model does.</summary>
    // Runs once per process over every entry: compiled optimised at once rather than in slow tier-0 code first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static NaiveBayes FromCounts(NaiveBayesCounts counts, double alpha)
    {
        var k = counts.Labels.Count;
        var totals = new double[k];
        foreach (var perClass in counts.Grams.Values)
            for (var c = 0; c < k; c++) totals[c] += perClass[c];
        var documents = counts.Documents.Sum();
        var logPrior = counts.Documents.Select(d => Math.Log((d + 1.0) / (documents + k))).ToArray();
        var vocabulary = counts.Grams.Count;
        var logDenominator = totals.Select(t => Math.Log(t + alpha * vocabulary)).ToArray();
        var logLikelihood = new Dictionary<string, double[]>(counts.Grams.Count, StringComparer.Ordinal);
        foreach (var (gram, perClass) in counts.Grams)
        {
            var logs = new double[k];
            for (var c = 0; c < k; c++) logs[c] = Math.Log(perClass[c] + alpha) - logDenominator[c];
            logLikelihood[gram] = logs;
        }
        return new NaiveBayes(counts.Labels, logPrior, logLikelihood);
    }

    /// <summary>Fills log P(class) + Σ log P(gram | class) for grams seen in training; returns how many were.</summary>
    public int Score(string text, IReadOnlyList<(int Start, int Length)> leftOut, Span<double> scores)
    {
        _logPrior.CopyTo(scores);
        var sums = new double[scores.Length];
        var seen = new HashSet<double[]>(ReferenceEqualityComparer.Instance);
        CharNgrams.Visit(text, leftOut, gram =>
        {
            if (!_lookup.TryGetValue(gram, out var perClass) || !seen.Add(perClass)) return;
            for (var c = 0; c < sums.Length; c++) sums[c] += perClass[c];
        });
        for (var c = 0; c < scores.Length; c++) scores[c] += sums[c];
        return seen.Count;
    }
}
