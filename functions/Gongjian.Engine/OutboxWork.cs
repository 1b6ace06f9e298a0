using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>
/// What a committed change still owes, recorded in its outbox row in the same transaction: the
/// events for the module's notifier, the timers to arm, the list partitions the instance left
/// (tombstoned), the blobs to delete. The list rows themselves are not recorded: they are written
/// from the state, the newest one wins.
/// </summary>
/// <param name="Timers">Timer messages; rows written before events were relayed in process may also hold event-queue messages (see <see cref="Read"/>).</param>
public sealed record OutboxWork(
    int Version, IReadOnlyList<EventMessage> Events, IReadOnlyList<OutboxMessage> Timers, IReadOnlyList<string> DropPartitions, IReadOnlyList<string> DeleteBlobs)
{
    /// <summary>Partitions the instance entered with this change (not stored: a repeated relay must not assume its rows are new).</summary>
    public IReadOnlyCollection<string> NewPartitions { get; init; } = [];

    /// <summary>The work of a change from <paramref name="before"/> to <paramref name="after"/> by <paramref name="events"/>.</summary>
    public static OutboxWork Plan<TState, TCommand, TEvent>(Module<TState, TCommand, TEvent> module, ModuleStorage<TState, TEvent> storage,
        TState before, TState after, IReadOnlyList<(TEvent Event, int Sequence)> events)
        where TState : class where TCommand : class where TEvent : class
    {
        var id = module.IdOf(after);
        var correlation = Correlation.Current;
        var messages = events.Select(x => new EventMessage
        {
            Id = $"{id}:{x.Sequence}", InstanceId = id, Sequence = x.Sequence, Type = storage.EventType(x.Event),
            OccurredAt = module.Audit(x.Event).At, CorrelationId = correlation,
            Facts = module.Facts(before, after, x.Event).Where(f => f.Value is not null)
                .ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value!, EngineJson.Default.String)),
        }).ToList();

        var timers = new List<OutboxMessage>();
        if (storage.TimerQueue is { } timerQueue)
        {
            var armed = module.Timers(before).Select(t => t.Key).ToHashSet();
            timers.AddRange(TimerArming.ToArm(module.Timers(after).Where(t => !armed.Contains(t.Key)))
                .Select(t => TimerArming.Message(timerQueue, id, t, correlation)));
        }

        var listed = module.Lists(after)?.Partitions ?? [];
        var wasListed = module.Lists(before)?.Partitions ?? [];
        var blobs = events.SelectMany(e => module.BlobsToDelete(e.Event)).Select(name => $"{id}/{name}").ToList();
        return new OutboxWork(module.VersionOf(after), messages, timers, wasListed.Except(listed).ToList(), blobs)
        {
            NewPartitions = listed.Except(wasListed).ToHashSet(),
        };
    }

    internal TableEntity Row(string id, DateTimeOffset at) => new(id, StreamRows.OutboxKey(Version))
    {
        ["Version"] = Version,
        ["Events"] = Events.Count > 0 ? JsonSerializer.Serialize(Events.ToList(), EngineJson.Default.ListEventMessage) : null,
        ["Messages"] = Timers.Count > 0 ? JsonSerializer.Serialize(Timers.ToList(), EngineJson.Default.ListOutboxMessage) : null,
        ["DropPartitions"] = DropPartitions.Count > 0 ? string.Join(' ', DropPartitions) : null,
        ["DeleteBlobs"] = DeleteBlobs.Count > 0 ? string.Join(' ', DeleteBlobs) : null,
        ["CreatedAt"] = at,
    };

    /// <summary>
    /// Reads an outbox row. Rows written before events were relayed in process kept them as messages
    /// for the module's former event queue (<paramref name="legacyEventQueue"/>): those become events again.
    /// </summary>
    internal static OutboxWork Read(TableEntity row, string? legacyEventQueue)
    {
        var messages = row.GetString("Messages") is { } json ? JsonSerializer.Deserialize(json, EngineJson.Default.ListOutboxMessage) ?? [] : [];
        var events = row.GetString("Events") is { } e ? JsonSerializer.Deserialize(e, EngineJson.Default.ListEventMessage) ?? [] : [];
        events.AddRange(messages.Where(m => m.Queue == legacyEventQueue).Select(m => JsonSerializer.Deserialize(m.Body, EngineJson.Default.EventMessage)!));
        return new OutboxWork(row.GetInt32("Version") ?? 0, events, messages.Where(m => m.Queue != legacyEventQueue).ToList(),
            Split(row.GetString("DropPartitions")), Split(row.GetString("DeleteBlobs")));
    }

    private static string[] Split(string? s) => string.IsNullOrEmpty(s) ? [] : s.Split(' ');
}
