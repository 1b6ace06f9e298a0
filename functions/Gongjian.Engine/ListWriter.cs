using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjian.Engine;

/// <summary>
/// Writes a module's list rows: one row per instance in each partition it appears in, newest first
/// by RowKey. Rows carry the instance version so a late writer never overwrites a newer row; a row
/// leaving a partition becomes a tombstone (<c>Removed = true</c>) that every query filters out.
/// <para>
/// One request per row, no read before it: the writer remembers the ETag and version of each row it
/// wrote last, so the next version replaces the row only if nobody changed it since (If-Match). A
/// row the instance never had is inserted (it cannot be newer). Only when that fails — another host
/// or a late relay wrote the row — or when the row is unknown here (after a restart, on another host,
/// in a sweep) does it read the row's version first and compare.
/// </para>
/// </summary>
public sealed class ListWriter(TableClient table)
{
    /// <summary>Rows remembered: a few MB at most; a forgotten row costs one read, never a wrong write.</summary>
    private const int Remembered = 50_000;

    private readonly MemoryCache _written = new(new MemoryCacheOptions { SizeLimit = Remembered });

    /// <param name="newPartitions">Partitions the instance has just entered: its row there cannot exist yet unless a relay is repeated.</param>
    public async Task WriteAsync(ListPlacement placement, IEnumerable<string> dropPartitions, IReadOnlyCollection<string> newPartitions, int version, CancellationToken ct)
    {
        var rows = placement.Partitions.Select(p => Row(p, placement, version))
            // A tombstone, not a delete: it keeps the version, so a late relay of an older version cannot bring the row back.
            .Concat(dropPartitions.Except(placement.Partitions).Select(p => new TableEntity(p, placement.RowKey) { ["Removed"] = true, ["Version"] = version }));
        await Task.WhenAll(rows.Select(row => WriteAsync(row, version, newPartitions.Contains(row.PartitionKey), ct)));
    }

    private static TableEntity Row(string partition, ListPlacement placement, int version)
    {
        var row = new TableEntity(partition, placement.RowKey);
        foreach (var (k, v) in placement.Fields) row[k] = v;
        row["Removed"] = false;
        row["Version"] = version;
        return row;
    }

    private async Task WriteAsync(TableEntity row, int version, bool isNew, CancellationToken ct)
    {
        var key = (row.PartitionKey, row.RowKey);
        try
        {
            if (_written.TryGetValue(key, out Written? known))
            {
                if (known!.Version >= version) return;
                Remember(key, version, (await table.UpdateEntityAsync(row, known.ETag, TableUpdateMode.Replace, ct)).Headers.ETag);
                return;
            }
            if (isNew)
            {
                Remember(key, version, (await table.AddEntityAsync(row, ct)).Headers.ETag);
                return;
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Someone else wrote the row since (another host, a repeated relay): compare versions below.
        }
        _written.Remove(key);
        await WriteIfNewerAsync(row, version, ct);
    }

    private async Task WriteIfNewerAsync(TableEntity row, int version, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
            try
            {
                if (!existing.HasValue) { Remember((row.PartitionKey, row.RowKey), version, (await table.AddEntityAsync(row, ct)).Headers.ETag); return; }
                if (existing.Value!.GetInt32("Version") >= version) return;
                Remember((row.PartitionKey, row.RowKey), version, (await table.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct)).Headers.ETag);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another relay wrote this row between our read and write: read again and compare versions.
            }
        }
    }

    private void Remember((string, string) key, int version, ETag? etag)
    {
        if (etag is { } tag) _written.Set(key, new Written(version, tag), new MemoryCacheEntryOptions { Size = 1 });
    }

    private sealed record Written(int Version, ETag ETag);
}
