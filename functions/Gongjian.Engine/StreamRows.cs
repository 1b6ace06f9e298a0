using Azure.Data.Tables;

namespace Gongjian.Engine;

/// <summary>
/// The rows of one instance's partition (PartitionKey = instance id): the state row, one row per
/// event, outbox rows for the work that follows a change, journal notes and command ids. The state
/// RowKey carries the id because Azurite slows down when many partitions share a RowKey.
/// </summary>
public static class StreamRows
{
    public const string EventPrefix = "event-";
    public const string OutboxPrefix = "outbox-";
    public const string NotePrefix = "note-";
    public const string CommandPrefix = "cmd-";

    public static string StateKey(string id) => $"state-{id}";
    public static string EventKey(int sequence) => $"{EventPrefix}{sequence:D6}";
    public static string OutboxKey(int version) => $"{OutboxPrefix}{version:D6}";
    public static string CommandKey(string messageId) =>
        CommandPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)))[..32];

    internal static TableEntity Event<TState, TEvent>(ModuleStorage<TState, TEvent> codec, string id, TEvent e, int sequence, DateTimeOffset at) =>
        new(id, EventKey(sequence))
        {
            ["Type"] = codec.EventType(e),
            ["Data"] = codec.SerializeEvent(e),
            ["OccurredAt"] = at,
        };

    internal static TableEntity State<TState, TEvent>(ModuleStorage<TState, TEvent> codec, string id, TState state, int version)
    {
        var row = new TableEntity(id, StateKey(id)) { ["State"] = codec.SerializeState(state), ["Version"] = version };
        foreach (var (k, v) in codec.StateColumns(state)) row[k] = v;
        return row;
    }

    internal static TEvent ReadEvent<TState, TEvent>(ModuleStorage<TState, TEvent> codec, TableEntity row) =>
        codec.DeserializeEvent(row.GetString("Type") ?? "", row.GetString("Data") ?? "");
}
