using Gongjian.Understanding.Classification;

namespace Gongjian.Understanding.Tests.Accuracy;

/// <summary>
/// 5-fold cross-validation on the training split only: how the shipped settings were chosen,
/// without ever looking at the held-out split. The grid search is explicit (run on demand).
/// </summary>
public sealed class CrossValidationTests(ITestOutputHelper output)
{
    private const int Folds = 5;

    [Fact]
    public void Shipped_settings_cross_validate_on_the_training_split()
    {
        var (top1, coverage, precision) = CrossValidate(ClassifierSettings.Default, out _);
        output.WriteLine($"5-fold CV on the training split: top-1 {top1:F3}, answered {coverage:F3}, correct when answered {precision:F3}");
        // Measured 0.907 / 0.882 / 0.940; the keyword cues were written with these folds in view, so CV is optimistic.
        Assert.True(top1 >= 0.85, $"top-1 {top1:F3}");
        Assert.True(precision >= 0.88, $"precision {precision:F3}");
    }

    [Fact(Explicit = true)]
    public void Cross_validation_misses_of_the_shipped_settings()
    {
        CrossValidate(ClassifierSettings.Default, out var misses);
        foreach (var (row, guess) in misses) output.WriteLine($"miss {row.Category} -> {guess.Best} ({guess.Confidence:F2}) {row.Text}");
    }

    [Fact(Explicit = true)]
    public void Grid_search_over_smoothing_temperature_cue_weight_and_threshold()
    {
        foreach (var leaveOut in new[] { true, false })
        foreach (var alpha in new[] { 0.1, 0.3, 0.5, 1.0 })
        foreach (var temperature in new[] { 3.0, 5.0, 8.0, 12.0 })
        foreach (var cue in new[] { 1.0, 2.5, 4.0 })
        foreach (var threshold in new[] { 0.3, 0.4 })
        {
            var (top1, coverage, precision) = CrossValidate(new ClassifierSettings(alpha, temperature, cue, threshold, leaveOut), out _);
            output.WriteLine($"leaveOut={leaveOut} alpha={alpha} T={temperature} cue={cue} threshold={threshold}: top-1 {top1:F3}, answered {coverage:F3}, precision {precision:F3}, strict {coverage * precision:F3}");
        }
        CrossValidate(ClassifierSettings.Default, out var misses);
        foreach (var (row, guess) in misses) output.WriteLine($"miss {row.Category} -> {guess.Best} ({guess.Confidence:F2}) {row.Text}");
    }

    private static (double Top1, double Coverage, double Precision) CrossValidate(ClassifierSettings settings, out List<(LabelledWish Row, CategoryGuess Guess)> misses)
    {
        var rows = LabelledWishes.Training();
        var guesses = new List<(LabelledWish Row, CategoryGuess Guess)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var classifier = CategoryClassifier.Train(rows.Where((_, i) => i % Folds != fold).ToList(), settings);
            guesses.AddRange(rows.Where((_, i) => i % Folds == fold).Select(r => (r, classifier.Guess(r.Text))));
        }
        misses = guesses.Where(g => g.Guess.Best != g.Row.Category).ToList();
        var answered = guesses.Where(g => g.Guess.Confidence >= settings.Threshold).ToList();
        return (1 - misses.Count / (double)rows.Count,
                answered.Count / (double)rows.Count,
                answered.Count(g => g.Guess.Best == g.Row.Category) / (double)Math.Max(1, answered.Count));
    }
}
