namespace Gongjian.Domain.Evaluation;

/// <summary>How a module indicator adds its records up: how many, or the hours they give.</summary>
public enum RecordMeasure { Count, Hours }

/// <summary>
/// One module indicator: the records of <see cref="Kind"/> it counts (or whose hours it adds). With <see cref="HostKind"/>,
/// a unit's figure counts the records of <see cref="Kind"/> whose source is one the unit hosted (a record of
/// <see cref="HostKind"/> of the unit with the same source): an activity's attendance counts for its organising unit.
/// </summary>
public sealed record ModuleIndicator(string Code, string Name, IndicatorUnit Unit, string Definition, string Kind, RecordMeasure Measure, string? HostKind = null);

/// <summary>
/// The module indicators, each defined once: here, and word for word in <c>docs/INDICATORS.md</c> (a test compares).
/// Driven by the record kinds: <see cref="For"/> gives each kind its indicators, and a kind defined nowhere here (a
/// module added later) gets a count of its records under its own code and Chinese name until it is defined.
/// </summary>
public static class ModuleIndicatorCatalog
{
    public static readonly IReadOnlyList<ModuleIndicator> Defined =
    [
        new("projects_claimed", "认领项目", IndicatorUnit.Count, "本期审核通过的项目认领数，计入认领单位。", "project_claim", RecordMeasure.Count),
        new("milestones_reported", "节点进展", IndicatorUnit.Count, "认领单位本期报告的项目节点进展数。", "milestone_report", RecordMeasure.Count),
        new("wishes_fulfilled", "实现微心愿", IndicatorUnit.Count, "本期实现的微心愿数；单位认领的计入该单位，党员、志愿者个人认领的只计入社区和街道。", "wish_fulfilled", RecordMeasure.Count),
        new("orders_closed", "办结工单", IndicatorUnit.Count, "本期居民确认（或逾期自动确认）办结的工单数，按确认时间计入。", "order_completed", RecordMeasure.Count),
        new("commitment_reports", "双报到承诺", IndicatorUnit.Count, "本期审核通过的单位双报到报告数（每份含若干承诺）。", "unit_commitments", RecordMeasure.Count),
        new("commitments_met", "承诺兑现", IndicatorUnit.Count, "本期标记为已兑现的双报到承诺数。", "commitment_met", RecordMeasure.Count),
        new("volunteer_hours", "志愿服务时长", IndicatorUnit.Hours, "本期登记的志愿服务小时数，按服务日期计入；在成员单位工作的党员、志愿者的时长也计入该单位。", "service_hours", RecordMeasure.Hours),
        new("activity_attendance", "活动参与人次", IndicatorUnit.Count, "本期结束的活动中签到参加的人次；单位主办的活动计入主办单位。", "activity_attended", RecordMeasure.Count, "activity_hosted"),
        new("activities_hosted", "主办活动", IndicatorUnit.Count, "本期结束并登记签到的单位主办活动数。", "activity_hosted", RecordMeasure.Count),
        new("activity_hours", "活动服务时长", IndicatorUnit.Hours, "单位主办的活动中参加者获得的服务小时数合计。", "activity_hosted", RecordMeasure.Hours),
        new("bookings_hosted", "共享资源使用", IndicatorUnit.Count, "单位共享的场地、设施本期被预约并实际使用的次数。", "booking_hosted", RecordMeasure.Count),
        new("grid_reports_resolved", "格事坊办结", IndicatorUnit.Count, "本期就地解决或转派单后办结的网格上报数，计入所在社区和街道。", "grid_report_resolved", RecordMeasure.Count),
        new("deliberations_held", "召开议事", IndicatorUnit.Count, "本期形成决议的议事数（议题经会议议定），计入所在社区和街道。", "deliberation_held", RecordMeasure.Count),
        new("decisions_delivered", "议事决议办结", IndicatorUnit.Count, "本期决议事项全部办完的议事数，计入所在社区和街道。", "decision_delivered", RecordMeasure.Count),
        new("deliberation_participation", "参与议事", IndicatorUnit.Count, "本期形成决议的议事中，单位受邀参会或发表意见的议题数（每个议题每个单位计一次）。", "deliberation_participation", RecordMeasure.Count),
    ];

    /// <summary>The indicators of <paramref name="kinds"/> in their order: each kind's defined ones, or a count of its records.</summary>
    public static IReadOnlyList<ModuleIndicator> For(IEnumerable<string> kinds, Func<string, string> chinese) =>
        [.. kinds.SelectMany(k => Defined.Where(i => i.Kind == k) is var defined && defined.Any() ? defined
            : [new ModuleIndicator(k, chinese(k), IndicatorUnit.Count, $"本期「{chinese(k)}」的记录数。", k, RecordMeasure.Count)])];
}
