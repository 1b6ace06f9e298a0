using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjian.Engine;

/// <summary>
/// Writes a module's list rows: one row per instance in each list it appears in, newest first by RowKey
/// (<see cref="ListAddress"/>: a list is a partition, or a RowKey prefix inside a shared partition). Rows carry the
/// instance version so a late writer never overwrites a newer row; a row leaving a list becomes a tombstone
/// (<c>Removed = true</c>) that every query filters out.
/// <para>
/// No read before a write: the writer remembers the ETag and version of each row it wrote last, so the next version
/// replaces the row only if nobody changed it since (If-Match). A row the instance never had is inserted (it cannot be
/// newer). The rows of one partition go in one entity-group transaction — one request, all or nothing. Only when that
/// fails — another host or a late relay wrote a row — or when a row is unknown here (after a restart, on another host,
/// in a sweep) does it read the rows' versions first and compare.
/// </para>
/// </summary>
public sealed class ListWriter(TableClient table)
{
    /// <summary>Rows remembered: a few MB at most; a forgotten row costs one read, never a wrong write.</summary>
    private const int Remembered = 50_000;

    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = Remembered });

    /// <param name="dropLists">Lists the instance has left: its row there becomes a tombstone.</param>
    /// <param name="newLists">Lists the instance has just entered: its row there cannot exist yet unless a relay is repeated.</param>
    public async Task WriteAsync(ListPlacement placement, IEnumerable<string> dropLists, IReadOnlyCollection<string> newLists, int version, CancellationToken ct)
    {
        var rows = placement.Partitions.Select(list => Row(list, placement, version, newLists.Contains(list)))
            // A tombstone, not a delete: it keeps the version, so a late relay of an older version cannot bring the row back.
            .Concat(dropLists.Except(placement.Partitions).Select(list => Tombstone(list, placement.RowKey, version)));
        await Task.WhenAll(rows.GroupBy(r => r.Entity.PartitionKey).Select(group => WritePartitionAsync([.. group], version, ct)));
    }

    private sealed record PendingRow(TableEntity Entity, bool IsNew);

    private static PendingRow Row(string list, ListPlacement placement, int version, bool isNew)
    {
        var (partition, rowKey) = ListAddress.RowOf(list, placement.RowKey);
        var row = new TableEntity(partition, rowKey);
        foreach (var (k, v) in placement.Fields) row[k] = v;
        row["Removed"] = false;
        row["Version"] = version;
        return new(row, isNew);
    }

    private static PendingRow Tombstone(string list, string rowKey, int version)
    {
        var (partition, key) = ListAddress.RowOf(list, rowKey);
        return new(new TableEntity(partition, key) { ["Removed"] = true, ["Version"] = version }, false);
    }

    private async Task WritePartitionAsync(IReadOnlyList<PendingRow> rows, int version, CancellationToken ct)
    {
        var actions = new List<(TableEntity Row, TableTransactionAction Action)>();
        var unknown = new List<TableEntity>();
        foreach (var (row, isNew) in rows)
        {
            if (_written.TryGetValue(Key(row), out Written? known))
            {
                if (known!.Version < version) actions.Add((row, new(TableTransactionActionType.UpdateReplace, row, known.ETag)));
            }
            else if (isNew) actions.Add((row, new(TableTransactionActionType.Add, row)));
            else unknown.Add(row);
        }
        // Not known here (after a restart, on another host, in a sweep): the version stored decides.
        var stored = await Task.WhenAll(unknown.Select(row => table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct)));
        foreach (var (row, found) in unknown.Zip(stored))
        {
            if (!found.HasValue) actions.Add((row, new(TableTransactionActionType.Add, row)));
            else if ((found.Value!.GetInt32("Version") ?? 0) < version) actions.Add((row, new(TableTransactionActionType.UpdateReplace, row, found.Value.ETag)));
        }
        if (actions.Count == 0) return;
        try
        {
            if (actions.Count == 1)
            {
                var (row, action) = actions[0];
                var response = action.ActionType == TableTransactionActionType.Add
                    ? await table.AddEntityAsync(row, ct)
                    : await table.UpdateEntityAsync(row, action.ETag, TableUpdateMode.Replace, ct);
                Remember(Key(row), version, response.Headers.ETag);
                return;
            }
            var responses = (await table.SubmitTransactionAsync(actions.Select(a => a.Action), ct)).Value;
            for (var i = 0; i < actions.Count; i++) Remember(Key(actions[i].Row), version, responses[i].Headers.ETag);
        }
        catch (Exception e) when (e is RequestFailedException { Status: 409 or 412 } or TableTransactionFailedException)
        {
            // Someone else wrote a row since (another host, a repeated relay): nothing of the batch was written;
            // compare versions row by row.
            foreach (var (row, _) in actions) _written.Remove(Key(row));
            await Task.WhenAll(actions.Select(a => WriteIfNewerAsync(a.Row, version, ct)));
        }
    }

    private async Task WriteIfNewerAsync(TableEntity row, int version, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
            try
            {
                if (!existing.HasValue) { Remember(Key(row), version, (await table.AddEntityAsync(row, ct)).Headers.ETag); return; }
                if (existing.Value!.GetInt32("Version") >= version) return;
                Remember(Key(row), version, (await table.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct)).Headers.ETag);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another relay wrote this row between our read and write: read again and compare versions.
            }
        }
    }

    private static (string, string) Key(TableEntity row) => (row.PartitionKey, row.RowKey);

    private void Remember((string, string) key, int version, ETag? etag)
    {
        if (etag is { } tag) _written.Set(key, new Written(version, tag), new MemoryCacheEntryOptions { Size = 1 });
    }

    private sealed record Written(int Version, ETag ETag);
}
