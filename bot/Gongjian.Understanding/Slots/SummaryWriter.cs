using System.Text;
using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Slots;

/// <summary>
/// One line in the resident's own words for lists and notifications: the phone number, the
/// contact phrase and polite filler are cut (staff lists must not carry phone numbers), spaces that
/// residents use between clauses become "，", and whole clauses are kept while they fit.
/// </summary>
internal static class SummaryWriter
{
    public const int MaxLength = 30;

    private static readonly string[] Filler =
    [
        "您好", "你好", "请问一下", "请问", "麻烦你们", "麻烦您", "麻烦了", "麻烦", "谢谢你们", "谢谢了", "谢谢", "多谢",
        "感谢", "拜托了", "拜托", "社区领导", "领导", "同志们",
    ];

    // Only right before the number is "电话" a label; elsewhere ("社区电话多少") it is the wish itself.
    private static readonly string[] PhoneLabels = ["我家电话", "家里电话", "我的电话", "联系电话", "电话号码", "手机号码", "手机号", "电话是", "电话", "手机", "tel", "Tel"];

    private static readonly char[] ClauseBreaks = ['，', ',', '。', '.', '！', '!', '？', '?', '；', ';', '：', ':', '、', ' ', '~', '～'];

    public static string? Write(string text, params ReadOnlySpan<(int Start, int Length)> cuts)
    {
        var kept = Cut(text, cuts);
        foreach (var f in Filler) kept = kept.Replace(f, " ", StringComparison.Ordinal);

        var clauses = kept.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(ResidentText.LooksLikeChinese).ToList();
        if (clauses.Count == 0) return null;
        if (clauses[0].Length > MaxLength) return string.Concat(clauses[0].AsSpan(0, MaxLength - 1), "…");

        var sb = new StringBuilder(clauses[0]);
        foreach (var clause in clauses.Skip(1))
        {
            if (sb.Length + 1 + clause.Length > MaxLength) break;
            sb.Append('，').Append(clause);
        }
        return sb.ToString();
    }

    private static string Cut(string text, ReadOnlySpan<(int Start, int Length)> cuts)
    {
        var chars = text.ToCharArray();
        foreach (var (start, length) in cuts)
            for (var i = start; i < start + length && i < chars.Length; i++) chars[i] = ' ';
        return new string(chars);
    }

    /// <summary>The phone's span widened to the label before it ("电话：138…"), so both leave the summary.</summary>
    public static (int Start, int Length) WithLabel(string text, int start, int length)
    {
        var s = start;
        while (s > 0 && text[s - 1] is ' ' or '：' or ':') s--;
        foreach (var label in PhoneLabels)
            if (s >= label.Length && text.AsSpan(s - label.Length, label.Length).SequenceEqual(label))
            {
                s -= label.Length;
                break;
            }
        return (s, start + length - s);
    }
}
