namespace Gongjian.Understanding.Classification;

/// <summary>
/// What Naive Bayes learns from the training rows: per category, how many messages, and per n-gram, in how many
/// messages of each category it occurs. Counting needs every row prepared and segmented, which is most of training's
/// time; the counts are small whole numbers, so they ship precomputed (<see cref="ModelFile"/>).
/// </summary>
internal sealed record NaiveBayesCounts(IReadOnlyList<string> Labels, int[] Documents, Dictionary<string, int[]> Grams)
{
    public static NaiveBayesCounts Of(IReadOnlyList<(string Category, HashSet<string> Grams)> rows, IReadOnlyList<string> labels)
    {
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var documents = new int[labels.Count];
        var grams = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (category, distinct) in rows)
        {
            if (!classOf.TryGetValue(category, out var c)) continue;
            documents[c]++;
            foreach (var gram in distinct)
            {
                if (!grams.TryGetValue(gram, out var perClass)) grams[gram] = perClass = new int[labels.Count];
                perClass[c]++;
            }
        }
        return new NaiveBayesCounts(labels, documents, grams);
    }

    /// <summary>Same labels, documents and n-gram counts.</summary>
    public bool SameAs(NaiveBayesCounts other) =>
        Labels.SequenceEqual(other.Labels) && Documents.SequenceEqual(other.Documents) && Grams.Count == other.Grams.Count
        && Grams.All(g => other.Grams.TryGetValue(g.Key, out var o) && o.SequenceEqual(g.Value));
}
