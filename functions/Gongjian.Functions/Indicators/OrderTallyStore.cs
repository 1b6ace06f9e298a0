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
/// </summary>
public sealed class OrderTallyStore(StorageClients storage, SlaPolicy policy, TimeProvider clock)
{
    /// <summary>Strings past this many characters go into further properties (a property holds 32K UTF-16 characters).</summary>
    private const int Chunk = 30_000;
    private const int Attempts = 8;

    private const int Remembered = 20_000;

    private readonly TableClient _episodes = storage.Table(TableNames.OrderEpisodes);
    private readonly ConcurrentDictionary<(string, string), (int Version, ETag Tag)> _episodeTags = new();
    private readonly ConcurrentDictionary<(string, string), ETag> _tallyTags = new();
    private readonly TableClient _tallies = storage.Table(TableNames.OrderTallies);

    public static string EpisodePartition(DispatchEpisode e) => $"{e.StreetId}_{e.UnitId}_{Month(e.DispatchedAt):yyyyMM}";
    public static string TallyPartition(string streetId, int year) => $"{streetId}_{year}";
    private static DateTimeOffset Month(DateTimeOffset at) => at.ToOffset(EvaluationPeriod.Beijing);

    /// <summary>
    /// Writes the episode if it is newer than the stored one (or as new, when <paramref name="rebuild"/>), then recomputes its
    /// unit's month. False: nothing to write.
    /// </summary>
    public async Task<bool> ProjectAsync(DispatchEpisode episode, bool rebuild, CancellationToken ct)
    {
        if (!await WriteEpisodeAsync(episode, rebuild, ct)) return false;
        await RecomputeAsync(episode.StreetId, episode.UnitId, episode.UnitName, EvaluationPeriod.MonthOf(episode.DispatchedAt), ct);
        return true;
    }

    private async Task<bool> WriteEpisodeAsync(DispatchEpisode e, bool rebuild, CancellationToken ct)
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
                    if (m.Version > e.Version || m.Version == e.Version && !rebuild) return false;
                    Remember(_episodeTags, key, (e.Version, (await _episodes.UpdateEntityAsync(row, m.Tag, TableUpdateMode.Replace, ct)).Headers.ETag!.Value));
                    return true;
                }
                if (attempt == 0 && !rebuild)
                {
                    // Not seen by this process: most likely a new episode, which needs no read (an existing row answers 409).
                    Remember(_episodeTags, key, (e.Version, (await _episodes.AddEntityAsync(row, ct)).Headers.ETag!.Value));
                    return true;
                }
                var existing = await _episodes.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
                if (!existing.HasValue)
                {
                    Remember(_episodeTags, key, (e.Version, (await _episodes.AddEntityAsync(row, ct)).Headers.ETag!.Value));
                    return true;
                }
                known = (existing.Value!.GetInt32("Version") ?? 0, existing.Value.ETag);
                if (known.Value.Version > e.Version || known.Value.Version == e.Version && !rebuild)
                {
                    Remember(_episodeTags, key, known.Value);
                    return false;
                }
                Remember(_episodeTags, key, (e.Version, (await _episodes.UpdateEntityAsync(row, known.Value.Tag, TableUpdateMode.Replace, ct)).Headers.ETag!.Value));
                return true;
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
    /// Recomputes a unit's month from its episodes. The tally's ETag — taken before the episodes are read — makes a
    /// recompute that read stale episodes lose and retry; this process remembers the ETag it wrote last, so the usual
    /// recompute is one query and one write.
    /// </summary>
    public async Task RecomputeAsync(string streetId, string unitId, string unitName, EvaluationPeriod month, CancellationToken ct)
    {
        var (partition, rowKey) = (TallyPartition(streetId, month.Year), $"{unitId}_{month.Number:D2}");
        var key = (partition, rowKey);
        var episodePartition = $"{streetId}_{unitId}_{month.Year:D4}{month.Number:D2}";
        var known = _tallyTags.TryGetValue(key, out var k) ? k : (ETag?)null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var episodes = new List<DispatchEpisode>();
            await foreach (var r in _episodes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {episodePartition}"), cancellationToken: ct))
                episodes.Add(JsonSerializer.Deserialize(Get(r, "Episode"), IndicatorJson.Web.DispatchEpisode)!);
            var tally = OrderTally.Of(episodes, clock.GetUtcNow(), policy);
            var row = new TableEntity(partition, rowKey) { ["UnitId"] = unitId, ["UnitName"] = unitName, ["Month"] = month.Number, ["Episodes"] = episodes.Count };
            Put(row, "Tally", JsonSerializer.Serialize(tally, IndicatorJson.Web.OrderTally));
            try
            {
                var written = known is { } tag
                    ? await _tallies.UpdateEntityAsync(row, tag, TableUpdateMode.Replace, ct)
                    : await _tallies.AddEntityAsync(row, ct);
                Remember(_tallyTags, key, written.Headers.ETag!.Value);
                return;
            }
            catch (RequestFailedException x) when (x.Status is 404 or 409 or 412)
            {
                // Another recompute of this month finished first (it may have read fewer episodes than there are now), or
                // the row exists and this process had no ETag for it: take the row's ETag, then read the episodes again.
                var current = await _tallies.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, ["Month"], ct);
                known = current.HasValue ? current.Value!.ETag : null;
                _tallyTags.TryRemove(key, out _);
            }
        }
        throw new InvalidOperationException($"Tally {partition}/{rowKey}: still contended after {Attempts} attempts.");
    }

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
            _tallyTags.TryRemove((TallyPartition(first.StreetId, Month(first.DispatchedAt).Year), $"{first.UnitId}_{Month(first.DispatchedAt).Month:D2}"), out _);
            await RecomputeAsync(first.StreetId, first.UnitId, first.UnitName, EvaluationPeriod.MonthOf(first.DispatchedAt), ct);
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

    /// <summary>A street's unit-months of a year (one partition query): unit id, unit name, month number and tally.</summary>
    public async Task<List<(string UnitId, string UnitName, int Month, OrderTally Tally)>> ReadYearAsync(string streetId, int year, CancellationToken ct)
    {
        var rows = new List<(string, string, int, OrderTally)>();
        await foreach (var r in _tallies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TallyPartition(streetId, year)}"), cancellationToken: ct))
            rows.Add((r.GetString("UnitId") ?? "", r.GetString("UnitName") ?? "", r.GetInt32("Month") ?? 0,
                JsonSerializer.Deserialize(Get(r, "Tally"), IndicatorJson.Web.OrderTally)!));
        return rows;
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
