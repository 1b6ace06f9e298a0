using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace Gongjian.Engine;

/// <summary>
/// Carries out what a committed change still owes — the list rows, the event and timer messages,
/// the blobs to delete — then deletes the outbox row that recorded the debt. If the process dies in
/// between, <see cref="SweepAsync"/> finds the row and relays it again: list writes are idempotent by
/// version and every message has a stable id its consumer dedupes on.
/// </summary>
public sealed class Relay<TState, TCommand, TEvent>(
    Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> codec, IEngineStorage storage, ListWriter? lists,
    QueueSender queues, TimeProvider clock, ILogger<Relay<TState, TCommand, TEvent>> log)
    where TState : class where TCommand : class where TEvent : class
{
    private readonly TableClient _table = storage.Table(codec.Table);

    public async Task RelayAsync(TState state, OutboxWork work, CancellationToken ct)
    {
        try
        {
            await WriteListsAsync(state, work.DropPartitions, ct);
            await SendAsync(work.Messages, ct);
            await DeleteBlobsAsync(work.DeleteBlobs, ct);
            await _table.DeleteEntityAsync(module.IdOf(state), StreamRows.OutboxKey(work.Version), ETag.All, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is committed (storage or network trouble after it); the sweeper finishes the relay.
            log.LogWarning(e, "Relay of {Module} {Id} v{Version} failed; left for the sweeper", module.Name, module.IdOf(state), work.Version);
        }
    }

    /// <summary>Relays every outbox row older than <paramref name="minAge"/>. Returns how many instances it repaired.</summary>
    public async Task<int> SweepAsync(TimeSpan minAge, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - minAge;
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {StreamRows.OutboxPrefix} and RowKey lt {"outbox."} and CreatedAt le {cutoff}");
        var pending = new Dictionary<string, List<TableEntity>>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            (pending.TryGetValue(row.PartitionKey, out var rows) ? rows : pending[row.PartitionKey] = []).Add(row);

        var repaired = 0;
        foreach (var (id, rows) in pending)
        {
            try
            {
                await SweepInstanceAsync(id, rows, ct);
                repaired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken instance must not stop the others from being relayed.
                log.LogError(e, "Sweep of {Module} {Id} failed; will retry next time", module.Name, id);
            }
        }
        return repaired;
    }

    private async Task SweepInstanceAsync(string id, List<TableEntity> rows, CancellationToken ct)
    {
        var work = rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(OutboxWork.Read).ToList();
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(id, StreamRows.StateKey(id), cancellationToken: ct);
        // The lists from the state as it is now (a newer change may have followed the one that crashed).
        if (current.HasValue)
            await WriteListsAsync(codec.DeserializeState(current.Value!.GetString("State") ?? ""), work.SelectMany(w => w.DropPartitions).Distinct().ToList(), ct);
        foreach (var (row, owed) in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Zip(work))
        {
            await SendAsync(owed.Messages, ct);
            await DeleteBlobsAsync(owed.DeleteBlobs, ct);
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        log.LogInformation("Swept {Count} outbox rows of {Module} {Id}", rows.Count, module.Name, id);
    }

    private Task WriteListsAsync(TState state, IReadOnlyList<string> drops, CancellationToken ct) =>
        lists is not null && module.Lists(state) is { } placement ? lists.WriteAsync(placement, drops, module.VersionOf(state), ct) : Task.CompletedTask;

    /// <summary>Idempotent: a blob already deleted (a repeated relay, or an orphan sweep) is simply not there.</summary>
    private async Task DeleteBlobsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count == 0 || codec.BlobContainer is not { } container) return;
        var blobs = storage.Container(container);
        foreach (var name in names) await blobs.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
    }

    private async Task SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        foreach (var m in messages) await queues.SendAsync(m.Queue, m.Body, m.VisibleAt, ct);
    }
}
