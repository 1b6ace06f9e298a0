using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Records;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// The module indicators' projection. Table <c>recordtallies</c>, partition <c>{street}_{yyyyMM}</c> (a street's month,
/// Beijing time), holding two kinds of row:
/// <list type="bullet">
/// <item>a <b>counter</b> per record kind, community and unit — and per source for the kinds that credit a unit through
/// what it hosted (an activity's attendance, <see cref="ModuleIndicator.HostKind"/>) —: how many records and the hours they
/// give. Row key <c>c_</c> + a hash of those; the values are properties.</item>
/// <item>a <b>marker</b> per record counted (row key <c>r_{record id}</c>), added in the same entity-group transaction as
/// its counter's update: a record is counted once, however often its module's relay runs.</item>
/// </list>
/// A counter is updated under its ETag; this process remembers the ETag and values it last wrote, so a record usually
/// costs one transaction (a counter not remembered, or changed by another host, costs a read first).
/// <see cref="ReplaceYearAsync"/> writes a street-year again from its records (the rebuild); <see cref="ReadAsync"/>
/// answers a period's counters, a query per month, as <see cref="RecordFact"/>s.
/// </summary>
public sealed class RecordTallyStore(StorageClients storage)
{
    /// <summary>Attempts at a contended counter (each after a short random pause that grows): many relays can count into one at once.</summary>
    private const int Attempts = 24;
    private const int Remembered = 20_000;
    private const string CounterPrefix = "c_";
    private const string MarkerPrefix = "r_";

    /// <summary>The kinds counted per source: both sides of every hosting indicator.</summary>
    private static readonly HashSet<string> BySource =
        [.. ModuleIndicatorSet.All.Where(i => i.HostKind is not null).SelectMany(i => new[] { i.Kind, i.HostKind! })];

    private readonly TableClient _table = storage.Table(TableNames.RecordTallies);
    private readonly ConcurrentDictionary<(string, string), Counter> _known = new();

    public static string Partition(string streetId, int year, int month) => $"{streetId}_{year:D4}{month:D2}";

    private static string Partition(EvaluationRecord r)
    {
        var month = EvaluationPeriod.MonthOf(r.At);
        return Partition(r.StreetId, month.Year, month.Number);
    }

    /// <summary>A counter's identity and values: what the records of one kind, community, unit (and source) in a month add up to.</summary>
    private sealed record Counter(string Kind, string? CommunityId, string? UnitId, string? SourceId, int Records, double Hours, ETag? Tag = null)
    {
        public static Counter Of(EvaluationRecord r) =>
            new(r.Kind, r.CommunityId, r.UnitId, BySource.Contains(r.Kind) ? r.SourceId : null, 0, 0);

        public string RowKey => Key(Kind, CommunityId, UnitId, SourceId);

        public Counter Plus(EvaluationRecord r) => this with { Records = Records + 1, Hours = Hours + (r.Hours ?? 0) };

        public TableEntity Row(string partition) => new(partition, RowKey)
        {
            ["Kind"] = Kind, ["CommunityId"] = CommunityId, ["UnitId"] = UnitId, ["SourceId"] = SourceId, ["Records"] = Records, ["Hours"] = Hours,
        };

        public static Counter Read(TableEntity row) => new(row.GetString("Kind") ?? "", row.GetString("CommunityId"), row.GetString("UnitId"),
            row.GetString("SourceId"), row.GetInt32("Records") ?? 0, row.GetDouble("Hours") ?? 0, row.ETag);
    }

    /// <summary>A counter's row key: ids can hold any character, so a hash of them (the ids themselves are properties).</summary>
    private static string Key(string kind, string? community, string? unit, string? source) =>
        CounterPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{community}\n{unit}\n{source}")).AsSpan(0, 16));

