using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// The order indicators' projection, table <c>ordertallies</c>, one partition per street and year (<c>{street}_{yyyy}</c>):
/// per unit and month a tally row (row key <c>{unit}_{MM}</c>, the month's <see cref="OrderTally"/>) and, after every
/// tally row (<c>~</c> sorts after the unit ids' letters, digits and hyphens), the month's dispatch episodes (row key
/// <c>~{unit}_{MM}_{order id}_{dispatch ticks}</c>, with the order's version so a late writer never puts an older episode back).
/// <para>
/// An episode and the tally it counts in share a partition, so a relay writes both in one entity-group transaction: the
/// episode (inserted, or replaced If-Match its ETag) and the tally recomputed with it (If-Match the tally's ETag). Either
/// both are stored or neither: an episode row is the proof that its tally counts it, and two writers of a month cannot
/// both win with stale counts. This process remembers, per unit-month, the tally's ETag and the episodes (with their
/// ETags) of its last write, so the usual event is that one transaction and no read; a failed transaction (another host
/// wrote the month since) forgets the month, reads it (the tally's ETag, then its episodes) and tries again.
/// </para>
/// <para>
/// Every transaction that changes a tally or an episode of a street-year — a relay's, a recompute's, each of a bulk
/// load's — also merges the partition's stamp row (<see cref="Stamp"/>, <c>~~</c>, after every episode; see
/// <see cref="PartitionStamp"/>), unconditionally, so its ETag changes with any of them at no extra request.
/// <see cref="ReadYearAsync"/> answers a street-year from this process's memory while the stamp's ETag is the one read
/// before the query it remembers. So a tally or episode row written, replaced or deleted by anything but this store (a
/// hand fix, a script) must touch the stamp too (merge <see cref="StampRow"/>): otherwise a process that read the year
/// before keeps answering what it read, until the next write through the store.
/// </para>
/// </summary>
public sealed class OrderTallyStore(StorageClients storage, SlaPolicy policy, TimeProvider clock)
{
    /// <summary>Strings past this many characters go into further properties (a property holds 32K UTF-16 characters).</summary>
    private const int Chunk = 30_000;
    private const int Attempts = 8;
    /// <summary>Unit-months remembered (a few active months per unit; each holds that month's episodes).</summary>
    private const int RememberedMonths = 1_000;
    /// <summary>Episode row keys begin with this; every tally row key sorts before it.</summary>
    private const string EpisodeMark = "~";
    /// <summary>The street-year's stamp row: after every episode (unit ids never begin with <c>~</c>), outside every range the store queries.</summary>
    public const string Stamp = PartitionStamp.RowKey;
    private const string Stamped = "tallies";

    public static TableEntity StampRow(string partition) => PartitionStamp.Row(partition, Stamped);
    private static TableTransactionAction TouchStamp(string partition) => PartitionStamp.Touch(partition, Stamped);

    private readonly ConcurrentDictionary<(string, string), MonthMemo> _months = new();
    private readonly TableClient _table = storage.Table(TableNames.OrderTallies);

