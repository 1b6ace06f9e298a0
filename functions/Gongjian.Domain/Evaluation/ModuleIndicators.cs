namespace Gongjian.Domain.Evaluation;

/// <summary>
/// A module indicator's value over a set of records (a street's or community's period, already filtered), for a unit
/// or in all, and the records that make it — the same selection, so every point can be traced to its records.
/// </summary>
public static class ModuleIndicators
{
    /// <summary>The records that make <paramref name="indicator"/> for <paramref name="unitId"/> (null: all of them).</summary>
    public static IEnumerable<RecordFact> Contributing(ModuleIndicator indicator, IReadOnlyList<RecordFact> records, string? unitId)
    {
        if (unitId is null) return records.Where(r => r.Kind == indicator.Kind);
        if (indicator.HostKind is null) return records.Where(r => r.Kind == indicator.Kind && r.UnitId == unitId);
        var hosted = records.Where(r => r.Kind == indicator.HostKind && r.UnitId == unitId).Select(r => r.SourceId).ToHashSet(StringComparer.Ordinal);
        return records.Where(r => r.Kind == indicator.Kind && hosted.Contains(r.SourceId));
    }

    /// <summary>What a fact adds to the indicator: how many records it stands for (one record: 1), or their hours.</summary>
    public static double Of(ModuleIndicator indicator, RecordFact record) => indicator.Measure == RecordMeasure.Hours ? record.Hours ?? 0 : record.Records;

    public static double Value(ModuleIndicator indicator, IReadOnlyList<RecordFact> records, string? unitId) =>
        Math.Round(Contributing(indicator, records, unitId).Sum(r => Of(indicator, r)), 2, MidpointRounding.AwayFromZero);
}
