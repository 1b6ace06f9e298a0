using Gongjian.Understanding.Text;

namespace Gongjian.Understanding.Slots;

/// <summary>
/// Urgent means something is at stake now (<see cref="Stake"/>): a person trapped, fallen or missing, gas,
/// fire, electricity or water where people are, something collapsing, a fight. Words are matched as whole
/// words. A stake only feared ("怕着火", "万一漏电") or named as the cause of a dispute ("因为漏水吵起来") is
/// not urgent, and the generic words (紧急, 快来人) yield to "不急".
/// </summary>
internal static class UrgencyDetector
{
    private static readonly string[] Generic = ["紧急", "十万火急", "快来人", "赶紧来", "急死了", "救救"];
    private static readonly string[] NotUrgent = ["不急", "不着急", "不紧急", "不用急", "有空"];
    private static readonly string[] NotNow = ["怕", "万一", "担心", "防止", "小心", "预防", "因为", "为了"];

    public static Urgency Detect(string text) => Detect(SegmentedText.Of(text));

    public static Urgency Detect(SegmentedText text) => AtStake(text) is not null ? Urgency.Urgent : GenericUrgency(text.Text);

    /// <summary>The name of the first stake found (for tests and the docs), or null.</summary>
    public static string? AtStake(SegmentedText text)
    {
        foreach (var stake in Stake.All)
        {
            if (stake.Alone.Any(w => Current(text, w))) return stake.Name;
            if (stake.Things.Any(text.Has) && stake.States.Any(w => Current(text, w))) return stake.Name;
        }
        return null;
    }

    private static Urgency GenericUrgency(string text)
    {
        if (NotUrgent.Any(w => text.Contains(w, StringComparison.Ordinal))) return Urgency.Normal;
        return Generic.Any(w => text.Contains(w, StringComparison.Ordinal)) ? Urgency.Urgent : Urgency.Normal;
    }

    /// <summary>The word occurs as whole words at least once without a fear or cause word in the few characters before it.</summary>
    private static bool Current(SegmentedText text, string word)
    {
        for (var at = text.Find(word); at >= 0; at = text.Find(word, at + 1))
        {
            var before = text.Text.AsSpan(Math.Max(0, at - 4), at - Math.Max(0, at - 4));
            var notNow = false;
            foreach (var w in NotNow)
                if (before.Contains(w, StringComparison.Ordinal)) { notNow = true; break; }
            if (!notNow) return true;
        }
        return false;
    }
}
