using System.Reflection;

namespace Gongjian.Understanding.Text;

/// <summary>
/// Cuts Chinese into words the way jieba does without its HMM: every dictionary word that can start at each
/// character forms a graph, and the path with the highest product of word frequencies wins. The word list is
/// a trimmed copy of jieba's dictionary (Data/words.tsv, see scripts/understanding-tables). jieba.NET itself is
/// not used at run time: its start-up took 0.3–7 s here even with a trimmed dictionary (docs/UNDERSTANDING.md).
/// </summary>
internal sealed class WordSegmenter
{
    public const string Resource = "Gongjian.Understanding.words.tsv";

    private static readonly Lazy<WordSegmenter> Loaded = new(() => Load(Resource));

    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _logP;
    private readonly double _unknown;
    private readonly int _longest;

    private WordSegmenter(Dictionary<string, double> logP, double unknown, int longest) =>
        (_logP, _unknown, _longest) = (logP.GetAlternateLookup<ReadOnlySpan<char>>(), unknown, longest);

    public static WordSegmenter Default => Loaded.Value;

    public int Count => _logP.Dictionary.Count;

    /// <summary>The words of the text as (start, length): runs of Han characters are segmented, runs of letters or digits are one word each, anything else separates.</summary>
    public List<(int Start, int Length)> Cut(string text)
    {
        var words = new List<(int, int)>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (ResidentText.IsHan(text[i]))
            {
                while (i < text.Length && ResidentText.IsHan(text[i])) i++;
                CutHan(text, start, i - start, words);
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                words.Add((start, i - start));
            }
            else i++;
        }
        return words;
    }

    private void CutHan(string text, int offset, int n, List<(int, int)> words)
    {
        Span<double> score = n <= 256 ? stackalloc double[n + 1] : new double[n + 1];
        Span<int> end = n <= 256 ? stackalloc int[n] : new int[n];
        score[n] = 0;
        for (var at = n - 1; at >= 0; at--)
        {
            // A character that is no word of the list stands alone, as rare as a word seen once.
            var single = _logP.TryGetValue(text.AsSpan(offset + at, 1), out var p1) ? p1 : _unknown;
            (score[at], end[at]) = (single + score[at + 1], at + 1);
            for (var len = 2; len <= Math.Min(_longest, n - at); len++)
            {
                if (!_logP.TryGetValue(text.AsSpan(offset + at, len), out var p)) continue;
                if (p + score[at + len] > score[at]) (score[at], end[at]) = (p + score[at + len], at + len);
            }
        }
        for (var at = 0; at < n; at = end[at]) words.Add((offset + at, end[at] - at));
    }

    // Runs once per process over every entry: compiled optimised at once rather than in slow tier-0 code first.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static WordSegmenter Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd();
        var rows = new List<(string Word, int Freq)>(all.Length / 12);
        long total = 0;
        var longest = 1;
        foreach (var line in all.AsSpan().EnumerateLines())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            var f = int.Parse(line[(tab + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((line[..tab].ToString(), f));
            total += f;
            longest = Math.Max(longest, tab);
        }
        var logTotal = Math.Log(total);
        var logP = new Dictionary<string, double>(rows.Count, StringComparer.Ordinal);
        foreach (var (word, f) in rows) logP[word] = Math.Log(f) - logTotal;
        return new WordSegmenter(logP, -logTotal, longest);
    }
}
