using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// 工单考核指标: a street's order indicators over a month, quarter or year (Beijing time), per unit and in all, read from
/// the projection's unit-month tallies (one partition query per year), as of now. Scoped as the evaluation records are.
/// </summary>
public static class OrderIndicatorsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "indicators/orders");

    public static async Task<IResult> Run(HttpContext context, OrderTallyStore tallies, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        var snapshot = await directory.GetAsync(ct);
        var text = IndexPage.Param(context, "period");
        var period = text is null ? new EvaluationPeriod(PeriodKind.Year, now.ToOffset(EvaluationPeriod.Beijing).Year, 1)
            : EvaluationPeriod.TryParse(text) ?? throw ApiProblem.BadRequest("invalid_period", "统计期间格式不正确，请写成 2026、2026-Q3 或 2026-07。", "period");
        if (period.Start > now) throw ApiProblem.BadRequest("period_in_future", "统计期间还没有开始。", "period");
        var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), IndexPage.Param(context, "unit"),
            IndexPage.Param(context, "community"), "考核指标");
        var months = period.Months().Select(m => m.Number).ToHashSet();
        var rows = (await tallies.ReadYearAsync(scope.StreetId, period.Year, ct))
            .Where(r => months.Contains(r.Month) && (scope.UnitId is null || r.UnitId == scope.UnitId) && scope.Sees(r.UnitId, null)).ToList();
        var sums = rows.GroupBy(r => r.UnitId)
            .Select(g => (Id: g.Key, Name: snapshot.Units.TryGetValue(g.Key, out var u) ? u.Name : g.Last().UnitName, Tally: OrderTally.Sum(g.Select(r => r.Tally)))).ToList();
        var units = sums.Select(s => View(s.Id, s.Name, s.Tally, now))
            .OrderByDescending(u => u.Received).ThenBy(u => u.UnitId, StringComparer.Ordinal).ToList();
        var all = OrderTally.Sum(sums.Select(s => s.Tally));
        return Results.Json(ToView(scope.StreetId, period, now, View("", "合计", all, now), units, all), IndicatorJson.Web.OrderIndicatorsView);
    }

    public static OrderIndicatorsView ToView(string streetId, EvaluationPeriod period, DateTimeOffset asOf, UnitIndicators total, IReadOnlyList<UnitIndicators> units,
        OrderTally all) =>
        new(streetId, period.Code, period.Chinese, asOf, total, units, Definitions, [.. all.ReceivedByCategory
            .Select(c => new CategoryCount(c.Key, Domain.Community.ServiceCategory.NameOf(c.Key), c.Value))
            .OrderByDescending(c => c.Received).ThenBy(c => c.Category, StringComparer.Ordinal)]);

    public static readonly IReadOnlyList<IndicatorDefinition> Definitions =
        [.. IndicatorCatalog.Orders.Select(i => new IndicatorDefinition(i.Code, i.Name, i.Unit.ToString().ToLowerInvariant(), i.Definition))];

    public static UnitIndicators View(string unitId, string unitName, OrderTally tally, DateTimeOffset asOf)
    {
        var i = tally.Read(asOf);
        return new UnitIndicators(unitId, unitName,
            [.. IndicatorCatalog.Orders.Select(d => new IndicatorValue(d.Code, d.Name, Round(d.Value(i), d.Unit)))], i.Received, i.ResponseDue, i.CompletionDue, i.Rated);
    }

    /// <summary>Rates to four places (0.8333), hours and ratings to two: what a person reads, without float noise.</summary>
    private static double? Round(double? v, IndicatorUnit unit) => v is { } x ? Math.Round(x, unit == IndicatorUnit.Rate ? 4 : 2, MidpointRounding.AwayFromZero) : null;
}
