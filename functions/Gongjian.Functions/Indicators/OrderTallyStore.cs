using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Indicators;

/// <summary>
/// The order indicators' projection. Table <c>orderepisodes</c>: one row per dispatch episode, partition
/// <c>{street}_{unit}_{yyyyMM}</c> (the unit's month of dispatch, Beijing time), row key the order id, with the order's
/// version so a late writer never puts an older episode back. Table <c>ordertallies</c>: one row per unit and month,
/// partition <c>{street}_{yyyy}</c> (a street's year is one query), row key <c>{unit}_{MM}</c>, holding the month's
/// <see cref="OrderTally"/> — recomputed from the month's episodes under the tally's ETag, so two writers cannot
/// both win with stale counts.
/// <para>
/// This process remembers, per unit-month, the episodes its last tally write was computed from and that write's ETag.
/// The next recompute of that month starts from them (with the episode just written) instead of querying the month:
/// if the tally's ETag still matches, no other host wrote the tally since, and a host that wrote an episode without
/// having written the tally yet will fail its own If-Match and recompute from a query that sees both. A failed
/// If-Match (412/404) forgets the month and queries it, as before.
/// </para>
/// </summary>
public sealed class OrderTallyStore(StorageClients storage, SlaPolicy policy, TimeProvider clock)
{
    /// <summary>Strings past this many characters go into further properties (a property holds 32K UTF-16 characters).</summary>
    private const int Chunk = 30_000;
    private const int Attempts = 8;

    private const int Remembered = 20_000;
    /// <summary>Unit-months whose episodes are remembered (a few active months per unit; each holds that month's episodes).</summary>
    private const int RememberedMonths = 1_000;

    private readonly TableClient _episodes = storage.Table(TableNames.OrderEpisodes);
    private readonly ConcurrentDictionary<(string, string), (int Version, ETag Tag)> _episodeTags = new();
    private readonly ConcurrentDictionary<(string, string), MonthMemo> _months = new();
    private readonly TableClient _tallies = storage.Table(TableNames.OrderTallies);

    public static string EpisodePartition(DispatchEpisode e) => $"{e.StreetId}_{e.UnitId}_{Month(e.DispatchedAt):yyyyMM}";
    public static string TallyPartition(string streetId, int year) => $"{streetId}_{year}";
    private static DateTimeOffset Month(DateTimeOffset at) => at.ToOffset(EvaluationPeriod.Beijing);

    /// <summary>
    /// Writes the episode if it is newer than the stored one (or as new, when <paramref name="rebuild"/>), then recomputes its
    /// unit's month. False: no episode row written (this process wrote it already, a newer one is stored, or — after a relay
    /// that died before its recompute — the row holds this version; then the month is recomputed from a query anyway).
    /// </summary>
    public async Task<bool> ProjectAsync(DispatchEpisode episode, bool rebuild, CancellationToken ct)
    {
        var written = await WriteEpisodeAsync(episode, rebuild, ct);
        if (written == EpisodeWrite.Known) return false;
        var month = EvaluationPeriod.MonthOf(episode.DispatchedAt);
        try
        {
            // A row found stored at this version was written by a relay that may have died before its recompute (a sweep
            // repeats it): recompute from a query, which also heals what a remembered month could not know.
            await RecomputeAsync(episode.StreetId, episode.UnitId, episode.UnitName, month,
                written == EpisodeWrite.Written && !rebuild ? episode : null, ct);
        }
        catch
        {
            // The tally may now miss this episode: forget that it was written, so a repeated relay reads the row and recomputes.
            _episodeTags.TryRemove((EpisodePartition(episode), episode.OrderId), out _);
            throw;
        }
        return written == EpisodeWrite.Written;
    }

    /// <summary>Written; <c>Known</c>: this process already wrote this version or a newer one (nothing to do); <c>Stored</c>: the row already holds it.</summary>
    private enum EpisodeWrite { Written, Known, Stored }

