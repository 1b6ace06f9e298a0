using System.Reflection;

namespace Gongjian.Understanding.Text;

/// <summary>
/// Traditional (and Taiwan/Hong Kong variant) characters to mainland simplified, so 樓道燈壞了 reads as
/// 楼道灯坏了 for every reader after it. The table is OpenCC's (Data/t2s.tsv, generated from opencc-js by
/// scripts/understanding-tables). Like OpenCC it takes the longest phrase that matches at each position,
/// so a phrase that must not be converted character by character (乾隆) stays whole.
/// </summary>
internal sealed class TraditionalToSimplified
{
    public const string Resource = "Gongjian.Understanding.t2s.tsv";

    private static readonly Lazy<TraditionalToSimplified> Loaded = new(() => Load(Resource));

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<char, int> _longestFrom;

    private TraditionalToSimplified(Dictionary<string, string> table)
    {
        _lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestFrom = [];
        foreach (var key in table.Keys)
            _longestFrom[key[0]] = Math.Max(_longestFrom.GetValueOrDefault(key[0]), key.Length);
    }

    public static TraditionalToSimplified Table => Loaded.Value;

    public int Count => _lookup.Dictionary.Count;

    public string Convert(string text)
    {
        if (!HasConvertible(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (_longestFrom.TryGetValue(text[i], out var longest))
            {
                var matched = false;
                for (var n = Math.Min(longest, text.Length - i); n >= 1; n--)
                {
                    if (!_lookup.TryGetValue(text.AsSpan(i, n), out var simplified)) continue;
                    sb.Append(simplified);
                    i += n;
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            sb.Append(text[i++]);
        }
        return sb.ToString();
    }

    /// <summary>Most messages are already simplified: they are returned as they are, with no copy.</summary>
    private bool HasConvertible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!_longestFrom.TryGetValue(text[i], out var longest)) continue;
            for (var n = Math.Min(longest, text.Length - i); n >= 1; n--)
                if (_lookup.TryGetValue(text.AsSpan(i, n), out var to) && !text.AsSpan(i, n).SequenceEqual(to)) return true;
        }
        return false;
    }

    // Runs once per process over every entry: compiled optimised at once rather than in slow tier-0 code first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static TraditionalToSimplified Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string>(5_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            table[line[..tab]] = line[(tab + 1)..];
        }
        return new TraditionalToSimplified(table);
    }
}
