using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// 得分依据: the records (or dispatches) that make a unit's value of an indicator in a year, each with what it adds.
/// <see cref="TraceAsync"/> computes one now; <see cref="TraceAllAsync"/> every unit's every scored indicator of a
/// scorecard — what publishing stores beside the frozen result, so a published year traces as it was.
/// </summary>
public sealed class ScoreTracer(RecordBook records, OrderTallyStore episodes, SlaPolicy policy)
{
    public async Task<TraceView> TraceAsync(string streetId, int year, string unitId, string unitName, string code, DateTimeOffset now, CancellationToken ct)
    {
        if (IndicatorCatalog.Find(code) is { } order)
            return OrderTrace(streetId, year, unitId, unitName, order, await episodes.ReadEpisodesAsync(streetId, unitId, year, ct), now);
        var module = ModuleIndicatorSet.Find(code)!;
        // A unit's own records are its figures (the table filters them), unless the indicator credits what it hosted.
        var facts = (await records.ReadAsync(streetId, year, module.HostKind is null ? unitId : null, ct)).Select(ModuleIndicatorSet.Fact).ToList();
        return ModuleTrace(streetId, year, unitId, unitName, module, facts);
    }

    /// <summary>The traces of every line's unit for every indicator <paramref name="card"/>'s scheme scores (the year's records read once, each unit's episodes once).</summary>
    public async Task<List<TraceView>> TraceAllAsync(ScorecardView card, DateTimeOffset now, CancellationToken ct)
    {
        var codes = card.Scheme.Items.Select(i => i.Indicator).Distinct(StringComparer.Ordinal).ToList();
        var orderCodes = codes.Select(IndicatorCatalog.Find).OfType<Indicator>().ToList();
        var moduleCodes = codes.Select(ModuleIndicatorSet.Find).OfType<ModuleIndicator>().ToList();
        var facts = moduleCodes.Count == 0 ? [] : (await records.ReadAsync(card.StreetId, card.Year, null, ct)).Select(ModuleIndicatorSet.Fact).ToList();
        var traces = new List<TraceView>();
        foreach (var line in card.Lines)
        {
            var unitEpisodes = orderCodes.Count == 0 ? [] : await episodes.ReadEpisodesAsync(card.StreetId, line.UnitId, card.Year, ct);
            traces.AddRange(orderCodes.Select(o => OrderTrace(card.StreetId, card.Year, line.UnitId, line.UnitName, o, unitEpisodes, now)));
            traces.AddRange(moduleCodes.Select(m => ModuleTrace(card.StreetId, card.Year, line.UnitId, line.UnitName, m, facts)));
        }
        return traces;
    }

    private TraceView OrderTrace(string streetId, int year, string unitId, string unitName, Indicator order, IReadOnlyList<DispatchEpisode> unitEpisodes, DateTimeOffset now)
    {
        var items = new List<TraceItem>();
        var tally = OrderTally.Empty;
        foreach (var e in unitEpisodes)
        {
            var one = OrderTally.Of([e], now, policy);
            tally = tally.Add(one);
            if (order.Value(one.Read(now)) is { } v && (order.Unit != IndicatorUnit.Count || v > 0))
                items.Add(new TraceItem(e.OrderId, "order", "派单", Domain.Community.ServiceCategory.NameOf(e.Category), e.DispatchedAt, Math.Round(v, 2)));
        }
        var value = OrderIndicatorsFunction.View(unitId, unitName, tally, now).Values.Single(v => v.Code == order.Code).Value;
        return new TraceView(streetId, year, unitId, unitName, order.Code, order.Name, order.Definition, value, items);
    }

    private static TraceView ModuleTrace(string streetId, int year, string unitId, string unitName, ModuleIndicator module, IReadOnlyList<RecordFact> facts)
    {
        var contributing = ModuleIndicators.Contributing(module, facts, unitId).OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new TraceItem(r.SourceId, r.Kind, RecordKinds.Chinese(r.Kind), r.Title, r.At, ModuleIndicators.Of(module, r))).ToList();
        return new TraceView(streetId, year, unitId, unitName, module.Code, module.Name, module.Definition, ModuleIndicators.Value(module, facts, unitId), contributing);
    }
}
