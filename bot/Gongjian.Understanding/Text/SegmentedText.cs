namespace Gongjian.Understanding.Text;

/// <summary>A prepared text with its words: the unit every cue is matched against.</summary>
internal sealed class SegmentedText
{
    private readonly bool[] _starts;
    private readonly bool[] _ends;

    private SegmentedText(string text, List<(int Start, int Length)> words)
    {
        Text = text;
        Words = words;
        _starts = new bool[text.Length + 1];
        _ends = new bool[text.Length + 1];
        foreach (var (start, length) in words) (_starts[start], _ends[start + length]) = (true, true);
    }

    public static SegmentedText Of(string text) => new(text, WordSegmenter.Default.Cut(text));

    public string Text { get; }

    public IReadOnlyList<(int Start, int Length)> Words { get; }

    /// <summary>Where the phrase occurs as whole words (both its ends on word boundaries), or -1: 卫生 is not in 卫生院.</summary>
    public int Find(string phrase, int from = 0)
    {
        for (var at = Text.IndexOf(phrase, from, StringComparison.Ordinal); at >= 0;
             at = Text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            if (_starts[at] && _ends[at + phrase.Length]) return at;
        return -1;
    }

    public bool Has(string phrase) => Find(phrase) >= 0;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(Words[index].Start, Words[index].Length);
}
