using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Records;

/// <summary>
/// What the records of one kind, community and unit in a month add up to — and of one source, for the kinds that credit
/// a unit through what it hosted (an activity's attendance, <see cref="ModuleIndicator.HostKind"/>): how many, and the
/// hours they give. A row of table <c>records</c> in the street-year's partition beside the records it counts, row key
/// <c>~{MM}_{hash}</c> (after every record id; the ids themselves are properties), so a record and its counter change
/// in one entity-group transaction.
/// </summary>
public sealed record RecordCounter(int Month, string Kind, string? CommunityId, string? UnitId, string? SourceId, int Records, double Hours, ETag? Tag = null)
{
    /// <summary>Counter rows sort after every record row (record ids begin with their kind).</summary>
    public const string Prefix = "~";

    /// <summary>
    /// The street-year's stamp row, after every counter: written (unconditionally) in every transaction that changes a
    /// counter, so its ETag changes whenever any counter does — one point read tells a reader whether what it read before still holds.
    /// </summary>
    public const string Stamp = PartitionStamp.RowKey;

    public static TableEntity StampRow(string partition) => PartitionStamp.Row(partition, "counters");

    /// <summary>The kinds counted per source: both sides of every hosting indicator.</summary>
    private static readonly HashSet<string> BySource =
        [.. ModuleIndicatorSet.All.Where(i => i.HostKind is not null).SelectMany(i => new[] { i.Kind, i.HostKind! })];

    /// <summary>The counter <paramref name="r"/> goes into, before it is counted.</summary>
    public static RecordCounter Of(EvaluationRecord r) =>
        new(EvaluationPeriod.MonthOf(r.At).Number, r.Kind, r.CommunityId, r.UnitId, BySource.Contains(r.Kind) ? r.SourceId : null, 0, 0);

    public string RowKey => $"{Prefix}{Month:D2}_" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}\n{CommunityId}\n{UnitId}\n{SourceId}")).AsSpan(0, 16));

    public RecordCounter Plus(EvaluationRecord r) => this with { Records = Records + 1, Hours = Hours + (r.Hours ?? 0) };

    public TableEntity Row(string partition) => new(partition, RowKey)
    {
        ["Month"] = Month, ["Kind"] = Kind, ["CommunityId"] = CommunityId, ["UnitId"] = UnitId, ["SourceId"] = SourceId, ["Records"] = Records, ["Hours"] = Hours,
    };

    public static RecordCounter Read(TableEntity row) => new(row.GetInt32("Month") ?? 0, row.GetString("Kind") ?? "", row.GetString("CommunityId"),
        row.GetString("UnitId"), row.GetString("SourceId"), row.GetInt32("Records") ?? 0, row.GetDouble("Hours") ?? 0, row.ETag);

    /// <summary>The counter as a module indicator reads it: one fact standing for its records, dated at its month's start.</summary>
    public RecordFact Fact(int year) =>
        new(RowKey, Kind, SourceId ?? "", CommunityId, UnitId, Hours, new EvaluationPeriod(PeriodKind.Month, year, Month).Start, "", Records);

    /// <summary>The counters <paramref name="records"/> make.</summary>
    public static Dictionary<string, RecordCounter> Count(IEnumerable<EvaluationRecord> records)
    {
        var counters = new Dictionary<string, RecordCounter>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            var fresh = Of(r);
            counters[fresh.RowKey] = (counters.GetValueOrDefault(fresh.RowKey) ?? fresh).Plus(r);
        }
        return counters;
    }
}
