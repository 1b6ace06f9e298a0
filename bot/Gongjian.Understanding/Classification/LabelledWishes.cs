using System.Reflection;

namespace Gongjian.Understanding.Classification;

/// <summary>One resident message with the category a person gave it.</summary>
internal sealed record LabelledWish(string Category, string Text);

/// <summary>
/// Reads the labelled sets (code TAB text, '#' comments, a header row). The training split ships
/// inside the assembly so the classifier trains on first use with no file system or network.
/// </summary>
internal static class LabelledWishes
{
    public const string TrainingResource = "Gongjian.Understanding.wishes.tsv";

    public static IReadOnlyList<LabelledWish> Training()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TrainingResource)
            ?? throw new InvalidOperationException($"Embedded resource {TrainingResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static IReadOnlyList<LabelledWish> Parse(TextReader reader)
    {
        var rows = new List<LabelledWish>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("category\t", StringComparison.Ordinal)) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"Expected 'code<TAB>text', got: {line}");
            rows.Add(new LabelledWish(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return rows;
    }
}
