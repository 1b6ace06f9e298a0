using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Indicators;

/// <summary>A unit's, community's or the street's module indicators over the period, with how many records make them.</summary>
public sealed record ModuleFigures(string Id, string Name, IReadOnlyList<IndicatorValue> Values, int Records);

public sealed record ModuleIndicatorsView(string StreetId, string Period, string PeriodName, DateTimeOffset AsOf, ModuleFigures Total,
    IReadOnlyList<ModuleFigures> Units, IReadOnlyList<ModuleFigures> Communities, IReadOnlyList<IndicatorDefinition> Definitions);

/// <summary>
/// 共建考核指标: a street's module indicators (projects claimed, milestones, 双报到 commitments kept, activities and
/// attendance, bookings hosted, volunteer hours, wishes fulfilled, and any record kind added later) over a month,
/// quarter or year, per unit, per community and in all, from the month counters kept beside the records (<see cref="RecordCounter"/>:
/// one range query). Scoped as
/// the order indicators; a unit's figures count what it hosted (its activities' attendance) though those records name no unit.
/// </summary>
public static class ModuleIndicatorsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "indicators/modules");

    public static async Task<IResult> Run(HttpContext context, RecordBook book, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        var snapshot = await directory.GetAsync(ct);
        var period = PeriodQuery.Period(context, now);
        var community = IndexPage.Param(context, "community");
        var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), IndexPage.Param(context, "unit"), community, "考核指标");
        return Results.Json(Compute(snapshot, scope, community, period, now, await book.FactsAsync(scope.StreetId, period, ct)), Scorecards.ScorecardJson.Web.ModuleIndicatorsView);
    }

    /// <summary>The view of <paramref name="records"/> (the street's facts in the period) as <paramref name="scope"/> may see it.</summary>
    public static ModuleIndicatorsView Compute(CommunityDirectory.Snapshot snapshot, EvaluationScope scope, string? community, EvaluationPeriod period,
        DateTimeOffset asOf, IReadOnlyList<RecordFact> records)
    {
        var unitIds = records.Where(r => r.UnitId is not null).Select(r => r.UnitId!)
            .Concat(snapshot.Units.Values.Where(u => u.StreetId == scope.StreetId && !u.IsRetired).Select(u => u.Id))
            .Concat(scope.UnitId is { } asked ? [asked] : []) // a retired unit asked for by name: its figures, zeros or not
            .Distinct().Where(u => (scope.UnitId is null || u == scope.UnitId) && scope.Sees(u, null));
        var byUnit = ModuleIndicatorSet.ByUnit(records);
        var units = unitIds.Select(u => Figures(u, snapshot.Units.TryGetValue(u, out var m) ? m.Name : u, byUnit.GetValueOrDefault(u) ?? [], u))
            .OrderByDescending(f => f.Records).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var visible = records.Where(r => scope.Sees(r.UnitId, r.CommunityId)).ToList();
        var total = scope.UnitId is not null ? units.Single() with { Id = "", Name = "合计" } : Figures("", "合计", visible, null);
        var communities = scope.UnitId is not null ? [] : snapshot.Communities.Values
            .Where(c => c.StreetId == scope.StreetId && (community is null || c.Id == community) && scope.Sees(null, c.Id))
            .Select(c => Figures(c.Id, c.Name, [.. visible.Where(r => r.CommunityId == c.Id)], null)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new(scope.StreetId, period.Code, period.Chinese, asOf, total, units, communities, ModuleIndicatorSet.Definitions);
    }

    private static ModuleFigures Figures(string id, string name, IReadOnlyList<RecordFact> records, string? unitId) =>
        new(id, name, ModuleIndicatorSet.Values(records, unitId), ModuleIndicatorSet.Count(records, unitId));
}
