using System.Reflection;

namespace Gongjian.Understanding.Text;

/// <summary>
/// Fixes the misspellings of this domain that pinyin input and voice typing produce (楼到灯, 电悌, 下水倒), from
/// Data/typos.tsv. Each wrong form is one that is never a correct word, so fixing it cannot spoil a right text.
/// </summary>
internal static class DomainTypos
{
    public const string Resource = "Gongjian.Understanding.typos.tsv";

    private static readonly Lazy<(string Wrong, string Right)[]> Table = new(Load);

    public static string Fix(string text)
    {
        foreach (var (wrong, right) in Table.Value)
            if (text.Contains(wrong, StringComparison.Ordinal)) text = text.Replace(wrong, right, StringComparison.Ordinal);
        return text;
    }

    private static (string, string)[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            rows.Add((line[..tab], line[(tab + 1)..]));
        }
        return [.. rows];
    }
}
