using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>
/// What a committed change still owes, recorded in its outbox row in the same transaction: the
/// messages (events, timers), the list partitions the instance left (tombstoned), the blobs to delete.
/// The list rows themselves are not recorded: they are written from the state, the newest one wins.
/// </summary>
public sealed record OutboxWork(int Version, IReadOnlyList<OutboxMessage> Messages, IReadOnlyList<string> DropPartitions, IReadOnlyList<string> DeleteBlobs)
{
    /// <summary>The work of a change from <paramref name="before"/> to <paramref name="after"/> by <paramref name="events"/>.</summary>
    public static OutboxWork Plan<TState, TCommand, TEvent>(Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> storage,
        TState before, TState after, IReadOnlyList<(TEvent Event, int Sequence)> events)
        where TState : class where TCommand : class where TEvent : class
    {
        var id = module.IdOf(after);
        var correlation = Correlation.Current;
        var messages = new List<OutboxMessage>();
        if (storage.EventQueue is { } eventQueue)
            foreach (var (e, sequence) in events)
            {
                var facts = module.Facts(before, after, e).Where(f => f.Value is not null)
                    .ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value!, EngineJson.Default.String));
                var message = new EventMessage
                {
                    Id = $"{id}:{sequence}", InstanceId = id, Sequence = sequence, Type = storage.EventType(e),
                    OccurredAt = module.Audit(e).At, CorrelationId = correlation, Facts = facts,
                };
                messages.Add(new OutboxMessage(eventQueue, message.Id, JsonSerializer.Serialize(message, EngineJson.Default.EventMessage), message.OccurredAt));
            }

        if (storage.TimerQueue is { } timerQueue)
        {
            var armed = module.Timers(before).Select(t => t.Key).ToHashSet();
            foreach (var t in module.Timers(after).Where(t => !armed.Contains(t.Key)))
            {
                var timer = new TimerMessage
                {
                    Id = $"{id}:{t.Key}", InstanceId = id, Step = t.Step, Stage = t.Stage, StepStartedAt = t.StartedAt, FireAt = t.FireAt,
                    CorrelationId = correlation,
                };
                messages.Add(new OutboxMessage(timerQueue, timer.Id, JsonSerializer.Serialize(timer, EngineJson.Default.TimerMessage), t.FireAt));
            }
        }

        var now = module.Lists(after)?.Partitions ?? [];
        var drops = (module.Lists(before)?.Partitions ?? []).Except(now).ToList();
        var blobs = events.SelectMany(e => module.BlobsToDelete(e.Event)).Select(name => $"{id}/{name}").ToList();
        return new OutboxWork(module.VersionOf(after), messages, drops, blobs);
    }

    internal TableEntity Row(string id, DateTimeOffset at) => new(id, StreamRows.OutboxKey(Version))
    {
        ["Version"] = Version,
        ["Messages"] = JsonSerializer.Serialize(Messages.ToList(), EngineJson.Default.ListOutboxMessage),
        ["DropPartitions"] = DropPartitions.Count > 0 ? string.Join(' ', DropPartitions) : null,
        ["DeleteBlobs"] = DeleteBlobs.Count > 0 ? string.Join(' ', DeleteBlobs) : null,
        ["CreatedAt"] = at,
    };

    internal static OutboxWork Read(TableEntity row) => new(
        row.GetInt32("Version") ?? 0,
        row.GetString("Messages") is { } json ? JsonSerializer.Deserialize(json, EngineJson.Default.ListOutboxMessage) ?? [] : [],
        Split(row.GetString("DropPartitions")),
        Split(row.GetString("DeleteBlobs")));

    private static string[] Split(string? s) => string.IsNullOrEmpty(s) ? [] : s.Split(' ');
}