    /// <summary>Counts <paramref name="record"/> (already written to <c>records</c>) in its month, once.</summary>
    public async Task CountAsync(EvaluationRecord record, CancellationToken ct)
    {
        var partition = Partition(record);
        var fresh = Counter.Of(record);
        var key = (partition, fresh.RowKey);
        var known = _known.TryGetValue(key, out var k) ? k : null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (known is null)
            {
                var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, fresh.RowKey, cancellationToken: ct);
                known = stored.HasValue ? Counter.Read(stored.Value!) : fresh;
            }
            var next = known.Plus(record);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(partition, MarkerPrefix + record.Id)),
                known.Tag is { } tag
                    ? new(TableTransactionActionType.UpdateReplace, next.Row(partition), tag)
                    : new(TableTransactionActionType.Add, next.Row(partition)),
            ];
            try
            {
                var answers = await _table.SubmitTransactionAsync(actions, ct);
                var written = answers.Value.Count > 1 ? answers.Value[1].Headers.ETag : null;
                if (written is { } etag) Remember(key, next with { Tag = etag });
                else _known.TryRemove(key, out _);
                return;
            }
            catch (TableTransactionFailedException)
            {
                // The marker exists (counted before: a repeated relay, or the rebuild), or another writer changed the
                // counter since it was read: tell which, and count again from the stored counter if it is the latter.
                _known.TryRemove(key, out _);
                if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, MarkerPrefix + record.Id, ["PartitionKey"], ct)).HasValue) return;
                known = null;
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt + 1, 10)), ct);
            }
        }
        throw new InvalidOperationException($"Record tally {partition}/{fresh.RowKey}: still contended after {Attempts} attempts.");
    }

    private void Remember((string, string) key, Counter counter)
    {
        if (_known.Count >= Remembered) _known.Clear();
        _known[key] = counter;
    }

    /// <summary>The counters of <paramref name="period"/>'s months (a query per month, side by side) as facts, each standing for its records.</summary>
    public async Task<List<RecordFact>> ReadAsync(string streetId, EvaluationPeriod period, CancellationToken ct)
    {
        var months = await Task.WhenAll(period.Months().Select(async m =>
        {
            var facts = new List<RecordFact>();
            await foreach (var c in CountersAsync(Partition(streetId, m.Year, m.Number), ct))
                facts.Add(new RecordFact($"{m.Number:D2}{c.RowKey}", c.Kind, c.SourceId ?? "", c.CommunityId, c.UnitId, c.Hours, m.Start, "", c.Records));
            return facts;
        }));
        return [.. months.SelectMany(f => f)];
    }

    private IAsyncEnumerable<Counter> CountersAsync(string partition, CancellationToken ct) =>
        _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CounterPrefix} and RowKey lt {MarkerPrefix}"),
            cancellationToken: ct).Select(Counter.Read);

    /// <summary>
    /// Writes a street-year's counters again from <paramref name="readRecords"/> (the year's records, all of them), with a
    /// marker for each record. The stored counters are read before the records, and written back under their ETags (new
    /// ones added, ones no record makes any more deleted), markers first: a record counted live meanwhile makes a write
    /// fail, and its month is read and written again — so the counters end up equal to the records, and a record the
    /// rebuild counted is not counted again by its relay. Answers the records and counters written.
    /// </summary>
    public async Task<(int Records, int Counters)> ReplaceYearAsync(string streetId, int year,
        Func<CancellationToken, Task<IReadOnlyList<EvaluationRecord>>> readRecords, CancellationToken ct)
    {
        var months = new EvaluationPeriod(PeriodKind.Year, year, 1).Months().Select(m => (Month: m, Partition: Partition(streetId, m.Year, m.Number))).ToList();
        var stored = await Task.WhenAll(months.Select(m => StoredAsync(m.Partition, ct)));
        var all = await readRecords(ct);
        var (records, counters) = (0, 0);
        for (var i = 0; i < months.Count; i++)
        {
            var (month, partition) = months[i];
            for (var attempt = 0; ; attempt++)
            {
                if (attempt == Attempts) throw new InvalidOperationException($"Record tallies {partition}: still contended after {Attempts} attempts.");
                if (attempt > 0)
                {
                    stored[i] = await StoredAsync(partition, ct); // first the counters, then the records they are compared with
                    all = await readRecords(ct);
                }
                var mine = all.Where(r => month.Contains(r.At)).DistinctBy(r => r.Id).ToList();
                var computed = new Dictionary<string, Counter>(StringComparer.Ordinal);
                foreach (var r in mine)
                {
                    var fresh = Counter.Of(r);
                    computed[fresh.RowKey] = (computed.GetValueOrDefault(fresh.RowKey) ?? fresh).Plus(r);
                }
                foreach (var batch in mine.Chunk(100))
                    await _table.SubmitTransactionAsync([.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, MarkerPrefix + r.Id)))], ct);
                var old = stored[i];
                var actions = computed.Values.Select(c => old.TryGetValue(c.RowKey, out var was)
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, c.Row(partition), was.Tag!.Value)
                        : new TableTransactionAction(TableTransactionActionType.Add, c.Row(partition)))
                    .Concat(old.Values.Where(s => !computed.ContainsKey(s.RowKey))
                        .Select(s => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, s.RowKey), s.Tag!.Value)));
                try
                {
                    foreach (var batch in actions.Chunk(100)) await _table.SubmitTransactionAsync(batch, ct);
                }
                catch (TableTransactionFailedException)
                {
                    continue; // a live count changed a counter since it was read: this month again, from what is stored now
                }
                foreach (var key in old.Keys.Concat(computed.Keys)) _known.TryRemove((partition, key), out _);
                (records, counters) = (records + mine.Count, counters + computed.Count);
                break;
            }
        }
        return (records, counters);
    }

    private async Task<Dictionary<string, Counter>> StoredAsync(string partition, CancellationToken ct)
    {
        var stored = new Dictionary<string, Counter>(StringComparer.Ordinal);
        await foreach (var c in CountersAsync(partition, ct)) stored[c.RowKey] = c;
        return stored;
    }
}
