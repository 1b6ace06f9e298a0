using System.Diagnostics.CodeAnalysis;
using Azure.Data.Tables;
using Gongjian.Engine;
using System.Collections.Concurrent;
using Azure;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongjian.Functions.Records;

/// <summary>
/// Table <c>records</c>: PartitionKey <c>{street}_{year}</c> (a street's year is one query), RowKey the record's id (from
/// the event id: a repeated relay finds its row). Written by each module's notifier through
/// <see cref="RecordingNotifier{TState}"/>; read by <c>GET /api/records</c> and the traces of a score.
/// <para>
/// The module indicators' projection lives in the same partitions: <see cref="RecordCounter"/> rows (row keys after every
/// record's). A record is added together with its counter's update in one entity-group transaction, under the counter's
/// ETag — the record's row is the proof it was counted: a repeated relay finds it and changes nothing, and two records
/// counted at once both count (the loser reads the counter again). This process remembers the counters it wrote (ETag
/// and values), so a record is usually one transaction; the transaction also touches the street-year's stamp row
/// (<see cref="RecordCounter.Stamp"/>). <see cref="FactsAsync"/> reads a period's counters;
/// <see cref="RecountAsync"/> writes a street-year's counters again from its records.
/// </para>
/// </summary>
public sealed class RecordBook(StorageClients storage, ILogger<RecordBook> log)
{
    /// <summary>Attempts at a contended counter (each after a short random pause that grows): many relays can count into one at once.</summary>
    private const int Attempts = 24;
    private const int Remembered = 20_000;

    private readonly TableClient _table = storage.Table(TableNames.Records);
    private readonly ConcurrentDictionary<(string, string), RecordCounter> _known = new();

    public static string Partition(string streetId, int year) => $"{streetId}_{year}";

