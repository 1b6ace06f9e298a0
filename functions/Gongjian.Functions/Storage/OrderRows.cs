using Azure.Data.Tables;
using Gongjian.Domain.Orders;

namespace Gongjian.Functions.Storage;

/// <summary>
/// The rows of one order's partition (PartitionKey = order id): the state row, one row per event,
/// and outbox rows for the work that follows a change. RowKeys carry the order id because Azurite
/// slows down when many partitions share a RowKey.
/// </summary>
internal static class OrderRows
{
    public static string StateKey(string orderId) => $"state-{orderId}";
    public static string EventKey(int sequence) => $"event-{sequence:D6}";
    public static string OutboxKey(int version) => $"outbox-{version:D6}";
    public const string EventPrefix = "event-";
    public const string OutboxPrefix = "outbox-";

    public static TableEntity State(OrderState s) => new(s.Id, StateKey(s.Id))
    {
        ["State"] = OrderJson.SerializeState(s),
        ["Status"] = s.Status.Code(),
        ["Version"] = s.Version,
    };

    public static TableEntity Event(OrderEvent e, int sequence) => new(e.OrderId, EventKey(sequence))
    {
        ["Type"] = e.GetType().Name,
        ["Data"] = OrderJson.SerializeEvent(e),
        ["OccurredAt"] = e.OccurredAt,
    };

    /// <summary>Marks that the query tables (and later the event queue) still have to learn of this version.</summary>
    /// <param name="erasePhotoIds">Photos whose files are to be deleted (personal data erased); ids, not personal data.</param>
    public static TableEntity Outbox(string orderId, int version, string? dropUnitId, IReadOnlyList<Engine.OutboxMessage> messages, DateTimeOffset at,
        IReadOnlyList<string>? erasePhotoIds = null) =>
        new(orderId, OutboxKey(version))
        {
            ["Version"] = version,
            ["DropUnitId"] = dropUnitId,
            ["Messages"] = System.Text.Json.JsonSerializer.Serialize(messages.ToList(), Engine.EngineJson.Default.ListOutboxMessage),
            ["ErasePhotoIds"] = erasePhotoIds is { Count: > 0 } ? string.Join(' ', erasePhotoIds) : null,
            ["CreatedAt"] = at,
        };

    public static List<Engine.OutboxMessage> ReadMessages(TableEntity row) =>
        row.GetString("Messages") is { } json ? System.Text.Json.JsonSerializer.Deserialize(json, Engine.EngineJson.Default.ListOutboxMessage) ?? [] : [];

    public static IReadOnlyList<string> ReadErasePhotoIds(TableEntity row) =>
        row.GetString("ErasePhotoIds") is { Length: > 0 } ids ? ids.Split(' ') : [];

    /// <summary>An event row rewritten without personal data, or null when the event holds none.</summary>
    public static TableEntity? Redacted(TableEntity row)
    {
        if (Domain.Privacy.PersonalDataRedaction.Redact(ReadEvent(row)) is not { } redacted) return null;
        return new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Type"] = row.GetString("Type"),
            ["Data"] = OrderJson.SerializeEvent(redacted),
            ["OccurredAt"] = row.GetDateTimeOffset("OccurredAt"),
        };
    }

    public static OrderState ReadState(TableEntity row) => OrderJson.DeserializeState(row.GetString("State"));

    public static OrderEvent ReadEvent(TableEntity row) => OrderJson.DeserializeEvent(row.GetString("Type"), row.GetString("Data"));
}
