using System.Globalization;
using System.Reflection;
using System.Text;

namespace Gongjian.Understanding.Classification;

/// <summary>
/// The classifier's counts as shipped (<c>Data/model.tsv</c>, embedded): trained from <c>Data/wishes.tsv</c> ahead of
/// time, so a cold process loads whole numbers instead of preparing, segmenting and counting every training row.
/// A test trains afresh and compares (a stale file fails it); <c>scripts/understanding-tables</c> writes it.
/// Format: comment lines (#), <c>labels</c> and <c>documents</c> rows, then one row per n-gram:
/// <c>gram TAB class:count …</c> (only classes with a count), sorted by ordinal order.
/// </summary>
internal static class ModelFile
{
    public const string Resource = "Gongjian.Understanding.model.tsv";

    public static NaiveBayesCounts Trained(ClassifierSettings settings) =>
        CategoryClassifier.Count(LabelledWishes.Training(), settings);

    public static void Write(NaiveBayesCounts counts, TextWriter to)
    {
        to.Write("# Gongjian.Understanding's n-gram counts per category, trained from Data/wishes.tsv by scripts/understanding-tables.\n");
        to.Write("# Generated: do not edit. A test fails when it differs from a fresh training.\n");
        to.Write("labels\t" + string.Join(",", counts.Labels) + "\n");
        to.Write("documents\t" + string.Join(",", counts.Documents.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "\n");
        foreach (var (gram, perClass) in counts.Grams.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sb = new StringBuilder(gram).Append('\t');
            for (var c = 0; c < perClass.Length; c++)
                if (perClass[c] > 0) sb.Append(c.ToString(CultureInfo.InvariantCulture)).Append(':').Append(perClass[c].ToString(CultureInfo.InvariantCulture)).Append(' ');
            to.Write(sb.ToString().TrimEnd() + "\n");
        }
    }

    public static NaiveBayesCounts Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    // Runs once per process over every entry: compiled optimised at once rather than in slow tier-0 code first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static NaiveBayesCounts Parse(string all)
    {
        string[] labels = [];
        int[] documents = [];
        var grams = new Dictionary<string, int[]>(all.Length / 16, StringComparer.Ordinal);
        foreach (var line in all.AsSpan().EnumerateLines())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException("A model row needs a tab.");
            var key = line[..tab];
            var rest = line[(tab + 1)..];
            if (key.SequenceEqual("labels")) { labels = rest.ToString().Split(','); continue; }
            if (key.SequenceEqual("documents")) { documents = [.. rest.ToString().Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture))]; continue; }
            var perClass = new int[labels.Length];
            foreach (var range in rest.Split(' '))
            {
                var pair = rest[range];
                var colon = pair.IndexOf(':');
                perClass[int.Parse(pair[..colon], CultureInfo.InvariantCulture)] = int.Parse(pair[(colon + 1)..], CultureInfo.InvariantCulture);
            }
            grams[key.ToString()] = perClass;
        }
        if (labels.Length == 0 || documents.Length != labels.Length) throw new FormatException("The model has no labels or documents row.");
        return new NaiveBayesCounts(labels, documents, grams);
    }
}
