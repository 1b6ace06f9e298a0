using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Carries out what a committed change still owes — the query-table rows, the order-event and timer
/// messages — then deletes the outbox row that recorded the debt. If the process dies in between,
/// <see cref="SweepAsync"/> finds the row and relays it again: index writes are idempotent by version
/// and every message has a stable id its consumer dedupes on.
/// </summary>
public sealed class OrderOutbox(StorageClients storage, OrderIndex index, QueueSender queues, TimeProvider clock, ILogger<OrderOutbox> log)
{
    private readonly TableClient _orders = storage.Orders;

    /// <param name="erasePhotoIds">Before-photos of an erasure (PIPL) whose files are deleted before the row is.</param>
    public async Task RelayAsync(OrderState state, string? dropUnitId, IReadOnlyList<OutboxMessage> messages, CancellationToken ct,
        IReadOnlyList<string>? erasePhotoIds = null)
    {
        try
        {
            await index.WriteAsync(state, dropUnitId, ct);
            await SendAsync(messages, ct);
            await DeletePhotosAsync(state.Id, erasePhotoIds ?? [], ct);
            await _orders.DeleteEntityAsync(state.Id, OrderRows.OutboxKey(state.Version), ETag.All, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is committed (storage or network trouble after it); the sweeper finishes the relay.
            log.LogWarning(e, "Relay of order {OrderId} v{Version} failed; left for the sweeper", state.Id, state.Version);
        }
    }

    /// <summary>Relays every outbox row older than <paramref name="minAge"/>. Returns how many orders it repaired.</summary>
    public async Task<int> SweepAsync(TimeSpan minAge, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - minAge;
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OrderRows.OutboxPrefix} and RowKey lt {"outbox."} and CreatedAt le {cutoff}");
        var pending = new Dictionary<string, List<TableEntity>>();
        await foreach (var row in _orders.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            (pending.TryGetValue(row.PartitionKey, out var rows) ? rows : pending[row.PartitionKey] = []).Add(row);

        var repaired = 0;
        foreach (var (orderId, rows) in pending)
        {
            try
            {
                await SweepOrderAsync(orderId, rows, ct);
                repaired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken order must not stop the others from being relayed.
                log.LogError(e, "Sweep of order {OrderId} failed; will retry next time", orderId);
            }
        }
        return repaired;
    }

    private async Task SweepOrderAsync(string orderId, List<TableEntity> rows, CancellationToken ct)
    {
        var current = await _orders.GetEntityIfExistsAsync<TableEntity>(orderId, OrderRows.StateKey(orderId), cancellationToken: ct);
        if (current.HasValue)
        {
            var state = OrderRows.ReadState(current.Value!);
            var drops = rows.Select(r => r.GetString("DropUnitId")).Where(u => u is not null && u != state.UnitId).Distinct().ToList();
            if (drops.Count == 0) await index.WriteAsync(state, null, ct);
            foreach (var unit in drops) await index.WriteAsync(state, unit, ct);
        }
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            await SendAsync(OrderRows.ReadMessages(row), ct);
            await DeletePhotosAsync(orderId, OrderRows.ReadErasePhotoIds(row), ct);
            await _orders.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        log.LogInformation("Swept {Count} outbox rows of order {OrderId}", rows.Count, orderId);
    }

    /// <summary>Idempotent: a photo already deleted (a repeated relay, or the orphan sweep) is simply not there.</summary>
    private async Task DeletePhotosAsync(string orderId, IReadOnlyList<string> photoIds, CancellationToken ct)
    {
        foreach (var photo in photoIds)
            await storage.Photos.GetBlobClient(Photos.PhotoStore.BlobName(orderId, photo)).DeleteIfExistsAsync(cancellationToken: ct);
    }

    private async Task SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        foreach (var m in messages) await queues.SendAsync(m.Queue, m.Body, m.VisibleAt, ct);
    }
}
