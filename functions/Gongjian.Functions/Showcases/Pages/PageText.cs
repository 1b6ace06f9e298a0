using System.Globalization;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>How the public pages write dates, ratings and excerpts in Chinese.</summary>
public static class PageText
{
    /// <summary>China Standard Time has had no daylight saving since 1991: a fixed offset needs no time-zone data.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime));

    public static string Date(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoDate(DateTimeOffset at) => IsoDate(DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime));

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Stars(int rating) => new string('★', Math.Clamp(rating, 0, 5)) + new string('☆', 5 - Math.Clamp(rating, 0, 5));

    /// <summary>The first <paramref name="max"/> characters of the story on one line (link previews and list cards).</summary>
    public static string Excerpt(string story, int max)
    {
        var line = OneLine(story);
        var elements = StringInfo.GetTextElementEnumerator(line);
        var taken = 0;
        while (elements.MoveNext())
            if (++taken > max) return line[..elements.ElementIndex].TrimEnd() + "…";
        return line;
    }

    /// <summary>Line breaks and runs of spaces as one space, or none between Chinese text (which has no spaces between sentences).</summary>
    private static string OneLine(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var line = new System.Text.StringBuilder(text.Length);
        foreach (var part in parts)
        {
            if (line.Length > 0 && (line[^1] < 0x2E80 || part[0] < 0x2E80)) line.Append(' ');
            line.Append(part);
        }
        return line.ToString();
    }

    /// <summary>The story's paragraphs: organizers separate them with line breaks.</summary>
    public static IReadOnlyList<string> Paragraphs(string story) =>
        story.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"三联社区、东七里社区": each name once, in the order the showcase lists them.</summary>
    public static string Distinct(IEnumerable<string> names) =>
        string.Join("、", names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal));
}
