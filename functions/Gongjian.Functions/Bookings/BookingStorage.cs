using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Bookings;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Bookings;

/// <summary>How booking ledgers and their events are written into table rows (source-generated).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BookingLedgerState))]
[JsonSerializable(typeof(BookingRequested))]
[JsonSerializable(typeof(BookingApproved))]
[JsonSerializable(typeof(BookingDeclined))]
[JsonSerializable(typeof(BookingCancelled))]
[JsonSerializable(typeof(BookingUsed))]
[JsonSerializable(typeof(BookingNoShow))]
[JsonSerializable(typeof(BookerContactErased))]
internal sealed partial class BookingJson : JsonSerializerContext;

/// <summary>Where the engine keeps bookings: table <c>bookings</c> (one partition per resource-day ledger), lists in <c>bookingindex</c>, queue <c>booking-timers</c>.</summary>
public sealed class BookingStorage : ModuleStorage<BookingLedgerState, BookingEvent>
{
    private readonly string prefix;

    public BookingStorage() : this("") { }

    /// <summary>A prefix of its own for tests that wire the module by hand on Azurite.</summary>
    public BookingStorage(string prefix) => this.prefix = prefix;

    public override string Table => prefix + TableNames.Bookings;
    public override string ListTable => prefix + TableNames.BookingIndex;
    public override string TimerQueue => (prefix + QueueNames.BookingTimers).ToLowerInvariant();

    public override string SerializeState(BookingLedgerState state) => JsonSerializer.Serialize(state, BookingJson.Default.BookingLedgerState);
    public override BookingLedgerState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, BookingJson.Default.BookingLedgerState) ?? throw new InvalidDataException("Empty booking ledger.");
    public override string EventType(BookingEvent e) => e.GetType().Name;
    public override string SerializeEvent(BookingEvent e) => JsonSerializer.Serialize(e, e.GetType(), BookingJson.Default);

    public override BookingEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(BookingRequested) => BookingJson.Default.BookingRequested,
            nameof(BookingApproved) => BookingJson.Default.BookingApproved,
            nameof(BookingDeclined) => BookingJson.Default.BookingDeclined,
            nameof(BookingCancelled) => BookingJson.Default.BookingCancelled,
            nameof(BookingUsed) => BookingJson.Default.BookingUsed,
            nameof(BookingNoShow) => BookingJson.Default.BookingNoShow,
            nameof(BookerContactErased) => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)BookingJson.Default.BookerContactErased,
            _ => null,
        } ?? throw new InvalidDataException($"Unknown booking event type '{type}'.");
        return (BookingEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty booking event of type '{type}'."));
    }

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(BookingLedgerState state) =>
        [new("ResourceId", state.ResourceId), new("UnitId", state.UnitId), new("StreetId", state.StreetId)];
}

/// <summary>The engine's event store for booking ledgers (module #6): all behaviour is the engine's and <see cref="BookingModule"/>'s.</summary>
public sealed class BookingStore(
    BookingModule module, BookingStorage codec, IEngineStorage storage, Relay<BookingLedgerState, BookingCommand, BookingEvent> relay, TimeProvider clock,
    ILogger<BookingStore> log, ICommandObserver<BookingLedgerState, BookingCommand, BookingEvent> observer)
    : EventStore<BookingLedgerState, BookingCommand, BookingEvent>(module, codec, storage, relay, clock, log, observer);
