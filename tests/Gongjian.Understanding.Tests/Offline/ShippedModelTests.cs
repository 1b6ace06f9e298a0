using Gongjian.Understanding.Classification;

namespace Gongjian.Understanding.Tests.Offline;

/// <summary>
/// The classifier ships its counts precomputed (Data/model.tsv) so a cold process does not train. They must be exactly
/// what training on the embedded split gives now: after an edit of wishes.tsv, cues.tsv, the word list or the
/// normalisation, this fails until scripts/understanding-tables writes the file again.
/// </summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void The_shipped_counts_are_a_fresh_training_of_the_embedded_split()
    {
        var shipped = ModelFile.Load();
        var fresh = ModelFile.Trained(ClassifierSettings.Default);

        Assert.Equal(fresh.Labels, shipped.Labels);
        Assert.Equal(fresh.Documents, shipped.Documents);
        var stale = fresh.Grams.Where(g => !shipped.Grams.TryGetValue(g.Key, out var s) || !s.SequenceEqual(g.Value)).Select(g => g.Key)
            .Concat(shipped.Grams.Keys.Where(k => !fresh.Grams.ContainsKey(k))).Take(10).ToList();
        Assert.True(stale.Count == 0, "Data/model.tsv is stale (run scripts/understanding-tables); first differing n-grams: " + string.Join(" ", stale));
        Assert.True(shipped.SameAs(fresh));
        Assert.True(shipped.Grams.Count > 1000);
    }

    [Fact]
    public void The_model_file_reads_back_what_was_written()
    {
        var fresh = ModelFile.Trained(ClassifierSettings.Default);
        using var text = new StringWriter();
        ModelFile.Write(fresh, text);

        Assert.True(ModelFile.Parse(text.ToString()).SameAs(fresh));
    }

    [Fact]
    public void The_loaded_classifier_answers_as_a_freshly_trained_one()
    {
        var trained = CategoryClassifier.Train(LabelledWishes.Training(), ClassifierSettings.Default);
        foreach (var text in new[] { "楼道灯坏了好几天了", "楼下那辆僵尸车好几年没人管", "俺娘一个人在家没人做饭", "邻居半夜唱歌吵得睡不着" })
            Assert.Equal(trained.Guess(text), CategoryClassifier.Default.Guess(text));
    }
}
