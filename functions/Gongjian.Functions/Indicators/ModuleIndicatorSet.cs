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
        All.SelectMany(i => ModuleIndicators.Contributing(i, records, unitId)).Select(r => r.Id).Distinct().Count();
}
