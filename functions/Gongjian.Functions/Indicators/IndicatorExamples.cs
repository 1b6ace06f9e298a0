using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Indicators;

/// <summary>The indicators API's tag and example in the published contract (a unit's July: one answered late, one reworked).</summary>
public static class IndicatorExamples
{
    public static readonly ApiTag Tag = new("考核指标 Indicators",
        "工单考核指标：响应率、按时办结率、办结率、满意率、重办率、督办，按街道、单位和月、季、年统计。Order indicators per unit and period, Beijing time.");

    private static readonly DateTimeOffset At = new(2026, 7, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly DispatchEpisode[] Sample =
    [
        new() { OrderId = "GJ260703-7KQ3MZ", StreetId = "caiyuan", CommunityId = "dongqili", UnitId = "baosheng-property", UnitName = "泰山宝盛置业有限公司",
            Category = "repair", DispatchedAt = At, AcceptedAt = At.AddHours(1), FirstCompletedAt = At.AddHours(30), ConfirmedAt = At.AddHours(32), Rating = 5, Version = 6 },
        new() { OrderId = "GJ260710-2MVX8C", StreetId = "caiyuan", CommunityId = "sanlian", UnitId = "baosheng-property", UnitName = "泰山宝盛置业有限公司",
            Category = "repair", DispatchedAt = At.AddDays(7), AcceptedAt = At.AddDays(7).AddHours(6), FirstCompletedAt = At.AddDays(9),
            ReopenedAt = [At.AddDays(10)], ConfirmedAt = At.AddDays(11), Rating = 3, Version = 9 },
    ];

    public static readonly OrderIndicatorsView View = Make();

    private static OrderIndicatorsView Make()
    {
        var asOf = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var tally = OrderTally.Of(Sample, asOf, SlaPolicy.Default);
        var unit = OrderIndicatorsFunction.View("baosheng-property", "泰山宝盛置业有限公司", tally, asOf);
        return OrderIndicatorsFunction.ToView("caiyuan", EvaluationPeriod.TryParse("2026-07")!, asOf, unit with { UnitId = "", UnitName = "合计" }, [unit], tally);
    }
}
