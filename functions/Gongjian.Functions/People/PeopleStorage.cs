using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.People;
using Gongjian.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.People;

/// <summary>How 单位报到 and 个人报到 states and events are written into table rows.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(UnitReportState))]
[JsonSerializable(typeof(UnitReported))]
[JsonSerializable(typeof(UnitReportAccepted))]
[JsonSerializable(typeof(CommitmentMet))]
[JsonSerializable(typeof(PersonState))]
[JsonSerializable(typeof(PersonRegistered))]
[JsonSerializable(typeof(PersonConfirmed))]
[JsonSerializable(typeof(TeamJoined))]
[JsonSerializable(typeof(PostTaken))]
[JsonSerializable(typeof(ServiceHoursLogged))]
internal sealed partial class PeopleJson : JsonSerializerContext
{
    public static T Read<T>(string type, string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo? info) where T : class =>
        info is null ? throw new InvalidDataException($"Unknown event type '{type}'.")
        : (T)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty event of type '{type}'."));
}

/// <summary>Where the engine keeps 单位报到: table <c>unitreports</c>, lists (community, street, unit) in <c>unitreportindex</c>; no timers.</summary>
public sealed class UnitReportStorage : ModuleStorage<UnitReportState, UnitReportEvent>
{
    public override string Table => TableNames.UnitReports;
    public override string ListTable => TableNames.UnitReportIndex;

    public override string SerializeState(UnitReportState state) => JsonSerializer.Serialize(state, PeopleJson.Default.UnitReportState);
    public override UnitReportState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, PeopleJson.Default.UnitReportState) ?? throw new InvalidDataException("Empty unit report state.");
    public override string EventType(UnitReportEvent e) => e.GetType().Name;
    public override string SerializeEvent(UnitReportEvent e) => JsonSerializer.Serialize(e, e.GetType(), PeopleJson.Default);

    public override UnitReportEvent DeserializeEvent(string type, string json) => PeopleJson.Read<UnitReportEvent>(type, json, type switch
    {
        nameof(UnitReported) => PeopleJson.Default.UnitReported,
        nameof(UnitReportAccepted) => PeopleJson.Default.UnitReportAccepted,
        nameof(CommitmentMet) => PeopleJson.Default.CommitmentMet,
        _ => null,
    });

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(UnitReportState state) =>
        [new("Status", state.Status.Code()), new("UnitId", state.UnitId), new("CommunityId", state.CommunityId)];
}

/// <summary>
/// Where the engine keeps 个人报到: table <c>persons</c> (name, phone, work unit live only in the state and events),
/// lists (community, street, <c>p-{personKey}</c>) in <c>personindex</c> without them; no timers.
/// </summary>
public sealed class PersonStorage : ModuleStorage<PersonState, PersonEvent>
{
    public override string Table => TableNames.Persons;
    public override string ListTable => TableNames.PersonIndex;

    public override string SerializeState(PersonState state) => JsonSerializer.Serialize(state, PeopleJson.Default.PersonState);
    public override PersonState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, PeopleJson.Default.PersonState) ?? throw new InvalidDataException("Empty person state.");
    public override string EventType(PersonEvent e) => e.GetType().Name;
    public override string SerializeEvent(PersonEvent e) => JsonSerializer.Serialize(e, e.GetType(), PeopleJson.Default);

    public override PersonEvent DeserializeEvent(string type, string json) => PeopleJson.Read<PersonEvent>(type, json, type switch
    {
        nameof(PersonRegistered) => PeopleJson.Default.PersonRegistered,
        nameof(PersonConfirmed) => PeopleJson.Default.PersonConfirmed,
        nameof(TeamJoined) => PeopleJson.Default.TeamJoined,
        nameof(PostTaken) => PeopleJson.Default.PostTaken,
        nameof(ServiceHoursLogged) => PeopleJson.Default.ServiceHoursLogged,
        _ => null,
    });

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(PersonState state) =>
        [new("Status", state.Status.Code()), new("CommunityId", state.CommunityId)];
}

public sealed class UnitReportStore(
    UnitReportModule module, UnitReportStorage codec, IEngineStorage storage, Relay<UnitReportState, UnitReportCommand, UnitReportEvent> relay, TimeProvider clock,
    ILogger<UnitReportStore> log, ICommandObserver<UnitReportState, UnitReportCommand, UnitReportEvent> observer)
    : EventStore<UnitReportState, UnitReportCommand, UnitReportEvent>(module, codec, storage, relay, clock, log, observer);

public sealed class PersonStore(
    PersonModule module, PersonStorage codec, IEngineStorage storage, Relay<PersonState, PersonCommand, PersonEvent> relay, TimeProvider clock,
    ILogger<PersonStore> log, ICommandObserver<PersonState, PersonCommand, PersonEvent> observer)
    : EventStore<PersonState, PersonCommand, PersonEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>Reports tell nobody beyond the evaluation records written around this notifier (<see cref="Records.RecordKinds"/>).</summary>
public sealed class UnitReportNotifier : INotifier<UnitReportState>
{
    public Task NotifyAsync(EventMessage message, UnitReportState state, CancellationToken ct) => Task.CompletedTask;
    public Task RemindAsync(TimerMessage timer, UnitReportState state, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A person's events tell nobody beyond the evaluation records (hours) written around this notifier.</summary>
public sealed class PersonNotifier : INotifier<PersonState>
{
    public Task NotifyAsync(EventMessage message, PersonState state, CancellationToken ct) => Task.CompletedTask;
    public Task RemindAsync(TimerMessage timer, PersonState state, CancellationToken ct) => Task.CompletedTask;
}
