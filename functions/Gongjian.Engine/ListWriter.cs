using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>
/// Writes a module's list rows: one row per instance in each partition it appears in, newest first
/// by RowKey. Rows carry the instance version so a late writer never overwrites a newer row; a row
/// leaving a partition becomes a tombstone (<c>Removed = true</c>) that every query filters out.
/// </summary>
public sealed class ListWriter(TableClient table)
{
    public async Task WriteAsync(ListPlacement placement, IEnumerable<string> dropPartitions, int version, CancellationToken ct)
    {
        await Task.WhenAll(placement.Partitions.Select(p => WriteIfNewerAsync(Row(p, placement, version), ct)));
        // A tombstone, not a delete: it keeps the version, so a late relay of an older version cannot bring the row back.
        foreach (var p in dropPartitions.Except(placement.Partitions))
            await WriteIfNewerAsync(new TableEntity(p, placement.RowKey) { ["Removed"] = true, ["Version"] = version }, ct);
    }

    private static TableEntity Row(string partition, ListPlacement placement, int version)
    {
        var row = new TableEntity(partition, placement.RowKey);
        foreach (var (k, v) in placement.Fields) row[k] = v;
        row["Removed"] = false;
        row["Version"] = version;
        return row;
    }

    private async Task WriteIfNewerAsync(TableEntity row, CancellationToken ct)
    {
        var version = row.GetInt32("Version")!.Value;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
            try
            {
                if (!existing.HasValue) { await table.AddEntityAsync(row, ct); return; }
                if (existing.Value!.GetInt32("Version") >= version) return;
                await table.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another relay wrote this row between our read and write: read again and compare versions.
            }
        }
    }
}
