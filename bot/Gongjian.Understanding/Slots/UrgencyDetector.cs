namespace Gongjian.Understanding.Slots;

/// <summary>
/// Urgent means someone may get hurt or property is being damaged right now: water, fire, gas,
/// electricity, a person trapped or fallen. A danger only feared ("怕着火", "万一漏电") is not urgent,
/// and the generic words (紧急, 快来人) yield to "不急".
/// </summary>
internal static class UrgencyDetector
{
    private static readonly string[] Dangers =
    [
        "漏水", "跑水", "爆管", "水管爆", "管子爆", "冻裂", "冒水", "淹了", "泡了",
        "着火", "起火", "失火", "火灾", "冒烟", "煤气", "燃气", "天然气", "漏气", "有气味",
        "停电", "断电", "没电了", "漏电", "触电", "冒火花", "打火花",
        "电梯困人", "困在电梯", "困电梯", "关在电梯", "卡在电梯", "被困",
        "摔倒", "摔了", "跌倒", "晕倒", "昏倒", "昏迷", "不省人事", "喘不上气", "心脏病犯",
        "救命", "急救", "打架", "动刀", "持刀", "砍人", "走丢", "走失", "塌了", "坍塌", "倒塌", "要倒",
    ];

    private static readonly string[] Generic = ["紧急", "十万火急", "快来人", "赶紧来", "急死了", "救救"];
    private static readonly string[] NotUrgent = ["不急", "不着急", "不紧急", "不用急", "有空"];
    private static readonly string[] OnlyFeared = ["怕", "万一", "担心", "防止", "小心", "预防"];

    public static Urgency Detect(string text)
    {
        foreach (var danger in Dangers)
            for (var at = text.IndexOf(danger, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(danger, at + danger.Length, StringComparison.Ordinal))
                if (!Feared(text, at)) return Urgency.Urgent;

        if (NotUrgent.Any(w => text.Contains(w, StringComparison.Ordinal))) return Urgency.Normal;
        return Generic.Any(w => text.Contains(w, StringComparison.Ordinal)) ? Urgency.Urgent : Urgency.Normal;
    }

    /// <summary>"怕着火" / "万一停电": the fear word sits within the few characters before the danger.</summary>
    private static bool Feared(string text, int at)
    {
        var before = text.AsSpan(Math.Max(0, at - 3), at - Math.Max(0, at - 3));
        foreach (var w in OnlyFeared)
            if (before.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
