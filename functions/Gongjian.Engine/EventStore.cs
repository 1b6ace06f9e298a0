using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace Gongjian.Engine;

/// <summary>
/// Loads, decides and saves the instances of one module, event-sourced, one partition per instance.
/// Events, the new state and an outbox row go in one entity-group transaction guarded by the state
/// row's ETag; when another writer wins (412/409) the command is decided again against the fresh
/// state, so it either applies once or is refused by the rules. A command may carry a message id:
/// its row commits with the change, and a retry of a command already carried out answers
/// <see cref="Outcome{TState,TEvent}.Replayed"/> instead of a refusal.
/// </summary>
public class EventStore<TState, TCommand, TEvent>(
    Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> codec, IEngineStorage storage, Relay<TState, TCommand, TEvent> relay,
    TimeProvider clock, ILogger log, ICommandObserver<TState, TCommand, TEvent>? observer = null)
    where TState : class where TCommand : class where TEvent : class
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table = storage.Table(codec.Table);
    private readonly StateCache<TState> _cache = new();
    private readonly HistoryReader<TState, TEvent> _history = new(codec, storage);

    public Module<TState, TCommand, TEvent> Module => module;

    public async Task<Loaded<TState>?> LoadAsync(string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, StreamRows.StateKey(id), cancellationToken: ct);
        return row.HasValue ? new Loaded<TState>(codec.DeserializeState(row.Value!.GetString("State") ?? ""), row.Value.ETag) : null;
    }

    /// <summary>
    /// For a command: the state as this process last saved it, if it remembers it (<see cref="Loaded{TState}.Cached"/>),
    /// else read. The command's save is guarded by the ETag either way; a caller refusing on a cached state reads fresh first.
    /// </summary>
    public async Task<Loaded<TState>?> LoadForCommandAsync(string id, CancellationToken ct) => _cache.Get(id) ?? await LoadAsync(id, ct);

    /// <summary>The state, its full history and the journal notes, in one partition query.</summary>
    public Task<History<TState, TEvent>?> LoadWithHistoryAsync(string id, CancellationToken ct) => _history.ReadAsync(id, ct);

    /// <summary>Records in the instance's history why a request changed nothing.</summary>
    public Task NoteAsync(string id, string code, string text, CancellationToken ct) => Journal.NoteAsync(_table, id, code, text, clock.GetUtcNow(), ct);

    /// <param name="preloaded">The state the caller already read (to authorize), saving the first read.</param>
    /// <param name="messageId">The command's own id (a client's idempotency key, a chat activity id): a retry answers the first result.</param>
    /// <param name="expectNew">
    /// The caller just drew a fresh id: decide on the initial state without reading it first. If the
    /// instance exists after all, the state row's insert fails and the command is decided again on it.
    /// </param>
    public async Task<Outcome<TState, TEvent>> ExecuteAsync(
        string id, TCommand command, CancellationToken ct, Loaded<TState>? preloaded = null, string? messageId = null, bool expectNew = false)
    {
        using var scope = observer?.Start(id, command);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = attempt > 1 ? await LoadAsync(id, ct)
                : preloaded is not null || expectNew ? preloaded : await LoadForCommandAsync(id, ct);
            var state = loaded?.State ?? module.Initial;
            var verdict = module.Decide(state, command, clock.GetUtcNow());
            if (verdict.Rejection is not null && loaded is { Cached: true })
            {
                // Refused on a remembered state: another host may have moved it on since; decide on what is stored.
                _cache.Forget(id);
                continue;
            }
            if (verdict.Rejection is { } rejection)
            {
                if (messageId is not null && rejection.Kind == RejectionKind.Conflict && await WasCarriedOutAsync(id, messageId, ct))
                    return Done(scope, new Outcome<TState, TEvent>(state, [], null, Replayed: true));
                return Done(scope, new Outcome<TState, TEvent>(state, [], rejection));
            }

            var (next, actions, work) = Plan(id, state, loaded?.ETag, verdict.Events, messageId);
            if (verdict.Events.Any(module.Erases)) actions.AddRange(await RedactionsAsync(id, module.VersionOf(state), next, ct));
            try
            {
                var saved = await _table.SubmitTransactionAsync(actions, ct);
                _cache.Remember(id, next, saved.Value[StateActionIndex(verdict.Events.Count)].Headers.ETag);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                log.LogInformation("{Module} {Id} changed concurrently (attempt {Attempt}); deciding again", module.Name, id, attempt);
                _cache.Forget(id);
                continue;
            }
            await relay.RelayAsync(next, work, ct);
            return Done(scope, new Outcome<TState, TEvent>(next, verdict.Events, null));
        }
    }

    /// <summary>Where <see cref="Plan"/> puts the state row: after the event rows (erasure rewrites come last).</summary>
    private static int StateActionIndex(int events) => events;

    private static Outcome<TState, TEvent> Done(ICommandScope<TState, TEvent>? scope, Outcome<TState, TEvent> outcome)
    {
        scope?.Done(outcome);
        return outcome;
    }

    private async Task<bool> WasCarriedOutAsync(string id, string messageId, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(id, StreamRows.CommandKey(messageId), ["Version"], ct)).HasValue;

    private (TState Next, List<TableTransactionAction> Actions, OutboxWork Work) Plan(
        string id, TState state, ETag? etag, IReadOnlyList<TEvent> events, string? messageId)
    {
        var actions = new List<TableTransactionAction>(events.Count + 3);
        var sequenced = new List<(TEvent, int)>(events.Count);
        var next = state;
        foreach (var e in events)
        {
            next = module.Evolve(next, e);
            var version = module.VersionOf(next);
            sequenced.Add((e, version));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, StreamRows.Event(codec, id, e, version, module.Audit(e).At)));
        }
        var work = OutboxWork.Plan(module, codec, state, next, sequenced);
        var stateRow = StreamRows.State(codec, id, next, module.VersionOf(next));
        actions.Add(etag is { } tag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, tag)
            : new TableTransactionAction(TableTransactionActionType.Add, stateRow));
        var now = clock.GetUtcNow();
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, work.Row(id, now)));
        if (messageId is not null)
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(id, StreamRows.CommandKey(messageId)) { ["Version"] = module.VersionOf(next), ["At"] = now }));
        return (next, actions, work);
    }

    /// <summary>
    /// PIPL erasure: every stored event of the instance that holds personal data, rewritten without it,
    /// to go in the same transaction as the erasure event (so no copy outlives it in the partition). Each
    /// replace is guarded by the row's ETag; the state row's ETag already guards the whole decision. Only
    /// the events the decision saw (up to <paramref name="version"/>): a row a racing writer just added
    /// must not appear twice in the batch; that writer's state change makes this attempt retry anyway. The module redacts
    /// each against <paramref name="erased"/>, the state after the erasure (what of whom is erased).
    /// </summary>
    private async Task<List<TableTransactionAction>> RedactionsAsync(string id, int version, TState erased, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {id} and RowKey ge {StreamRows.EventPrefix} and RowKey le {StreamRows.EventKey(version)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (module.Redacted(erased, StreamRows.ReadEvent(codec, row)) is { } redacted)
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                    new TableEntity(row.PartitionKey, row.RowKey)
                    {
                        ["Type"] = row.GetString("Type"), ["Data"] = codec.SerializeEvent(redacted), ["OccurredAt"] = row.GetDateTimeOffset("OccurredAt"),
                    }, row.ETag));
        return actions;
    }
}