    /// <summary>Adds the record and counts it, once: a record already stored (a repeated relay) is left as it was first written.</summary>
    public async Task WriteAsync(EvaluationRecord r, CancellationToken ct)
    {
        var partition = Partition(r.StreetId, r.Year);
        var fresh = RecordCounter.Of(r);
        var key = (partition, fresh.RowKey);
        var known = _known.TryGetValue(key, out var k) ? k : null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (known is null)
            {
                var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, fresh.RowKey, cancellationToken: ct);
                known = stored.HasValue ? RecordCounter.Read(stored.Value!) : fresh;
            }
            var next = known.Plus(r);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, Row(r)),
                known.Tag is { } tag ? new(TableTransactionActionType.UpdateReplace, next.Row(partition), tag) : new(TableTransactionActionType.Add, next.Row(partition)),
                new(TableTransactionActionType.UpsertMerge, RecordCounter.StampRow(partition)),
            ];
            try
            {
                var answers = await _table.SubmitTransactionAsync(actions, ct);
                if (answers.Value.Count > 1 && answers.Value[1].Headers.ETag is { } etag) Remember(key, next with { Tag = etag });
                else _known.TryRemove(key, out _);
                return;
            }
            catch (TableTransactionFailedException)
            {
                // The record is stored (counted before: a repeated relay, or written by the rebuild's import), or another
                // writer changed the counter since it was read: tell which, and count again from the stored counter if the latter.
                _known.TryRemove(key, out _);
                if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, r.Id, ["Kind"], ct)).HasValue) return;
                known = null;
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt + 1, 10)), ct);
            }
        }
        throw new InvalidOperationException($"Record counter {partition}/{fresh.RowKey}: still contended after {Attempts} attempts.");
    }

    private void Remember((string, string) key, RecordCounter counter)
    {
        if (_known.Count >= Remembered) _known.Clear();
        _known[key] = counter;
    }

    /// <summary>
    /// Bulk load (the indicators benchmark, an import): upserts in entity-group transactions of up to 100 rows per
    /// street-year, then writes the counters of each street-year it touched again from its records.
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

    /// <summary>
    /// A street-year's counters written again from its records (after an import, a change of what is counted per source,
    /// or to check them). The counters are read before the records, and written back under their ETags (new ones added,
    /// ones no record makes any more deleted): a record counted live meanwhile makes a write fail, and all is read and
    /// written again — so the counters end up equal to the records. Answers the records and counters there are.
    /// </summary>
    public async Task<(int Records, int Counters)> RecountAsync(string streetId, int year, CancellationToken ct)
    {
        var partition = Partition(streetId, year);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = (await CountersAsync(partition, ct)).ToDictionary(c => c.RowKey, StringComparer.Ordinal);
            var records = await ReadAsync(streetId, year, null, ct);
            var counted = RecordCounter.Count(records);
            var actions = counted.Values.Select(c => stored.TryGetValue(c.RowKey, out var was)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, c.Row(partition), was.Tag!.Value)
                    : new TableTransactionAction(TableTransactionActionType.Add, c.Row(partition)))
                .Concat(stored.Values.Where(s => !counted.ContainsKey(s.RowKey))
                    .Select(s => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, s.RowKey), s.Tag!.Value)));
            try
            {
                foreach (var batch in actions.Chunk(100)) await _table.SubmitTransactionAsync(batch, ct);
            }
            catch (TableTransactionFailedException)
            {
                continue; // a record counted live since the counters were read: all again, from what is stored now
            }
            finally
            {
                // Whatever was written, readers holding the counters from before must read them again.
                await _table.UpsertEntityAsync(RecordCounter.StampRow(partition), TableUpdateMode.Merge, CancellationToken.None);
            }
            foreach (var key in stored.Keys.Concat(counted.Keys)) _known.TryRemove((partition, key), out _);
            return (records.Count, counted.Count);
        }
        throw new InvalidOperationException($"Record counters {partition}: still contended after {Attempts} attempts.");
    }

    /// <summary>Every street-year's counters written again (<c>indicators rebuild</c>): the record rows are read once (keys only) to find the street-years.</summary>
    public async Task<(int Years, int Records, int Counters)> RecountAllAsync(CancellationToken ct)
    {
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct)) partitions.Add(row.PartitionKey);
        var (records, counters) = (0, 0);
        foreach (var partition in partitions.Order(StringComparer.Ordinal))
        {
            var cut = partition.LastIndexOf('_');
            if (cut < 0 || !int.TryParse(partition[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var year)) continue;
            var (r, c) = await RecountAsync(partition[..cut], year, ct);
            (records, counters) = (records + r, counters + c);
        }
        log.LogInformation("Record counters rebuilt: {Years} street-years, {Records} records, {Counters} counters", partitions.Count, records, counters);
        return (partitions.Count, records, counters);
    }

    /// <summary>
    /// The counters of <paramref name="period"/>, as facts each standing for its records. This process keeps the counters
    /// of each street-year it read with the stamp's ETag read just before: while the stamp is unchanged (no counter
    /// changed since), a read is one point read; otherwise the year's counters are queried again (one row-key range).
    /// </summary>
    public async Task<List<RecordFact>> FactsAsync(string streetId, EvaluationPeriod period, CancellationToken ct)
    {
        var partition = Partition(streetId, period.Year);
        var stamp = await PartitionStamp.ReadAsync(_table, partition, ct);
        if (stamp is not { } tag || !_years.TryGetValue(partition, out var known) || known.Stamp != tag)
        {
            known = (stamp ?? default, await CountersAsync(partition, ct));
            if (stamp.HasValue)
            {
                if (_years.Count >= RememberedYears) _years.Clear();
                _years[partition] = known;
            }
        }
        var months = period.Months().Select(m => m.Number).ToHashSet();
        return [.. known.Counters.Where(c => months.Contains(c.Month)).Select(c => c.Fact(period.Year))];
    }

    /// <summary>Street-years whose counters this process keeps between reads.</summary>
    private const int RememberedYears = 64;
    private readonly ConcurrentDictionary<string, (ETag Stamp, List<RecordCounter> Counters)> _years = new();

    /// <summary>A street-year's counters (the row keys from <c>~</c> to before the stamp's).</summary>
    private async Task<List<RecordCounter>> CountersAsync(string partition, CancellationToken ct)
    {
        var counters = new List<RecordCounter>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RecordCounter.Prefix} and RowKey lt {RecordCounter.Stamp}"), cancellationToken: ct))
            counters.Add(RecordCounter.Read(row));
        return counters;
    }

    private static TableEntity Row(EvaluationRecord r) => new(Partition(r.StreetId, r.Year), r.Id)
    {
        ["Kind"] = r.Kind, ["SourceId"] = r.SourceId, ["StreetId"] = r.StreetId, ["CommunityId"] = r.CommunityId, ["UnitId"] = r.UnitId,
        ["UnitName"] = r.UnitName, ["ClaimerKind"] = r.ClaimerKind, ["PersonKey"] = r.PersonKey, ["Title"] = r.Title, ["Rating"] = r.Rating,
        ["Hours"] = r.Hours, ["At"] = r.At, ["Year"] = r.Year,
    };

    /// <summary>A street's records of a year, optionally of one unit or one person only (filtered by the table); never the counters.</summary>
    public async Task<List<EvaluationRecord>> ReadAsync(string streetId, int year, string? unitId, CancellationToken ct, string? personKey = null)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(streetId, year)} and RowKey lt {RecordCounter.Prefix}");
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
/// A module's notifier that also writes the module's evaluation records: the records first (each added and counted once),
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
        services.TryAddSingleton<RecordBook>();
        services.TryAddSingleton<TNotifier>();
        services.Replace(ServiceDescriptor.Singleton<INotifier<TState>>(sp =>
            new RecordingNotifier<TState>(sp.GetRequiredService<TNotifier>(), sp.GetRequiredService<RecordBook>(), records)));
        return services;
    }
}
