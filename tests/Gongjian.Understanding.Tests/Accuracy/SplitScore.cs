using System.Text;
using Gongjian.Domain.Community;
using Gongjian.Understanding.Classification;

namespace Gongjian.Understanding.Tests.Accuracy;

/// <summary>
/// How the offline reader does on one labelled split: strict accuracy (a null, where the bot asks, is wrong),
/// how often it answers and how often an answer is right, the best-guess accuracy, and a confusion table.
/// </summary>
internal sealed record SplitScore(IReadOnlyList<(string Expected, string? Answered, string? Best, string Text)> Rows)
{
    public static SplitScore Of(IReadOnlyList<LabelledWish> split)
    {
        var understanding = new OfflineWishUnderstanding();
        return new SplitScore(split.Select(row =>
        {
            var fields = understanding.Understand(row.Text, Communities.Caiyuan);
            return (row.Category, fields.Category, CategoryClassifier.Default.Guess(row.Text).Best, row.Text);
        }).ToList());
    }

    public static IReadOnlyList<LabelledWish> Load(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Data", fileName));
        return LabelledWishes.Parse(reader);
    }

    public double Strict => Rows.Count(r => r.Answered == r.Expected) / (double)Rows.Count;
    public double Coverage => Rows.Count(r => r.Answered is not null) / (double)Rows.Count;
    public double Precision => Rows.Count(r => r.Answered is not null && r.Answered == r.Expected) / (double)Math.Max(1, Rows.Count(r => r.Answered is not null));
    public double TopOne => Rows.Count(r => r.Best == r.Expected) / (double)Rows.Count;

    /// <summary>Rows: the label; columns: what the reader answered ("?" = it asked). Markdown, for docs/UNDERSTANDING.md.</summary>
    public string ConfusionTable()
    {
        var codes = ServiceCategory.All.Select(c => c.Code).ToList();
        var sb = new StringBuilder("| label \\ answer | " + string.Join(" | ", codes.Select(Short)) + " | ? | right |\n");
        sb.Append("|---|" + string.Concat(Enumerable.Repeat("---|", codes.Count + 2)) + "\n");
        foreach (var label in codes)
        {
            var rows = Rows.Where(r => r.Expected == label).ToList();
            var cells = codes.Select(c => rows.Count(r => r.Answered == c)).Select((n, i) => n == 0 ? "·" : codes[i] == label ? $"**{n}**" : n.ToString());
            sb.Append($"| {label} | {string.Join(" | ", cells)} | {Dot(rows.Count(r => r.Answered is null))} | {rows.Count(r => r.Answered == label)}/{rows.Count} |\n");
        }
        return sb.ToString();
    }

    public string Report(string name)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{name}: {Rows.Count} rows");
        sb.AppendLine($"strict {Strict:F3} ({Rows.Count(r => r.Answered == r.Expected)}/{Rows.Count}); answered {Coverage:F3}; correct when answered {Precision:F3}; best guess {TopOne:F3}");
        sb.Append(ConfusionTable());
        foreach (var miss in Rows.Where(r => r.Answered != r.Expected))
            sb.AppendLine($"  miss {miss.Expected} -> {miss.Answered ?? $"? (best {miss.Best})"}: {miss.Text}");
        return sb.ToString();
    }

    private static string Short(string code) => code.Length > 5 ? code[..5] : code;
    private static string Dot(int n) => n == 0 ? "·" : n.ToString();
}
