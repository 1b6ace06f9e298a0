using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Orders;

/// <summary>How orders and their events are written into table rows. The domain knows nothing of JSON.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(OrderDispatched))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderDeclined))]
[JsonSerializable(typeof(DispatchWithdrawn))]
[JsonSerializable(typeof(OrderCompleted))]
[JsonSerializable(typeof(OrderConfirmed))]
[JsonSerializable(typeof(OrderReopened))]
[JsonSerializable(typeof(OrderCancelled))]
[JsonSerializable(typeof(OrderRejected))]
[JsonSerializable(typeof(OrderShowcased))]
[JsonSerializable(typeof(OrderEscalated))]
[JsonSerializable(typeof(PersonalDataErased))]
internal sealed partial class OrderJson : JsonSerializerContext
{
    public static string SerializeEvent(OrderEvent e) => JsonSerializer.Serialize(e, e.GetType(), Default);

    public static OrderEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(OrderPlaced) => Default.OrderPlaced,
            nameof(OrderDispatched) => Default.OrderDispatched,
            nameof(OrderAccepted) => Default.OrderAccepted,
            nameof(OrderDeclined) => Default.OrderDeclined,
            nameof(DispatchWithdrawn) => Default.DispatchWithdrawn,
            nameof(OrderCompleted) => Default.OrderCompleted,
            nameof(OrderConfirmed) => Default.OrderConfirmed,
            nameof(OrderReopened) => Default.OrderReopened,
            nameof(OrderCancelled) => Default.OrderCancelled,
            nameof(OrderRejected) => Default.OrderRejected,
            nameof(OrderShowcased) => Default.OrderShowcased,
            nameof(OrderEscalated) => Default.OrderEscalated,
            nameof(PersonalDataErased) => Default.PersonalDataErased,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown order event type '{type}'.");
        return (OrderEvent)(JsonSerializer.Deserialize(json, info)
            ?? throw new InvalidDataException($"Empty order event of type '{type}'."));
    }

    public static string SerializeState(OrderState s) => JsonSerializer.Serialize(s, Default.OrderState);

    public static OrderState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, Default.OrderState) ?? throw new InvalidDataException("Empty order state.");
}