    public static string TallyPartition(string streetId, int year) => $"{streetId}_{year}";
    public static string TallyRowKey(string unitId, int month) => $"{unitId}_{month:D2}";
    /// <summary>
    /// An episode's row: its unit-month's prefix, the order id and the dispatch's instant (UTC ticks) — an order sent back
    /// and dispatched to the same unit again in the month is a second episode, not the first one overwritten.
    /// </summary>
    public static string EpisodeRowKey(DispatchEpisode e) =>
        $"{EpisodePrefix(e.UnitId, EvaluationPeriod.MonthOf(e.DispatchedAt).Number)}{e.OrderId}_{e.DispatchedAt.UtcTicks}";
    /// <summary>A unit-month's episodes: unit ids never hold <c>_</c>, so no other unit's rows share the prefix.</summary>
    private static string EpisodePrefix(string unitId, int month) => $"{EpisodeMark}{unitId}_{month:D2}_";
    /// <summary>The row key just after every key beginning with <paramref name="prefix"/> (which ends with <c>_</c>).</summary>
    private static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>
    /// Writes the episode, if it is newer than the stored one (or as new, when <paramref name="rebuild"/>), together with its
    /// unit-month's tally in one transaction. False: nothing written — this version or a newer one is stored already, and
    /// the tally written with it counts it.
    /// </summary>
    public async Task<bool> ProjectAsync(DispatchEpisode episode, bool rebuild, CancellationToken ct)
    {
        var month = EvaluationPeriod.MonthOf(episode.DispatchedAt);
        var key = (TallyPartition(episode.StreetId, month.Year), TallyRowKey(episode.UnitId, month.Number));
        var rowKey = EpisodeRowKey(episode);
        var row = new TableEntity(key.Item1, rowKey) { ["Version"] = episode.Version };
        Put(row, "Episode", JsonSerializer.Serialize(episode, IndicatorJson.Web.DispatchEpisode));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var memo = attempt == 0 && _months.TryGetValue(key, out var remembered) ? remembered
                : await ReadMonthAsync(key, episode.StreetId, episode.UnitId, month.Number, ct);
            var stored = memo.Episodes.GetValueOrDefault(rowKey);
            if (stored is not null && (stored.Episode.Version > episode.Version || stored.Episode.Version == episode.Version && !rebuild))
                return false;
            // Copied: the remembered month changes only when this transaction succeeds.
            var episodes = new SortedDictionary<string, StoredEpisode>(memo.Episodes, StringComparer.Ordinal) { [rowKey] = new(Stored(episode), default) };
            var tally = TallyRow(key, episode.UnitId, episode.UnitName, month.Number, episodes);
            TableTransactionAction[] actions =
            [
                stored is null ? new(TableTransactionActionType.Add, row) : new(TableTransactionActionType.UpdateReplace, row, stored.Tag),
                memo.Tag is { } tag ? new(TableTransactionActionType.UpdateReplace, tally, tag) : new(TableTransactionActionType.Add, tally),
                TouchStamp(key.Item1),
            ];
            try
            {
                var answers = (await _table.SubmitTransactionAsync(actions, ct)).Value;
                if (answers[0].Headers.ETag is { } episodeTag && answers[1].Headers.ETag is { } tallyTag)
                {
                    episodes[rowKey] = episodes[rowKey] with { Tag = episodeTag };
                    Remember(key, new MonthMemo(tallyTag, episodes));
                }
                else _months.TryRemove(key, out _);
                return true;
            }
            catch (TableTransactionFailedException x) when (x.Status is 404 or 409 or 412)
            {
                // The episode or the tally changed since this process knew them (another host, a repeated relay, a
                // rebuild): nothing was written; read the month again and compare.
                _months.TryRemove(key, out _);
            }
        }
        throw new InvalidOperationException($"Episode {episode.OrderId} of {key.Item1}/{key.Item2}: still contended after {Attempts} attempts.");
    }

    /// <summary>
    /// A unit-month as stored: the tally's ETag (none: no tally row), read before the episodes, so that a write of the month
    /// between the two reads makes the next transaction fail rather than count stale episodes. Remembered.
    /// </summary>
    private async Task<MonthMemo> ReadMonthAsync((string Partition, string RowKey) key, string streetId, string unitId, int month, CancellationToken ct)
    {
        var tally = await _table.GetEntityIfExistsAsync<TableEntity>(key.Partition, key.RowKey, ["Month"], ct);
        var episodes = new SortedDictionary<string, StoredEpisode>(StringComparer.Ordinal);
        var prefix = EpisodePrefix(unitId, month);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key.Partition} and RowKey ge {prefix} and RowKey lt {After(prefix)}");
        await foreach (var r in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            episodes[r.RowKey] = new(JsonSerializer.Deserialize(Get(r, "Episode"), IndicatorJson.Web.DispatchEpisode)!, r.ETag);
        var memo = new MonthMemo(tally.HasValue ? tally.Value!.ETag : null, episodes);
        Remember(key, memo);
        return memo;
    }

    /// <summary>The tally row of a unit-month computed from its episodes, in row key (order id, dispatch) order as a query answers them.</summary>
    private TableEntity TallyRow((string Partition, string RowKey) key, string unitId, string unitName, int month, SortedDictionary<string, StoredEpisode> episodes)
    {
        var tally = OrderTally.Of(episodes.Values.Select(s => s.Episode), clock.GetUtcNow(), policy);
        var row = new TableEntity(key.Partition, key.RowKey) { ["UnitId"] = unitId, ["UnitName"] = unitName, ["Month"] = month, ["Episodes"] = episodes.Count };
        Put(row, "Tally", JsonSerializer.Serialize(tally, IndicatorJson.Web.OrderTally));
        return row;
    }

    /// <summary>
    /// Recomputes a unit's month from its stored episodes and writes its tally (If-Match the ETag read before the
    /// episodes), with the stamp, in one transaction: after a bulk load, which writes episodes without their tally.
    /// </summary>
    public async Task RecomputeAsync(string streetId, string unitId, string unitName, EvaluationPeriod month, CancellationToken ct)
    {
        var key = (TallyPartition(streetId, month.Year), TallyRowKey(unitId, month.Number));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var memo = await ReadMonthAsync(key, streetId, unitId, month.Number, ct);
            var row = TallyRow(key, unitId, unitName, month.Number, memo.Episodes);
            TableTransactionAction[] actions =
            [
                memo.Tag is { } tag ? new(TableTransactionActionType.UpdateReplace, row, tag) : new(TableTransactionActionType.Add, row),
                TouchStamp(key.Item1),
            ];
            try
            {
                var answers = (await _table.SubmitTransactionAsync(actions, ct)).Value;
                if (answers[0].Headers.ETag is { } saved) Remember(key, memo with { Tag = saved });
                else _months.TryRemove(key, out _);
                return;
            }
            catch (TableTransactionFailedException x) when (x.Status is 404 or 409 or 412)
            {
                _months.TryRemove(key, out _); // another writer of the month came between: read it again
            }
        }
        throw new InvalidOperationException($"Tally {key.Item1}/{key.Item2}: still contended after {Attempts} attempts.");
    }

    /// <summary>The episode as a query would read it back (its JSON round trip).</summary>
    private static DispatchEpisode Stored(DispatchEpisode e) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(e, IndicatorJson.Web.DispatchEpisode), IndicatorJson.Web.DispatchEpisode)!;

    /// <summary>An episode as stored, with its row's ETag.</summary>
    private sealed record StoredEpisode(DispatchEpisode Episode, ETag Tag);

    /// <summary>A unit-month as this process last wrote or read it: the tally's ETag (null: no tally row) and the episodes by row key.</summary>
    private sealed record MonthMemo(ETag? Tag, SortedDictionary<string, StoredEpisode> Episodes);

    /// <summary>What this process wrote or read last, bounded: forgetting costs one read, never a wrong row.</summary>
    private void Remember((string, string) key, MonthMemo memo)
    {
        if (_months.Count >= RememberedMonths) _months.Clear();
        _months[key] = memo;
    }

    /// <summary>
    /// Bulk load (the indicators benchmark, an import): writes <paramref name="episodes"/> as they are — no version guard,
    /// an existing row is replaced — in entity-group transactions of up to 99 rows per unit-month and the stamp, then recomputes every
    /// unit-month it touched. Not atomic across a month's transactions: a load that fails is run again. Answers the rows
    /// written and the unit-months recomputed.
    /// </summary>
    public async Task<(int Episodes, int Months)> LoadAsync(IEnumerable<DispatchEpisode> episodes, CancellationToken ct)
    {
        var (written, months) = (0, 0);
        foreach (var unitMonth in episodes.GroupBy(e => (e.StreetId, e.UnitId, Month: EvaluationPeriod.MonthOf(e.DispatchedAt))))
        {
            var partition = TallyPartition(unitMonth.Key.StreetId, unitMonth.Key.Month.Year);
            foreach (var batch in unitMonth.Chunk(99)) // a transaction holds 100 actions: the stamp is the 100th
            {
                var actions = batch.Select(e =>
                {
                    var row = new TableEntity(partition, EpisodeRowKey(e)) { ["Version"] = e.Version };
                    Put(row, "Episode", JsonSerializer.Serialize(e, IndicatorJson.Web.DispatchEpisode));
                    return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
                }).Append(TouchStamp(partition)).ToList();
                await _table.SubmitTransactionAsync(actions, ct);
                written += batch.Length;
            }
            await RecomputeAsync(unitMonth.Key.StreetId, unitMonth.Key.UnitId, unitMonth.First().UnitName, unitMonth.Key.Month, ct);
            months++;
        }
        return (written, months);
    }

    /// <summary>A unit's dispatch episodes of a year (one row-key range of the street-year's partition), oldest first: what its order indicators were computed from.</summary>
    public async Task<List<DispatchEpisode>> ReadEpisodesAsync(string streetId, string unitId, int year, CancellationToken ct)
    {
        var list = new List<DispatchEpisode>();
        var prefix = $"{EpisodeMark}{unitId}_";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TallyPartition(streetId, year)} and RowKey ge {prefix} and RowKey lt {After(prefix)}");
        await foreach (var r in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (JsonSerializer.Deserialize(Get(r, "Episode"), IndicatorJson.Web.DispatchEpisode) is { } e && e.UnitId == unitId) list.Add(e);
        return [.. list.OrderBy(e => e.DispatchedAt).ThenBy(e => e.OrderId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A street's unit-months of a year: unit id, unit name, month number and tally. Every read first point-reads the
    /// street-year's stamp (<see cref="Stamp"/>): while its ETag is the one this process read before its last query of the
    /// partition, nothing was written since through the store, and the answer is the remembered one — one point read, where
    /// a query (on Azurite) filters the whole table, episodes included. Otherwise the first read of a street-year is one
    /// query of its tally rows (the row keys before the episodes'); a later one asks for the rows' ETags only (a keys-only
    /// query) and reads again just the rows whose ETag changed — a street's year of tallies holds every episode's durations
    /// (megabytes at 100k orders), of which an event changes one unit-month. What it read is remembered under the stamp's
    /// ETag read before the query: a write landing between the two makes the next read query again. A row changed
    /// without touching the stamp is not seen by a process that remembers the year (the class's note).
    /// </summary>
    public async Task<List<(string UnitId, string UnitName, int Month, OrderTally Tally)>> ReadYearAsync(string streetId, int year, CancellationToken ct)
    {
        var partition = TallyPartition(streetId, year);
        var stamp = await PartitionStamp.ReadAsync(_table, partition, ct);
        var known = _years.TryGetValue(partition, out YearMemo? memo) ? memo!.Rows : null;
        if (stamp is { } current && memo?.Stamp == current) return Answer(known!);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EpisodeMark}");
        Dictionary<string, YearRow> rows;
        if (known is null)
        {
            rows = new(StringComparer.Ordinal);
            await foreach (var r in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows[r.RowKey] = YearRow.Of(r);
        }
        else
        {
            var tags = new Dictionary<string, ETag>(StringComparer.Ordinal);
            await foreach (var r in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) tags[r.RowKey] = r.ETag;
            var changed = tags.Where(t => !known.TryGetValue(t.Key, out var k) || k.Tag != t.Value).Select(t => t.Key).ToList();
            rows = tags.Keys.Where(known.ContainsKey).ToDictionary(k => k, k => known[k], StringComparer.Ordinal);
            if (changed.Count > ChangedRowsRead)
                await foreach (var r in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows[r.RowKey] = YearRow.Of(r);
            else
                foreach (var row in await Task.WhenAll(changed.Select(k => _table.GetEntityIfExistsAsync<TableEntity>(partition, k, cancellationToken: ct))))
                    if (row.HasValue) rows[row.Value!.RowKey] = YearRow.Of(row.Value);
        }
        _years.Set(partition, new YearMemo(stamp, rows), new MemoryCacheEntryOptions { Size = 1 });
        return Answer(rows);
    }

    private static List<(string UnitId, string UnitName, int Month, OrderTally Tally)> Answer(Dictionary<string, YearRow> rows) =>
        [.. rows.Values.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.UnitId, r.UnitName, r.Month, r.Tally))];

    /// <summary>Street-years whose tallies this process keeps between reads (each a street's year of durations: megabytes at 100k orders).</summary>
    private const int RememberedYears = 64;
    /// <summary>More changed rows than this since the last read: the partition is queried whole instead of row by row.</summary>
    private const int ChangedRowsRead = 24;
    /// <summary>Street-years as last read, by partition; bounded (an entry is size 1): forgetting costs one query, never a wrong answer.</summary>
    private readonly MemoryCache _years = new(new MemoryCacheOptions { SizeLimit = RememberedYears });

    /// <summary>A street-year's tally rows as read, with the stamp's ETag read before the query (null: no stamp, never answered from memory).</summary>
    private sealed record YearMemo(ETag? Stamp, Dictionary<string, YearRow> Rows);

    /// <summary>A tally row as read: its row key and ETag, and what it holds.</summary>
    private sealed record YearRow(string Key, ETag Tag, string UnitId, string UnitName, int Month, OrderTally Tally)
    {
        public static YearRow Of(TableEntity r) => new(r.RowKey, r.ETag, r.GetString("UnitId") ?? "", r.GetString("UnitName") ?? "", r.GetInt32("Month") ?? 0,
            JsonSerializer.Deserialize(Get(r, "Tally"), IndicatorJson.Web.OrderTally)!);
    }

    private static void Put(TableEntity row, string name, string value)
    {
        for (int i = 0, n = 0; i < value.Length || n == 0; i += Chunk, n++)
            row[n == 0 ? name : $"{name}{n}"] = value.Substring(i, Math.Min(Chunk, value.Length - i));
    }

    private static string Get(TableEntity row, string name)
    {
        var text = new StringBuilder(row.GetString(name) ?? "");
        for (var n = 1; row.GetString($"{name}{n}") is { } more; n++) text.Append(more);
        return text.ToString();
    }
}
