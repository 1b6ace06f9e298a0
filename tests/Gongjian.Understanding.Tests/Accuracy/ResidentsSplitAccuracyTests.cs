using Gongjian.Domain.Community;
using Gongjian.Understanding.Classification;

namespace Gongjian.Understanding.Tests.Accuracy;

/// <summary>
/// The residents' split (issue 16): written before the reader was changed and never tuned on. It is still
/// written by the project, so its figures are optimistic; the floors sit under the measured figures.
/// </summary>
public sealed class ResidentsSplitAccuracyTests(ITestOutputHelper output)
{
    private const string FileName = "wishes.residents.test.tsv";

    [Fact]
    public void Residents_split_covers_every_category_and_shares_no_text_with_the_other_splits()
    {
        var residents = SplitScore.Load(FileName);
        var others = LabelledWishes.Training().Concat(SplitScore.Load("wishes.test.tsv")).Select(r => r.Text);
        Assert.True(residents.Count >= 140, $"rows: {residents.Count}");
        foreach (var category in ServiceCategory.All)
            Assert.True(residents.Count(r => r.Category == category.Code) >= 10, $"rows for {category.Code}");
        Assert.All(residents, r => Assert.True(ServiceCategory.IsKnown(r.Category), r.Category));
        Assert.Empty(residents.Select(r => r.Text).Intersect(others));
    }

    [Fact]
    public void Offline_category_accuracy_on_the_residents_split_meets_its_floor()
    {
        var score = SplitScore.Of(SplitScore.Load(FileName));
        output.WriteLine(score.Report("residents' split"));
        Assert.True(score.Strict >= StrictFloor, $"strict {score.Strict:F3} < floor {StrictFloor}");
        Assert.True(score.Precision >= AnsweredPrecisionFloor, $"correct when answered {score.Precision:F3} < floor {AnsweredPrecisionFloor}");
    }

    // Measured 0.979 strict, 0.979 correct when answered (144 rows; before issue 16: 0.833 / 0.976). One miss moves a figure by 0.007.
    private const double StrictFloor = 0.95;
    private const double AnsweredPrecisionFloor = 0.95;
}
