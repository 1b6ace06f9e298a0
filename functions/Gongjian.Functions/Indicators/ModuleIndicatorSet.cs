using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// The module indicators of the record kinds there are (<see cref="RecordKinds.All"/>): a kind a module adds later
/// slots in with a count of its records until <see cref="ModuleIndicatorCatalog"/> defines it.
/// </summary>
public static class ModuleIndicatorSet
{
    public static readonly IReadOnlyList<ModuleIndicator> All = ModuleIndicatorCatalog.For(RecordKinds.All, RecordKinds.Chinese);

    public static readonly IReadOnlyList<IndicatorDefinition> Definitions =
        [.. All.Select(i => new IndicatorDefinition(i.Code, i.Name, i.Unit.ToString().ToLowerInvariant(), i.Definition))];

    public static ModuleIndicator? Find(string code) => All.FirstOrDefault(i => i.Code == code);

    public static RecordFact Fact(EvaluationRecord r) => new(r.Id, r.Kind, r.SourceId, r.CommunityId, r.UnitId, r.Hours, r.At, r.Title);

    /// <summary>The indicators' values over <paramref name="records"/> for a unit (null: all of them).</summary>
    public static IReadOnlyList<IndicatorValue> Values(IReadOnlyList<RecordFact> records, string? unitId) =>
        [.. All.Select(i => new IndicatorValue(i.Code, i.Name, ModuleIndicators.Value(i, records, unitId)))];

    /// <summary>How many records make a unit's (or all) figures.</summary>
    public static int Count(IReadOnlyList<RecordFact> records, string? unitId) =>
        All.SelectMany(i => ModuleIndicators.Contributing(i, records, unitId)).DistinctBy(r => r.Id).Sum(r => r.Records);

    /// <summary>
    /// Each unit's share of <paramref name="facts"/>: its own, and those of the sources it hosted (an activity's
    /// attendance). A unit's values and count from its share equal those from all the facts, without every unit and
    /// indicator scanning all of them.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<RecordFact>> ByUnit(IReadOnlyList<RecordFact> facts)
    {
        var hosting = All.Where(i => i.HostKind is not null).ToList();
        var guests = facts.Where(f => hosting.Any(i => i.Kind == f.Kind)).ToLookup(f => (f.Kind, f.SourceId));
        return facts.Where(f => f.UnitId is not null).GroupBy(f => f.UnitId!, StringComparer.Ordinal).ToDictionary(g => g.Key, IReadOnlyList<RecordFact> (g) =>
        [
            .. g.Concat(hosting.SelectMany(i => g.Where(f => f.Kind == i.HostKind).SelectMany(h => guests[(i.Kind, h.SourceId)]))).DistinctBy(f => f.Id),
        ], StringComparer.Ordinal);
    }
}
