using Gongjian.Domain.Community;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Classification;

/// <summary>Tunables of the offline classifier; the defaults were chosen by cross-validation on the training split.</summary>
/// <param name="LeaveOutBystanders">Object and person words that do not count as cues (Cues.Counts) give no n-grams either.</param>
internal sealed record ClassifierSettings(double Alpha = 0.1, double Temperature = 3.0, double CueWeight = 4.0, double Threshold = 0.4, bool LeaveOutBystanders = true)
{
    public static readonly ClassifierSettings Default = new();
}

/// <summary>The best category and how sure the classifier is (softmax over its scores, 0–1).</summary>
internal readonly record struct CategoryGuess(string? Best, double Confidence);

/// <summary>
/// Naive Bayes n-gram evidence plus whole-word cues weighed by their role, turned into a probability. NB's raw
/// posteriors are near 0 or 1 for any text, which would make the "ask when unsure" threshold useless, so scores
/// are divided by a temperature before the softmax.
/// </summary>
internal sealed class CategoryClassifier
{
    private static readonly Lazy<CategoryClassifier> Shipped = new(() =>
        new(NaiveBayes.FromCounts(ModelFile.Load(), ClassifierSettings.Default.Alpha), ClassifierSettings.Default));

    private readonly NaiveBayes _model;

    private CategoryClassifier(NaiveBayes model, ClassifierSettings settings) => (_model, Settings) = (model, settings);

    /// <summary>Loaded once per process from the shipped counts (<see cref="ModelFile"/>), trained ahead of time from the embedded training split.</summary>
    public static CategoryClassifier Default => Shipped.Value;

    public ClassifierSettings Settings { get; }

    public static CategoryClassifier Train(IReadOnlyList<LabelledWish> rows, ClassifierSettings settings) =>
        new(NaiveBayes.FromCounts(Count(rows, settings), settings.Alpha), settings);

    /// <summary>Every row prepared, read and cut into its distinct n-grams, counted per category.</summary>
    public static NaiveBayesCounts Count(IReadOnlyList<LabelledWish> rows, ClassifierSettings settings)
    {
        var features = rows.Select(r =>
        {
            var reading = Reading.Of(ResidentText.Prepare(r.Text));
            return (r.Category, CharNgrams.Distinct(reading.Text.Text, settings.LeaveOutBystanders ? reading.LeftOut : []));
        }).ToList();
        return NaiveBayesCounts.Of(features, ServiceCategory.All.Select(c => c.Code).ToArray());
    }

    /// <summary>The guess for raw text (prepared here).</summary>
    public CategoryGuess Guess(string text) => Guess(Reading.Of(ResidentText.Prepare(text)));

    public CategoryGuess Guess(Reading reading)
    {
        if (!ResidentText.LooksLikeChinese(reading.Text.Text)) return default;
        var labels = _model.Labels;
        Span<double> scores = stackalloc double[labels.Count];
        Span<int> hits = stackalloc int[labels.Count];
        var known = _model.Score(reading.Text.Text, Settings.LeaveOutBystanders ? reading.LeftOut : [], scores);
        Cues.Count(reading.Found, labels, hits);
        if (known == 0 && !hits.ContainsAnyExcept(0)) return default;

        var max = double.MinValue;
        foreach (var s in scores) max = Math.Max(max, s);
        var best = 0;
        double sum = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp((scores[c] - max) / Settings.Temperature + Settings.CueWeight * hits[c]);
            sum += scores[c];
            if (scores[c] > scores[best]) best = c;
        }
        return new CategoryGuess(labels[best], scores[best] / sum);
    }

    /// <summary>The code to report, or null when the bot should ask the resident instead.</summary>
    public (string? Code, double Confidence) Classify(string text) => Classify(Reading.Of(ResidentText.Prepare(text)));

    public (string? Code, double Confidence) Classify(Reading reading)
    {
        var guess = Guess(reading);
        return (guess.Confidence >= Settings.Threshold ? guess.Best : null, guess.Confidence);
    }
}
