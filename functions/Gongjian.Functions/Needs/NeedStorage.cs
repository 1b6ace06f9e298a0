using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Bot.Notifications;
using Gongjian.Domain.Needs;
using Gongjian.Engine;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Needs;

/// <summary>How needs and their events are written into table rows. The domain knows nothing of JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(NeedState))]
[JsonSerializable(typeof(NeedRecorded))]
[JsonSerializable(typeof(NeedMatched))]
[JsonSerializable(typeof(NeedMet))]
[JsonSerializable(typeof(NeedClosed))]
internal sealed partial class NeedJson : JsonSerializerContext
{
    public static string SerializeEvent(NeedEvent e) => JsonSerializer.Serialize(e, e.GetType(), Default);

    public static NeedEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(NeedRecorded) => Default.NeedRecorded,
            nameof(NeedMatched) => Default.NeedMatched,
            nameof(NeedMet) => Default.NeedMet,
            nameof(NeedClosed) => Default.NeedClosed,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown need event type '{type}'.");
        return (NeedEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty need event of type '{type}'."));
    }
}

/// <summary>Where the engine keeps needs (需求清单): table <c>needs</c>, lists in <c>needindex</c>; no timers.</summary>
public sealed class NeedStorage : ModuleStorage<NeedState, NeedEvent>
{
    public override string Table => TableNames.Needs;
    public override string ListTable => TableNames.NeedIndex;

    public override string SerializeState(NeedState state) => JsonSerializer.Serialize(state, NeedJson.Default.NeedState);
    public override NeedState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, NeedJson.Default.NeedState) ?? throw new InvalidDataException("Empty need state.");
    public override string EventType(NeedEvent e) => e.GetType().Name;
    public override string SerializeEvent(NeedEvent e) => NeedJson.SerializeEvent(e);
    public override NeedEvent DeserializeEvent(string type, string json) => NeedJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(NeedState state) =>
        [new("Status", state.Status.Code()), new("StreetId", state.StreetId), new("CommunityId", state.CommunityId)];
}

/// <summary>The engine's event store for needs: all behaviour is the engine's and <see cref="NeedModule"/>'s.</summary>
public sealed class NeedStore(
    NeedModule module, NeedStorage codec, IEngineStorage storage, Relay<NeedState, NeedCommand, NeedEvent> relay, TimeProvider clock,
    ILogger<NeedStore> log, ICommandObserver<NeedState, NeedCommand, NeedEvent> observer)
    : EventStore<NeedState, NeedCommand, NeedEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>
/// The need module's fan-out: a unit hears that a community need was matched to it. Ids derive from
/// the event id (a repeated relay is harmless); the text names the category and counts, nobody.
/// </summary>
public sealed class NeedNotifier(NotificationSender sender) : INotifier<NeedState>
{
    public async Task NotifyAsync(EventMessage message, NeedState state, CancellationToken ct)
    {
        if (message.Type != nameof(NeedMatched) || message.Fact("newUnitId") is not { } unit) return;
        var text = $"社区需求已对接给您单位：{Gongjian.Domain.Community.ServiceCategory.NameOf(state.Category)}，受益 {state.People} 人。请与社区联系落实。";
        await sender.SendAsync($"{message.Id}:unit:{unit}".ToLowerInvariant(), null, new Recipient(RecipientKind.Unit, unit), "need_matched", text, ct, sequence: message.Sequence);
    }

    public Task RemindAsync(TimerMessage timer, NeedState state, CancellationToken ct) => Task.CompletedTask;
}
