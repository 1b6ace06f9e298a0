using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Resources;
using Gongjian.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Resources;

/// <summary>How resources and their events are written into table rows.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ResourceState))]
[JsonSerializable(typeof(ResourceOffered))]
[JsonSerializable(typeof(ResourceEdited))]
[JsonSerializable(typeof(ResourceRetired))]
[JsonSerializable(typeof(ResourceBookingPolicySet))]
internal sealed partial class ResourceJson : JsonSerializerContext
{
    public static string SerializeEvent(ResourceEvent e) => JsonSerializer.Serialize(e, e.GetType(), Default);

    public static ResourceEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(ResourceOffered) => Default.ResourceOffered,
            nameof(ResourceEdited) => Default.ResourceEdited,
            nameof(ResourceRetired) => Default.ResourceRetired,
            nameof(ResourceBookingPolicySet) => Default.ResourceBookingPolicySet,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown resource event type '{type}'.");
        return (ResourceEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty resource event of type '{type}'."));
    }
}

/// <summary>Where the engine keeps resources (资源清单): table <c>resources</c>, lists in <c>resourceindex</c>; no timers.</summary>
public sealed class ResourceStorage : ModuleStorage<ResourceState, ResourceEvent>
{
    public override string Table => TableNames.Resources;
    public override string ListTable => TableNames.ResourceIndex;

    public override string SerializeState(ResourceState state) => JsonSerializer.Serialize(state, ResourceJson.Default.ResourceState);
    public override ResourceState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, ResourceJson.Default.ResourceState) ?? throw new InvalidDataException("Empty resource state.");
    public override string EventType(ResourceEvent e) => e.GetType().Name;
    public override string SerializeEvent(ResourceEvent e) => ResourceJson.SerializeEvent(e);
    public override ResourceEvent DeserializeEvent(string type, string json) => ResourceJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(ResourceState state) =>
        [new("Status", state.Status.Code()), new("UnitId", state.UnitId), new("StreetId", state.StreetId)];
}

public sealed class ResourceStore(
    ResourceModule module, ResourceStorage codec, IEngineStorage storage, Relay<ResourceState, ResourceCommand, ResourceEvent> relay, TimeProvider clock,
    ILogger<ResourceStore> log, ICommandObserver<ResourceState, ResourceCommand, ResourceEvent> observer)
    : EventStore<ResourceState, ResourceCommand, ResourceEvent>(module, codec, storage, relay, clock, log, observer);

/// <summary>Listing a resource tells nobody: staff read the lists, and matching reads them when a need asks.</summary>
public sealed class ResourceNotifier : INotifier<ResourceState>
{
    public Task NotifyAsync(EventMessage message, ResourceState state, CancellationToken ct) => Task.CompletedTask;
    public Task RemindAsync(TimerMessage timer, ResourceState state, CancellationToken ct) => Task.CompletedTask;
}
