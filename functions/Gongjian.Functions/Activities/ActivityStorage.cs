using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Activities;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Activities;

/// <summary>How activities and their events are written into table rows (source-generated; the domain knows nothing of JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ActivityState))]
[JsonSerializable(typeof(ActivityAnnounced))]
[JsonSerializable(typeof(ParticipantRegistered))]
[JsonSerializable(typeof(RegistrationCancelled))]
[JsonSerializable(typeof(ActivityCancelled))]
[JsonSerializable(typeof(ActivityRevised))]
[JsonSerializable(typeof(RegistrationClosed))]
[JsonSerializable(typeof(ParticipantCheckedIn))]
[JsonSerializable(typeof(AttendanceRecorded))]
[JsonSerializable(typeof(ActivityShowcased))]
[JsonSerializable(typeof(RegistrantContactsErased))]
internal sealed partial class ActivityJson : JsonSerializerContext
{
    public static ActivityEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(ActivityAnnounced) => Default.ActivityAnnounced,
            nameof(ParticipantRegistered) => Default.ParticipantRegistered,
            nameof(RegistrationCancelled) => Default.RegistrationCancelled,
            nameof(ActivityCancelled) => Default.ActivityCancelled,
            nameof(ActivityRevised) => Default.ActivityRevised,
            nameof(RegistrationClosed) => Default.RegistrationClosed,
            nameof(ParticipantCheckedIn) => Default.ParticipantCheckedIn,
            nameof(AttendanceRecorded) => Default.AttendanceRecorded,
            nameof(ActivityShowcased) => Default.ActivityShowcased,
            nameof(RegistrantContactsErased) => Default.RegistrantContactsErased,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown activity event type '{type}'.");
        return (ActivityEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty activity event of type '{type}'."));
    }
}

/// <summary>
/// Where the engine keeps activities (活动预告与报名): table <c>activities</c>, one partition per activity with its
/// registrations and waiting list (so the ETag retry keeps the capacity exact), lists in <c>activityindex</c>
/// (counts, never names), timers on <c>activity-timers</c> (registration deadline, the day-before reminder).
/// </summary>
public sealed class ActivityStorage : ModuleStorage<ActivityState, ActivityEvent>
{
    public override string Table => TableNames.Activities;
    public override string ListTable => TableNames.ActivityIndex;
    public override string TimerQueue => QueueNames.ActivityTimers;

    public override string SerializeState(ActivityState state) => JsonSerializer.Serialize(state, ActivityJson.Default.ActivityState);
    public override ActivityState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, ActivityJson.Default.ActivityState) ?? throw new InvalidDataException("Empty activity state.");
    public override string EventType(ActivityEvent e) => e.GetType().Name;
    public override string SerializeEvent(ActivityEvent e) => JsonSerializer.Serialize(e, e.GetType(), ActivityJson.Default);
    public override ActivityEvent DeserializeEvent(string type, string json) => ActivityJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(ActivityState state) =>
        [new("Status", state.Status.Code()), new("CommunityId", state.CommunityId), new("StreetId", state.StreetId)];
}

/// <summary>The engine's event store for activities: all behaviour is the engine's and <see cref="ActivityModule"/>'s.</summary>
public sealed class ActivityStore(
    ActivityModule module, ActivityStorage codec, IEngineStorage storage, Relay<ActivityState, ActivityCommand, ActivityEvent> relay, TimeProvider clock,
    ILogger<ActivityStore> log, ICommandObserver<ActivityState, ActivityCommand, ActivityEvent> observer)
    : EventStore<ActivityState, ActivityCommand, ActivityEvent>(module, codec, storage, relay, clock, log, observer);
