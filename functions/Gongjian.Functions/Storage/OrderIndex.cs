using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;

namespace Gongjian.Functions.Storage;

/// <summary>
/// The lists staff page through: one row per order in its community's, street's and unit's partition
/// (PartitionKey <c>c-</c>/<c>s-</c>/<c>u-</c> + id), newest first. Rows carry the order version so a
/// late writer never overwrites a newer row; a row leaving a partition becomes a tombstone
/// (<c>Removed = true</c>) that every query filters out.
/// </summary>
public sealed class OrderIndex(StorageClients storage, SlaPolicy policy)
{
    private readonly TableClient _table = storage.OrderIndex;

    public static string CommunityPartition(string id) => $"c-{id}";
    public static string StreetPartition(string id) => $"s-{id}";
    public static string UnitPartition(string id) => $"u-{id}";

    public static string RowKey(OrderState s) => $"{DateTimeOffset.MaxValue.UtcTicks - s.PlacedAt.UtcTicks:D19}-{s.Id}";

    public async Task WriteAsync(OrderState s, string? dropUnitId, CancellationToken ct)
    {
        var partitions = new List<string> { CommunityPartition(s.CommunityId), StreetPartition(s.StreetId) };
        if (s.UnitId is not null) partitions.Add(UnitPartition(s.UnitId));
        await Task.WhenAll(partitions.Select(p => WriteIfNewerAsync(Row(p, s), ct)));
        // A tombstone, not a delete: it keeps the version, so a late relay of an older version cannot bring the row back.
        if (dropUnitId is not null && dropUnitId != s.UnitId)
            await WriteIfNewerAsync(new TableEntity(UnitPartition(dropUnitId), RowKey(s)) { ["Removed"] = true, ["Version"] = s.Version }, ct);
    }

    private async Task WriteIfNewerAsync(TableEntity row, CancellationToken ct)
    {
        var version = row.GetInt32("Version")!.Value;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
            try
            {
                if (!existing.HasValue) { await _table.AddEntityAsync(row, ct); return; }
                if (existing.Value!.GetInt32("Version") >= version) return;
                await _table.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another relay wrote this row between our read and write: read again and compare versions.
            }
        }
    }

    /// <summary>
    /// Lists are read by every role of the partition, the unit before it accepted included, and the row
    /// is a copy: it never holds a phone or house number the resident typed into the text (masked
    /// before cutting, so a cut cannot leave half a number unmasked).
    /// </summary>
    public static string Summary(OrderState s)
    {
        var text = FreeTextRedactor.Redact(s.Text, KnownPersonalData.Of(s));
        return text.Length <= 60 ? text : text[..60] + "…";
    }

    private TableEntity Row(string partition, OrderState s) => new(partition, RowKey(s))
    {
        // The current step's deadline, so lists and the daily digest can find overdue orders in one query.
        ["DueAt"] = Sla.Current(s, policy)?.DueAt,
        ["Step"] = Sla.Current(s, policy)?.Step.ToString(),
        ["Removed"] = false,
        ["OrderId"] = s.Id,
        ["Status"] = s.Status.Code(),
        ["Category"] = s.Category,
        ["CommunityId"] = s.CommunityId,
        ["UnitId"] = s.UnitId,
        ["UnitName"] = s.UnitName,
        ["Summary"] = Summary(s),
        ["PlacedAt"] = s.PlacedAt,
        ["UpdatedAt"] = s.UpdatedAt,
        ["Version"] = s.Version,
    };
}
