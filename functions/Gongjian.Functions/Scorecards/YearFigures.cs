using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// Every unit's indicator values for a street's year, as the scorecard scores them: the order indicators from the
/// projection's unit-month tallies (as of now, like <c>GET /api/indicators/orders</c>) and the module indicators from the
/// year's record counters (like <c>GET /api/indicators/modules</c>). The units: the street's, retired ones only when they have figures.
/// </summary>
public sealed class YearFigures(OrderTallyStore tallies, RecordBook book)
{
    public async Task<List<UnitFigures>> ReadAsync(CommunityDirectory.Snapshot snapshot, string streetId, int year, DateTimeOffset asOf, CancellationToken ct)
    {
        var orderRows = await tallies.ReadYearAsync(streetId, year, ct);
        var records = await book.FactsAsync(streetId, new EvaluationPeriod(PeriodKind.Year, year, 1), ct);
        var byUnit = ModuleIndicatorSet.ByUnit(records);
        var orders = orderRows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => OrderTally.Sum(g.Select(r => r.Tally)));
        var ids = snapshot.Units.Values.Where(u => u.StreetId == streetId && !u.IsRetired).Select(u => u.Id)
            .Concat(orders.Keys).Concat(records.Where(r => r.UnitId is not null).Select(r => r.UnitId!)).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var name = snapshot.Units.TryGetValue(id, out var u) ? u.Name : orderRows.FirstOrDefault(r => r.UnitId == id).UnitName ?? id;
            var values = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var v in OrderIndicatorsFunction.View(id, name, orders.GetValueOrDefault(id) ?? OrderTally.Empty, asOf).Values) values[v.Code] = v.Value;
            foreach (var v in ModuleIndicatorSet.Values(byUnit.GetValueOrDefault(id) ?? [], id)) values[v.Code] = v.Value;
            return new UnitFigures(id, name, values);
        })];
    }
}
