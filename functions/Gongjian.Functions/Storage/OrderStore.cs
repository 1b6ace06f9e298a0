using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;

namespace Gongjian.Functions.Storage;

/// <summary>What happened to a command: the order after it and the new events, or why it was refused.</summary>
public sealed record CommandOutcome(OrderState State, IReadOnlyList<OrderEvent> Events, Rejection? Rejection)
{
    public bool Succeeded => Rejection is null;
}

/// <summary>
/// Loads, decides and saves orders. Events, the new state and an outbox row go in one entity-group
/// transaction guarded by the state row's ETag; when another writer wins (412/409) the command is
/// decided again against the fresh state, so it either applies once or is refused by the rules.
/// </summary>
public sealed class OrderStore(
    StorageClients storage, OrderOutbox outbox, SlaPolicy policy, RetentionPolicy retention, TimeProvider clock, ILogger<OrderStore> log)
{
    private const int MaxAttempts = 8;
    private readonly TableClient _orders = storage.Orders;

    public async Task<(OrderState State, ETag ETag)?> LoadAsync(string orderId, CancellationToken ct)
    {
        var row = await _orders.GetEntityIfExistsAsync<TableEntity>(orderId, OrderRows.StateKey(orderId), cancellationToken: ct);
        return row.HasValue ? (OrderRows.ReadState(row.Value!), row.Value!.ETag) : null;
    }

    public sealed record OrderHistory(OrderState State, IReadOnlyList<OrderEvent> History, IReadOnlyList<OrderJournal.Note> Notes);

    /// <summary>The state, its full history and the journal notes, in one partition query.</summary>
    public async Task<OrderHistory?> LoadWithHistoryAsync(string orderId, CancellationToken ct)
    {
        OrderState? state = null;
        var history = new List<OrderEvent>();
        var notes = new List<OrderJournal.Note>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {orderId}");
        await foreach (var row in _orders.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey.StartsWith(OrderRows.EventPrefix, StringComparison.Ordinal)) history.Add(OrderRows.ReadEvent(row));
            else if (row.RowKey.StartsWith(OrderJournal.Prefix, StringComparison.Ordinal)) notes.Add(OrderJournal.Read(row));
            else if (row.RowKey == OrderRows.StateKey(orderId)) state = OrderRows.ReadState(row);
        }
        return state is null ? null : new OrderHistory(state, history, notes);
    }

    /// <param name="preloaded">The state the caller already read (to authorize), saving the first read.</param>
    public async Task<CommandOutcome> ExecuteAsync(
        string orderId, OrderCommand command, CancellationToken ct, (OrderState State, ETag ETag)? preloaded = null)
    {
        using var span = Observability.OrderCommandSpan.Start(orderId, command);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = attempt == 1 && preloaded is not null ? preloaded : await LoadAsync(orderId, ct);
            var state = loaded?.State ?? OrderState.Initial;
            var decision = OrderDecider.Decide(state, command, clock.GetUtcNow());
            if (!decision.IsAccepted) return span.Done(new CommandOutcome(state, [], decision.Rejection));

            var erasedPhotos = decision.Events.OfType<PersonalDataErased>().SelectMany(e => e.PhotoIds).ToList();
            var (next, actions, messages) = Plan(state, loaded?.ETag, decision.Events, erasedPhotos);
            if (decision.Events.Any(e => e is PersonalDataErased)) actions.AddRange(await RedactionsAsync(orderId, state.Version, ct));
            var dropUnitId = state.UnitId != next.UnitId ? state.UnitId : null;
            try
            {
                await _orders.SubmitTransactionAsync(actions, ct);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                log.LogInformation("Order {OrderId} changed concurrently (attempt {Attempt}); deciding again", orderId, attempt);
                continue;
            }
            await outbox.RelayAsync(next, dropUnitId, messages, ct, erasedPhotos);
            return span.Done(new CommandOutcome(next, decision.Events, null));
        }
    }

    private (OrderState Next, List<TableTransactionAction> Actions, List<Engine.OutboxMessage> Messages) Plan(
        OrderState state, ETag? etag, IReadOnlyList<OrderEvent> events, IReadOnlyList<string> erasePhotoIds)
    {
        var actions = new List<TableTransactionAction>(events.Count + 2);
        var sequenced = new List<(OrderEvent, int)>(events.Count);
        var next = state;
        foreach (var e in events)
        {
            next = OrderState.Evolve(next, e);
            sequenced.Add((e, next.Version));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OrderRows.Event(e, next.Version)));
        }
        var messages = Engine.OutboxPlan.For(state, next, sequenced, policy, retention);
        actions.Add(etag is { } tag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, OrderRows.State(next), tag)
            : new TableTransactionAction(TableTransactionActionType.Add, OrderRows.State(next)));
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OrderRows.Outbox(next.Id, next.Version, state.UnitId != next.UnitId ? state.UnitId : null, messages, clock.GetUtcNow(), erasePhotoIds)));
        return (next, actions, messages);
    }

    /// <summary>
    /// PIPL erasure: every stored event of the order that holds personal data, rewritten without it, to
    /// go in the same transaction as the erasure event (so no copy outlives it in the partition). Each
    /// replace is guarded by the row's ETag; the state row's ETag already guards the whole decision. Only
    /// the events the decision saw (up to <paramref name="version"/>): a row a racing writer just added
    /// must not appear twice in the batch; that writer's state change makes this attempt retry anyway.
    /// </summary>
    private async Task<List<TableTransactionAction>> RedactionsAsync(string orderId, int version, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {orderId} and RowKey ge {OrderRows.EventPrefix} and RowKey le {OrderRows.EventKey(version)}");
        await foreach (var row in _orders.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (OrderRows.Redacted(row) is { } redacted)
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, redacted, row.ETag));
        return actions;
    }
}
