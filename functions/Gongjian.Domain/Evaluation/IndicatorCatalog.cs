namespace Gongjian.Domain.Evaluation;

public enum IndicatorUnit { Count, Rate, Hours, Rating }

/// <summary>One indicator: its stable code, its Chinese name and its definition as staff read it (console, Excel, docs).</summary>
public sealed record Indicator(string Code, string Name, IndicatorUnit Unit, string Definition, Func<OrderIndicators, double?> Value);

/// <summary>
/// The order indicators, each defined once: here, and word for word in <c>docs/INDICATORS.md</c> (a test compares).
/// An order dispatched to a unit is one 派单; it counts in the period of its dispatch, Beijing time.
/// </summary>
public static class IndicatorCatalog
{
    public static readonly IReadOnlyList<Indicator> Orders =
    [
        new("received", "收到派单", IndicatorUnit.Count, "本期派给该单位的工单数；婉拒后改派的工单，原单位和新单位各计一次。", i => i.Received),
        new("response_rate", "响应率", IndicatorUnit.Rate,
            "按时响应（接单或婉拒）的派单数 ÷ 应响应的派单数；接单时限已到、或已经响应的派单为应响应，时限内被居民撤回或被社区收回的不计。", i => i.ResponseRate),
        new("declined", "婉拒", IndicatorUnit.Count, "单位婉拒的派单数。", i => i.Declined),
        new("withdrawn", "超时收回", IndicatorUnit.Count, "单位未在时限内接单、被收回的派单数（含社区主动收回）。", i => i.Withdrawn),
        new("accepted", "接单", IndicatorUnit.Count, "单位接单的派单数。", i => i.Accepted),
        new("accept_hours_mean", "平均接单用时", IndicatorUnit.Hours, "从派单到接单的平均小时数（已接单的派单）。", i => i.AcceptHoursMean),
        new("accept_hours_p90", "接单用时（90%）", IndicatorUnit.Hours, "90% 的派单在这个小时数内接单（按名次取第 90 百分位）。", i => i.AcceptHoursP90),
        new("on_time_completion_rate", "按时办结率", IndicatorUnit.Rate,
            "首次报告完成在办理时限内的工单数 ÷ 应办结的工单数；已接单且办理时限已到、或已报告完成的为应办结。办理时限按类别。", i => i.OnTimeCompletionRate),
        new("complete_hours_mean", "平均办理用时", IndicatorUnit.Hours, "从接单到首次报告完成的平均小时数。", i => i.CompleteHoursMean),
        new("complete_hours_p90", "办理用时（90%）", IndicatorUnit.Hours, "90% 的工单在这个小时数内首次报告完成。", i => i.CompleteHoursP90),
        new("resolution_rate", "办结率", IndicatorUnit.Rate, "居民确认（或逾期自动确认）办结的工单数 ÷ 接单数。", i => i.ResolutionRate),
        new("satisfaction_rate", "满意率", IndicatorUnit.Rate, "评价 4 星及以上的工单数 ÷ 有评价的工单数；逾期未评价、自动确认的不计入。", i => i.SatisfactionRate),
        new("mean_rating", "平均评分", IndicatorUnit.Rating, "居民评价的平均星级（1–5）。", i => i.MeanRating),
        new("reopen_rate", "重办率", IndicatorUnit.Rate, "被居民退回重办过（至少一次）的工单数 ÷ 已报告完成的工单数。", i => i.ReopenRate),
        new("escalations", "督办", IndicatorUnit.Count, "办理超过时限、被街道督办的次数。", i => i.Escalations),
        new("overdue", "超期", IndicatorUnit.Count, "超过时限的次数：未在时限内答复的派单，加上接单后未在时限内报告完成的工单（仍未完成而已超时的也算）。", i => i.Overdue),
    ];

    public static Indicator? Find(string code) => Orders.FirstOrDefault(i => i.Code == code);
}
