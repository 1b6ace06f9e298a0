using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace Gongjian.Functions.Wishes;

/// <summary>How wishes and their events are written into table rows (source-generated; the domain knows nothing of JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(WishState))]
[JsonSerializable(typeof(WishSubmitted))]
[JsonSerializable(typeof(WishPublished))]
[JsonSerializable(typeof(WishRejected))]
[JsonSerializable(typeof(WishWithdrawn))]
[JsonSerializable(typeof(WishClaimed))]
[JsonSerializable(typeof(WishClaimReleased))]
[JsonSerializable(typeof(WishFulfilled))]
[JsonSerializable(typeof(WishConfirmed))]
[JsonSerializable(typeof(WishPersonalDataErased))]
internal sealed partial class WishJson : JsonSerializerContext;

/// <summary>Where the engine keeps wishes: table <c>wishes</c>, lists in <c>wishindex</c>, queue <c>wish-timers</c>, photos in <c>photos</c>.</summary>
public sealed class WishStorage : ModuleStorage<WishState, WishEvent>
{
    public override string Table => TableNames.Wishes;
    public override string ListTable => TableNames.WishIndex;
    public override string TimerQueue => QueueNames.WishTimers;
    public override string BlobContainer => ContainerNames.Photos;

    public override string SerializeState(WishState state) => JsonSerializer.Serialize(state, WishJson.Default.WishState);
    public override WishState DeserializeState(string json) => JsonSerializer.Deserialize(json, WishJson.Default.WishState) ?? throw new InvalidDataException("Empty wish state.");
    public override string EventType(WishEvent e) => e.GetType().Name;
    public override string SerializeEvent(WishEvent e) => JsonSerializer.Serialize(e, e.GetType(), WishJson.Default);

    public override WishEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(WishSubmitted) => WishJson.Default.WishSubmitted,
            nameof(WishPublished) => WishJson.Default.WishPublished,
            nameof(WishRejected) => WishJson.Default.WishRejected,
            nameof(WishWithdrawn) => WishJson.Default.WishWithdrawn,
            nameof(WishClaimed) => WishJson.Default.WishClaimed,
            nameof(WishClaimReleased) => WishJson.Default.WishClaimReleased,
            nameof(WishFulfilled) => WishJson.Default.WishFulfilled,
            nameof(WishConfirmed) => (System.Text.Json.Serialization.Metadata.JsonTypeInfo)WishJson.Default.WishConfirmed,
            nameof(WishPersonalDataErased) => WishJson.Default.WishPersonalDataErased,
            _ => null,
        } ?? throw new InvalidDataException($"Unknown wish event type '{type}'.");
        return (WishEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty wish event of type '{type}'."));
    }

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(WishState state) => [new("Status", state.Status.Code())];
}

/// <summary>The engine's event store for wishes (module #2): all behaviour is the engine's and <see cref="WishModule"/>'s.</summary>
public sealed class WishStore(
    WishModule module, WishStorage codec, IEngineStorage storage, Relay<WishState, WishCommand, WishEvent> relay, TimeProvider clock,
    ILogger<WishStore> log, ICommandObserver<WishState, WishCommand, WishEvent> observer)
    : EventStore<WishState, WishCommand, WishEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>
/// How long wishes wait before a reminder (<c>Wishes:ClaimRemindDays</c>, <c>Wishes:FulfilRemindDays</c>) and, once closed,
/// before their personal data is erased (<c>Wishes:EraseAfter</c>, like orders' <c>Privacy:EraseAfter</c>, whose value it
/// takes when not set: e.g. <c>Wishes__EraseAfter=90.00:00:00</c>).
/// </summary>
public sealed class WishOptions
{
    public double ClaimRemindDays { get; set; } = WishModule.DefaultClaimRemindAfter.TotalDays;
    public double FulfilRemindDays { get; set; } = WishModule.DefaultFulfilRemindAfter.TotalDays;
    public TimeSpan? EraseAfter { get; set; }

    public WishModule ToModule(Domain.Privacy.RetentionPolicy? retention = null)
    {
        var eraseAfter = EraseAfter ?? retention?.EraseAfter ?? WishModule.DefaultEraseAfter;
        if (eraseAfter <= TimeSpan.Zero) throw new InvalidOperationException("Wishes:EraseAfter must be positive.");
        return new(TimeSpan.FromDays(ClaimRemindDays), TimeSpan.FromDays(FulfilRemindDays), eraseAfter);
    }
}
