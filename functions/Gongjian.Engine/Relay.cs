using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace Gongjian.Engine;

/// <summary>
/// Carries out what a committed change still owes — the list rows, the notifier's fan-out of each
/// event, the timers, the blobs to delete — then deletes the outbox row that recorded the debt. The
/// notifier runs in process, with the state the change produced: no queue hop and no second read. If
/// anything fails or the process dies in between, <see cref="SweepAsync"/> finds the row and relays it
/// again: list writes are idempotent by version, notifications and timers have stable ids their
/// consumers dedupe on. A row that keeps failing is parked after <see cref="MaxSweeps"/> sweeps (logged
/// as an error, left in the table for an engineer) so it cannot cost a retry every minute forever.
/// </summary>
public sealed class Relay<TState, TCommand, TEvent>(
    Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> codec, IEngineStorage storage, ListWriter? lists,
    INotifier<TState>? notifier, QueueSender queues, TimeProvider clock, ILogger<Relay<TState, TCommand, TEvent>> log)
    where TState : class where TCommand : class where TEvent : class
{
    public const int MaxSweeps = 10;

    private readonly TableClient _table = storage.Table(codec.Table);

    public async Task RelayAsync(TState state, OutboxWork work, CancellationToken ct)
    {
        try
        {
            await WriteListsAsync(state, work.DropPartitions, work.NewPartitions, ct);
            await CarryOutAsync(state, work, ct);
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
            if ((row.GetInt32("Sweeps") ?? 0) < MaxSweeps)
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
                await CountFailedSweepAsync(id, rows, e, ct);
            }
        }
        return repaired;
    }

    private async Task SweepInstanceAsync(string id, List<TableEntity> rows, CancellationToken ct)
    {
        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        var work = rows.Select(r => OutboxWork.Read(r, codec.LegacyEventQueue)).ToList();
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(id, StreamRows.StateKey(id), cancellationToken: ct);
        // Everything from the state as it is now (a newer change may have followed the one that crashed).
        var state = current.HasValue ? codec.DeserializeState(current.Value!.GetString("State") ?? "") : null;
        if (state is not null) await WriteListsAsync(state, work.SelectMany(w => w.DropPartitions).Distinct().ToList(), [], ct);
        foreach (var (row, owed) in rows.Zip(work))
        {
            if (state is not null) await CarryOutAsync(state, owed, ct);
            else await DeleteBlobsAsync(owed.DeleteBlobs, ct);
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
        }
        log.LogInformation("Swept {Count} outbox rows of {Module} {Id}", rows.Count, module.Name, id);
    }

    private async Task CountFailedSweepAsync(string id, List<TableEntity> rows, Exception e, CancellationToken ct)
    {
        var sweeps = rows.Max(r => r.GetInt32("Sweeps") ?? 0) + 1;
        if (sweeps >= MaxSweeps)
            log.LogError(e, "Outbox of {Module} {Id} failed {Sweeps} sweeps; parked (rows {Rows} stay in table {Table})",
                module.Name, id, sweeps, string.Join(",", rows.Select(r => r.RowKey)), codec.Table);
        else
            log.LogError(e, "Sweep of {Module} {Id} failed ({Sweeps} of {Max}); will retry next time", module.Name, id, sweeps, MaxSweeps);
        try
        {
            foreach (var row in rows)
                await _table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Sweeps"] = sweeps }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException counting)
        {
            // Relayed meanwhile (404) or storage still down: the count only bounds retries.
            log.LogWarning(counting, "Could not count the failed sweep of {Module} {Id}", module.Name, id);
        }
    }

    private Task WriteListsAsync(TState state, IReadOnlyList<string> drops, IReadOnlyCollection<string> newPartitions, CancellationToken ct) =>
        lists is not null && module.Lists(state) is { } placement
            ? lists.WriteAsync(placement, drops, newPartitions, module.VersionOf(state), ct)
            : Task.CompletedTask;

    private async Task CarryOutAsync(TState state, OutboxWork work, CancellationToken ct)
    {
        if (notifier is not null)
            foreach (var e in work.Events)
                using (Correlation.Begin(e.CorrelationId))
                    await notifier.NotifyAsync(e, state, ct);
        foreach (var m in work.Timers) await queues.SendAsync(m.Queue, m.Body, m.VisibleAt, ct);
        await DeleteBlobsAsync(work.DeleteBlobs, ct);
    }

    /// <summary>Idempotent: a blob already deleted (a repeated relay, or an orphan sweep) is simply not there.</summary>
    private async Task DeleteBlobsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count == 0 || codec.BlobContainer is not { } container) return;
        var blobs = storage.Container(container);
        foreach (var name in names) await blobs.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
    }
}