    private async Task<EpisodeWrite> WriteEpisodeAsync(DispatchEpisode e, bool rebuild, CancellationToken ct)
    {
        var row = new TableEntity(EpisodePartition(e), e.OrderId) { ["Version"] = e.Version };
        Put(row, "Episode", JsonSerializer.Serialize(e, IndicatorJson.Web.DispatchEpisode));
        var key = (row.PartitionKey, row.RowKey);
        var known = _episodeTags.TryGetValue(key, out var k) ? k : ((int Version, ETag Tag)?)null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                if (known is { } m)
                {
                    if (m.Version > e.Version || m.Version == e.Version && !rebuild) return EpisodeWrite.Known;
                    Remember(_episodeTags, key, (e.Version, (await _episodes.UpdateEntityAsync(row, m.Tag, TableUpdateMode.Replace, ct)).Headers.ETag!.Value));
                    return EpisodeWrite.Written;
                }
                if (attempt == 0 && !rebuild)
                {
                    // Not seen by this process: most likely a new episode, which needs no read (an existing row answers 409).
                    Remember(_episodeTags, key, (e.Version, (await _episodes.AddEntityAsync(row, ct)).Headers.ETag!.Value));
                    return EpisodeWrite.Written;
                }
                var existing = await _episodes.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
                if (!existing.HasValue)
                {
                    Remember(_episodeTags, key, (e.Version, (await _episodes.AddEntityAsync(row, ct)).Headers.ETag!.Value));
                    return EpisodeWrite.Written;
                }
                known = (existing.Value!.GetInt32("Version") ?? 0, existing.Value.ETag);
                if (known.Value.Version > e.Version) return EpisodeWrite.Known; // a newer episode: its writer recomputes
                if (known.Value.Version == e.Version && !rebuild)
                {
                    Remember(_episodeTags, key, known.Value);
                    return EpisodeWrite.Stored;
                }
                Remember(_episodeTags, key, (e.Version, (await _episodes.UpdateEntityAsync(row, known.Value.Tag, TableUpdateMode.Replace, ct)).Headers.ETag!.Value));
                return EpisodeWrite.Written;
            }
            catch (RequestFailedException x) when (x.Status is 404 or 409 or 412)
            {
                // Another writer (a relay of this order elsewhere) changed the row, or what this process remembered is
                // stale: read it again and compare.
                known = null;
                _episodeTags.TryRemove(key, out _);
            }
        }
        throw new InvalidOperationException($"Episode {e.OrderId} of {e.UnitId}: still contended after {Attempts} attempts.");
    }

    /// <summary>
    /// Recomputes a unit's month. The tally's ETag — taken before the episodes are read — makes a recompute that read
    /// stale episodes lose and retry. With <paramref name="written"/> (an episode this process just wrote) and the month
    /// remembered from this process's last tally write, the recompute starts from the remembered episodes: one write.
    /// Otherwise, and after any failed write, the month's episodes are queried: one query and one write.
    /// </summary>
    public async Task RecomputeAsync(string streetId, string unitId, string unitName, EvaluationPeriod month, DispatchEpisode? written, CancellationToken ct)
    {
        var (partition, rowKey) = (TallyPartition(streetId, month.Year), $"{unitId}_{month.Number:D2}");
        var key = (partition, rowKey);
        var episodePartition = $"{streetId}_{unitId}_{month.Year:D4}{month.Number:D2}";
        _months.TryGetValue(key, out var remembered);
        var memo = written is not null ? remembered : null;
        ETag? known = remembered?.Tag;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            SortedDictionary<string, DispatchEpisode> episodes;
            if (memo is not null)
            {
                // Copied: the remembered month changes only when this write succeeds.
                episodes = new SortedDictionary<string, DispatchEpisode>(memo.Episodes, StringComparer.Ordinal) { [written!.OrderId] = Stored(written) };
            }
            else
            {
                episodes = new SortedDictionary<string, DispatchEpisode>(StringComparer.Ordinal);
                await foreach (var r in _episodes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {episodePartition}"), cancellationToken: ct))
                    episodes[r.RowKey] = JsonSerializer.Deserialize(Get(r, "Episode"), IndicatorJson.Web.DispatchEpisode)!;
            }
            // RowKey (order id) order, as the query answers: the tally's lists come out the same either way.
            var tally = OrderTally.Of(episodes.Values, clock.GetUtcNow(), policy);
            var row = new TableEntity(partition, rowKey) { ["UnitId"] = unitId, ["UnitName"] = unitName, ["Month"] = month.Number, ["Episodes"] = episodes.Count };
            Put(row, "Tally", JsonSerializer.Serialize(tally, IndicatorJson.Web.OrderTally));
            try
            {
                var saved = known is { } tag
                    ? await _tallies.UpdateEntityAsync(row, tag, TableUpdateMode.Replace, ct)
                    : await _tallies.AddEntityAsync(row, ct);
                if (_months.Count >= RememberedMonths) _months.Clear();
                _months[key] = new MonthMemo(saved.Headers.ETag!.Value, episodes);
                return;
            }
            catch (RequestFailedException x) when (x.Status is 404 or 409 or 412)
            {
                // Another recompute of this month finished first (it may have read fewer episodes than there are now), or
                // the row exists and this process had no ETag for it: take the row's ETag, then query the episodes again.
                memo = null;
                _months.TryRemove(key, out _);
                var current = await _tallies.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["Month"], ct);
                known = current.HasValue ? current.Value!.ETag : null;
            }
        }
        throw new InvalidOperationException($"Tally {partition}/{rowKey}: still contended after {Attempts} attempts.");
    }

    /// <summary>The episode as a query would read it back (its JSON round trip).</summary>
    private static DispatchEpisode Stored(DispatchEpisode e) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(e, IndicatorJson.Web.DispatchEpisode), IndicatorJson.Web.DispatchEpisode)!;

    /// <summary>A unit-month as this process last wrote its tally: that write's ETag and the episodes it was computed from (by order id).</summary>
    private sealed record MonthMemo(ETag Tag, SortedDictionary<string, DispatchEpisode> Episodes);

    /// <summary>
    /// Bulk load (the indicators benchmark, an import): writes <paramref name="episodes"/> as they are — no version guard,
    /// an existing row is replaced — in entity-group transactions of up to 100 rows per unit-month partition, then
    /// recomputes every unit-month it touched. Answers the rows written and the unit-months recomputed.
    /// </summary>
    public async Task<(int Episodes, int Months)> LoadAsync(IEnumerable<DispatchEpisode> episodes, CancellationToken ct)
    {
        var (written, months) = (0, 0);
        foreach (var partition in episodes.GroupBy(EpisodePartition))
        {
            foreach (var batch in partition.Chunk(100))
            {
                var actions = batch.Select(e =>
                {
                    var row = new TableEntity(partition.Key, e.OrderId) { ["Version"] = e.Version };
                    Put(row, "Episode", JsonSerializer.Serialize(e, IndicatorJson.Web.DispatchEpisode));
                    return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
                }).ToList();
                await _episodes.SubmitTransactionAsync(actions, ct);
                written += actions.Count;
            }
            var first = partition.First();
            _months.TryRemove((TallyPartition(first.StreetId, Month(first.DispatchedAt).Year), $"{first.UnitId}_{Month(first.DispatchedAt).Month:D2}"), out _);
            await RecomputeAsync(first.StreetId, first.UnitId, first.UnitName, EvaluationPeriod.MonthOf(first.DispatchedAt), null, ct);
            months++;
        }
        return (written, months);
    }

    /// <summary>What this process wrote last, bounded: forgetting costs one read, never a wrong row.</summary>
    private static void Remember<T>(ConcurrentDictionary<(string, string), T> tags, (string, string) key, T value)
    {
        if (tags.Count >= Remembered) tags.Clear();
        tags[key] = value;
    }

    /// <summary>A unit's dispatch episodes of a year (its twelve unit-month partitions, one range query), oldest first: what its order indicators were computed from.</summary>
    public async Task<List<DispatchEpisode>> ReadEpisodesAsync(string streetId, string unitId, int year, CancellationToken ct)
    {
        var list = new List<DispatchEpisode>();
        var (from, to) = ($"{streetId}_{unitId}_{year:D4}01", $"{streetId}_{unitId}_{year:D4}12");
        await foreach (var r in _episodes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}"), cancellationToken: ct))
            if (JsonSerializer.Deserialize(Get(r, "Episode"), IndicatorJson.Web.DispatchEpisode) is { } e && e.UnitId == unitId) list.Add(e);
        return [.. list.OrderBy(e => e.DispatchedAt).ThenBy(e => e.OrderId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A street's unit-months of a year: unit id, unit name, month number and tally. The first read of a street-year is one
    /// partition query; this process keeps what it read (with each row's ETag), and the next read asks the partition for
    /// its rows' ETags only (a keys-only query) and reads again just the rows whose ETag changed — a street's year of
    /// tallies holds every episode's durations (megabytes at 100k orders), of which an event changes one unit-month.
    /// </summary>
    public async Task<List<(string UnitId, string UnitName, int Month, OrderTally Tally)>> ReadYearAsync(string streetId, int year, CancellationToken ct)
    {
        var partition = TallyPartition(streetId, year);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        Dictionary<string, YearRow> rows;
        if (!_years.TryGetValue(partition, out var known))
        {
            rows = new(StringComparer.Ordinal);
            await foreach (var r in _tallies.QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows[r.RowKey] = YearRow.Of(r);
        }
        else
        {
            var tags = new Dictionary<string, ETag>(StringComparer.Ordinal);
            await foreach (var r in _tallies.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) tags[r.RowKey] = r.ETag;
            var changed = tags.Where(t => !known.TryGetValue(t.Key, out var k) || k.Tag != t.Value).Select(t => t.Key).ToList();
            rows = tags.Keys.Where(known.ContainsKey).ToDictionary(k => k, k => known[k], StringComparer.Ordinal);
            if (changed.Count > ChangedRowsRead)
                await foreach (var r in _tallies.QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows[r.RowKey] = YearRow.Of(r);
            else
                foreach (var row in await Task.WhenAll(changed.Select(k => _tallies.GetEntityIfExistsAsync<TableEntity>(partition, k, cancellationToken: ct))))
                    if (row.HasValue) rows[row.Value!.RowKey] = YearRow.Of(row.Value);
        }
        if (_years.Count >= RememberedYears) _years.Clear();
        _years[partition] = rows;
        return [.. rows.Values.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.UnitId, r.UnitName, r.Month, r.Tally))];
    }

    /// <summary>Street-years whose tallies this process keeps between reads.</summary>
    private const int RememberedYears = 64;
    /// <summary>More changed rows than this since the last read: the partition is queried whole instead of row by row.</summary>
    private const int ChangedRowsRead = 24;
    private readonly ConcurrentDictionary<string, Dictionary<string, YearRow>> _years = new();

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
