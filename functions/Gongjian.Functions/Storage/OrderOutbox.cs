using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Carries out what a committed change still owes (the query-table rows) and then deletes the
/// outbox rows that recorded the debt. If the process dies in between, <see cref="SweepAsync"/>
/// finds the rows left behind and relays them again; the index writes are idempotent by version.
/// </summary>
public sealed class OrderOutbox(StorageClients storage, OrderIndex index, TimeProvider clock, ILogger<OrderOutbox> log)
{
    private readonly TableClient _orders = storage.Orders;

    public async Task RelayAsync(OrderState state, string? dropUnitId, CancellationToken ct)
    {
        try
        {
            await index.WriteAsync(state, dropUnitId, ct);
            await _orders.DeleteEntityAsync(state.Id, OrderRows.OutboxKey(state.Version), ETag.All, ct);
        }
        catch (RequestFailedException e)
        {
            // The change itself is committed; the sweeper finishes the relay.
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

        foreach (var (orderId, rows) in pending)
        {
            var current = await _orders.GetEntityIfExistsAsync<TableEntity>(orderId, OrderRows.StateKey(orderId), cancellationToken: ct);
            if (current.HasValue)
            {
                var state = OrderRows.ReadState(current.Value!);
                var drops = rows.Select(r => r.GetString("DropUnitId")).Where(u => u is not null && u != state.UnitId).Distinct();
                await index.WriteAsync(state, null, ct);
                foreach (var unit in drops) await index.WriteAsync(state, unit, ct);
            }
            foreach (var row in rows) await _orders.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
            log.LogInformation("Swept {Count} outbox rows of order {OrderId}", rows.Count, orderId);
        }
        return pending.Count;
    }
}
