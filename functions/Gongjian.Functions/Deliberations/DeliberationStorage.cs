using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Deliberations;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Deliberations;

/// <summary>How deliberations and their events are written into table rows (source-generated; the domain knows nothing of JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DeliberationState))]
[JsonSerializable(typeof(TopicRaised))]
[JsonSerializable(typeof(TopicAccepted))]
[JsonSerializable(typeof(TopicDeclined))]
[JsonSerializable(typeof(TopicAnswered))]
[JsonSerializable(typeof(MeetingScheduled))]
[JsonSerializable(typeof(OpinionAdded))]
[JsonSerializable(typeof(VoteCast))]
[JsonSerializable(typeof(VoteClosed))]
[JsonSerializable(typeof(DecisionRecorded))]
[JsonSerializable(typeof(ActionLinked))]
[JsonSerializable(typeof(ActionCompleted))]
[JsonSerializable(typeof(ResultRated))]
[JsonSerializable(typeof(DeliberationClosed))]
[JsonSerializable(typeof(RaiserContactErased))]
internal sealed partial class DeliberationJson : JsonSerializerContext
{
    public static DeliberationEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(TopicRaised) => Default.TopicRaised,
            nameof(TopicAccepted) => Default.TopicAccepted,
            nameof(TopicDeclined) => Default.TopicDeclined,
            nameof(TopicAnswered) => Default.TopicAnswered,
            nameof(MeetingScheduled) => Default.MeetingScheduled,
            nameof(OpinionAdded) => Default.OpinionAdded,
            nameof(VoteCast) => Default.VoteCast,
            nameof(VoteClosed) => Default.VoteClosed,
            nameof(DecisionRecorded) => Default.DecisionRecorded,
            nameof(ActionLinked) => Default.ActionLinked,
            nameof(ActionCompleted) => Default.ActionCompleted,
            nameof(ResultRated) => Default.ResultRated,
            nameof(DeliberationClosed) => Default.DeliberationClosed,
            nameof(RaiserContactErased) => Default.RaiserContactErased,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown deliberation event type '{type}'.");
        return (DeliberationEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty deliberation event of type '{type}'."));
    }
}

/// <summary>
/// Where the engine keeps deliberations (议事): table <c>deliberations</c>, one partition per topic, lists in
/// <c>deliberationindex</c> (counts, never names or phones), timers on <c>deliberation-timers</c> (review reminder,
/// meeting reminder, the vote's deadline).
/// </summary>
public sealed class DeliberationStorage : ModuleStorage<DeliberationState, DeliberationEvent>
{
    public override string Table => TableNames.Deliberations;
    public override string ListTable => TableNames.DeliberationIndex;
    public override string TimerQueue => QueueNames.DeliberationTimers;

    public override string SerializeState(DeliberationState state) => JsonSerializer.Serialize(state, DeliberationJson.Default.DeliberationState);
    public override DeliberationState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, DeliberationJson.Default.DeliberationState) ?? throw new InvalidDataException("Empty deliberation state.");
    public override string EventType(DeliberationEvent e) => e.GetType().Name;
    public override string SerializeEvent(DeliberationEvent e) => JsonSerializer.Serialize(e, e.GetType(), DeliberationJson.Default);
    public override DeliberationEvent DeserializeEvent(string type, string json) => DeliberationJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(DeliberationState state) =>
        [new("Status", state.Status.Code()), new("CommunityId", state.CommunityId), new("StreetId", state.StreetId)];
}

/// <summary>The engine's event store for deliberations: all behaviour is the engine's and <see cref="DeliberationModule"/>'s.</summary>
public sealed class DeliberationStore(
    DeliberationModule module, DeliberationStorage codec, IEngineStorage storage, Relay<DeliberationState, DeliberationCommand, DeliberationEvent> relay,
    TimeProvider clock, ILogger<DeliberationStore> log, ICommandObserver<DeliberationState, DeliberationCommand, DeliberationEvent> observer)
    : EventStore<DeliberationState, DeliberationCommand, DeliberationEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>Queue function on <c>deliberation-timers</c>: reminds staff to review a topic and of a coming meeting, and closes a vote at its deadline.</summary>
public static class OnDeliberationTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.DeliberationTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<DeliberationState, DeliberationCommand, DeliberationEvent>>().RunAsync(invocation.Message, ct);
}
