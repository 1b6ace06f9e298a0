using System.Diagnostics.CodeAnalysis;
using Azure.Data.Tables;
using Gongjian.Engine;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongjian.Functions.Records;

/// <summary>
/// Table <c>records</c>: PartitionKey <c>{street}_{year}</c> (a street's year is one query), RowKey the record's id
/// (from the event id: a repeated relay replaces the same row). Written by each module's notifier through
/// <see cref="RecordingNotifier{TState}"/>, each record then counted in the module indicators' projection
/// (<see cref="RecordTallyStore"/>); read by <c>GET /api/records</c> and the traces of a score.
/// </summary>
public sealed class RecordBook(StorageClients storage, RecordTallyStore tallies, ILogger<RecordBook> log)
{
    private readonly TableClient _table = storage.Table(TableNames.Records);

    public static string Partition(string streetId, int year) => $"{streetId}_{year}";

    /// <summary>Writes the record, then counts it (a failure in between leaves it uncounted until the relay runs again, which counts it once).</summary>
    public async Task WriteAsync(EvaluationRecord r, CancellationToken ct)
    {
        await _table.UpsertEntityAsync(Row(r), TableUpdateMode.Replace, ct);
        await tallies.CountAsync(r, ct);
    }

    /// <summary>
    /// Bulk load (the indicators benchmark, an import): upserts in entity-group transactions of up to 100 rows per
    /// street-year, then writes the projection of each street-year it touched again from its records.
    /// </summary>
    public async Task<int> WriteManyAsync(IEnumerable<EvaluationRecord> records, CancellationToken ct)
    {
        var written = 0;
        foreach (var partition in records.GroupBy(r => (r.StreetId, r.Year)))
        {
            foreach (var batch in partition.DistinctBy(r => r.Id).Chunk(100))
            {
                await _table.SubmitTransactionAsync([.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(r)))], ct);
                written += batch.Length;
            }
            await RecountAsync(partition.Key.StreetId, partition.Key.Year, ct);
        }
        return written;
    }

    /// <summary>The module indicators' projection of a street-year written again from its records.</summary>
    public Task<(int Records, int Counters)> RecountAsync(string streetId, int year, CancellationToken ct) =>
        tallies.ReplaceYearAsync(streetId, year, async c => await ReadAsync(streetId, year, null, c), ct);

    /// <summary>Every street-year's projection written again (<c>indicators rebuild</c>): the records are read once to find the street-years.</summary>
    public async Task<(int Years, int Records, int Counters)> RecountAllAsync(CancellationToken ct)
    {
        var years = new HashSet<(string, int)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["StreetId", "Year"], cancellationToken: ct))
            years.Add((row.GetString("StreetId") ?? "", row.GetInt32("Year") ?? 0));
        var (records, counters) = (0, 0);
        foreach (var (street, year) in years.Order())
        {
            var (r, c) = await RecountAsync(street, year, ct);
            (records, counters) = (records + r, counters + c);
        }
        log.LogInformation("Record tallies rebuilt: {Years} street-years, {Records} records, {Counters} counters", years.Count, records, counters);
        return (years.Count, records, counters);
    }

    private static TableEntity Row(EvaluationRecord r) => new(Partition(r.StreetId, r.Year), r.Id)
    {
        ["Kind"] = r.Kind, ["SourceId"] = r.SourceId, ["StreetId"] = r.StreetId, ["CommunityId"] = r.CommunityId, ["UnitId"] = r.UnitId,
        ["UnitName"] = r.UnitName, ["ClaimerKind"] = r.ClaimerKind, ["PersonKey"] = r.PersonKey, ["Title"] = r.Title, ["Rating"] = r.Rating,
        ["Hours"] = r.Hours, ["At"] = r.At, ["Year"] = r.Year,
    };

    /// <summary>A street's records of a year, optionally of one unit or one person only (filtered by the table).</summary>
    public async Task<List<EvaluationRecord>> ReadAsync(string streetId, int year, string? unitId, CancellationToken ct, string? personKey = null)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(streetId, year)}");
        if (unitId is not null) filter += " and " + TableClient.CreateQueryFilter($"UnitId eq {unitId}");
        if (personKey is not null) filter += " and " + TableClient.CreateQueryFilter($"PersonKey eq {personKey}");
        var records = new List<EvaluationRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            records.Add(new EvaluationRecord
            {
                Id = row.RowKey, Kind = row.GetString("Kind") ?? "", SourceId = row.GetString("SourceId") ?? "", StreetId = row.GetString("StreetId") ?? "",
                CommunityId = row.GetString("CommunityId"), UnitId = row.GetString("UnitId"), UnitName = row.GetString("UnitName"),
                ClaimerKind = row.GetString("ClaimerKind") ?? "", PersonKey = row.GetString("PersonKey"), Title = row.GetString("Title") ?? "",
                Rating = row.GetInt32("Rating"), Hours = row.GetDouble("Hours"), At = row.GetDateTimeOffset("At") ?? default,
            });
        return records;
    }
}

/// <summary>
/// A module's notifier that also writes the module's evaluation records: the records first (idempotent upserts),
/// then the module's own fan-out. A failure leaves the outbox row, and the sweeper runs both again.
/// </summary>
public sealed class RecordingNotifier<TState>(INotifier<TState> inner, RecordBook book, Func<EventMessage, TState, IEnumerable<EvaluationRecord>> records)
    : INotifier<TState>
{
    public async Task NotifyAsync(EventMessage message, TState state, CancellationToken ct)
    {
        foreach (var r in records(message, state)) await book.WriteAsync(r, ct);
        await inner.NotifyAsync(message, state, ct);
    }

    public Task RemindAsync(TimerMessage timer, TState state, CancellationToken ct) => inner.RemindAsync(timer, state, ct);
}

public static class RecordServices
{
    /// <summary>Wraps the module's notifier (registered by <c>AddModule</c>) so that its events also write their records.</summary>
    public static IServiceCollection AddRecordsOf<TState,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TNotifier>(
        this IServiceCollection services, Func<EventMessage, TState, IEnumerable<EvaluationRecord>> records)
        where TNotifier : class, INotifier<TState>
    {
        services.TryAddSingleton<RecordTallyStore>();
        services.TryAddSingleton<RecordBook>();
        services.TryAddSingleton<TNotifier>();
        services.Replace(ServiceDescriptor.Singleton<INotifier<TState>>(sp =>
            new RecordingNotifier<TState>(sp.GetRequiredService<TNotifier>(), sp.GetRequiredService<RecordBook>(), records)));
        return services;
    }
}
