using System.Text;

namespace Gongjian.Understanding.Text;

/// <summary>
/// The one place that turns raw chat input into the text every reader works on. Residents type on
/// phone keyboards that switch to full-width forms and ideographic spaces, some type traditional
/// characters, and pinyin or voice input picks wrong homophones: all of that is folded here once, so no
/// reader has to know about it. Chinese punctuation (，。？！：；) is kept because summaries show it.
/// </summary>
internal static class ResidentText
{
    /// <summary>Longer messages are cut, so the time any reader takes stays bounded.</summary>
    public const int MaxLength = 2_000;

    public static string Prepare(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var span = raw.AsSpan(0, Math.Min(raw.Length, MaxLength));
        var sb = new StringBuilder(span.Length);
        foreach (var ch in span)
        {
            sb.Append(ch switch
            {
                '，' or '！' or '？' or '：' or '；' => ch,
                // The rest of the full-width block (digits, letters, ＋－（）＠…) is ASCII shifted by 0xFEE0.
                >= '！' and <= '～' => (char)(ch - 0xFEE0),
                '\u3000' or '\t' or '\r' or '\n' => ' ',
                _ when char.IsControl(ch) => ' ',
                _ => ch,
            });
        }
        return DomainTypos.Fix(TraditionalToSimplified.Table.Convert(sb.ToString().Trim()));
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>Garbage guard: a wish in Chinese has at least two Han characters.</summary>
    public static bool LooksLikeChinese(string text)
    {
        var han = 0;
        foreach (var c in text)
            if (IsHan(c) && ++han >= 2) return true;
        return false;
    }
}
