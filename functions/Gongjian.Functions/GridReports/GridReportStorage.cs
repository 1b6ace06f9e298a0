using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.GridReports;
using Gongjian.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.GridReports;

/// <summary>How grid reports and their events are written into table rows (source-generated; the domain knows nothing of JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(GridReportState))]
[JsonSerializable(typeof(ReportFiled))]
[JsonSerializable(typeof(ReportResolved))]
[JsonSerializable(typeof(ReportTurnedIntoOrder))]
[JsonSerializable(typeof(ReportHandedOver))]
[JsonSerializable(typeof(ReportMerged))]
[JsonSerializable(typeof(DuplicateAttached))]
[JsonSerializable(typeof(ReportClosedByOrder))]
[JsonSerializable(typeof(ReportReturnedFromOrder))]
internal sealed partial class GridReportJson : JsonSerializerContext
{
    public static GridReportEvent DeserializeEvent(string type, string json)
    {
        var info = type switch
        {
            nameof(ReportFiled) => Default.ReportFiled,
            nameof(ReportResolved) => Default.ReportResolved,
            nameof(ReportTurnedIntoOrder) => Default.ReportTurnedIntoOrder,
            nameof(ReportHandedOver) => Default.ReportHandedOver,
            nameof(ReportMerged) => Default.ReportMerged,
            nameof(DuplicateAttached) => Default.DuplicateAttached,
            nameof(ReportClosedByOrder) => Default.ReportClosedByOrder,
            nameof(ReportReturnedFromOrder) => Default.ReportReturnedFromOrder,
            _ => (System.Text.Json.Serialization.Metadata.JsonTypeInfo?)null,
        } ?? throw new InvalidDataException($"Unknown grid report event type '{type}'.");
        return (GridReportEvent)(JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"Empty grid report event of type '{type}'."));
    }
}

/// <summary>
/// Where the engine keeps 格事坊 reports: table <c>gridreports</c>, one partition per report; lists in
/// <c>gridreportindex</c> (<c>c-{community}</c>, <c>g-{grid}</c>, and <c>o-{order}</c> for the order made of it);
/// no timers. Photos are in the orders' <c>photos</c> container under the report's id.
/// </summary>
public sealed class GridReportStorage : ModuleStorage<GridReportState, GridReportEvent>
{
    public override string Table => TableNames.GridReports;
    public override string ListTable => TableNames.GridReportIndex;

    public override string SerializeState(GridReportState state) => JsonSerializer.Serialize(state, GridReportJson.Default.GridReportState);
    public override GridReportState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, GridReportJson.Default.GridReportState) ?? throw new InvalidDataException("Empty grid report state.");
    public override string EventType(GridReportEvent e) => e.GetType().Name;
    public override string SerializeEvent(GridReportEvent e) => JsonSerializer.Serialize(e, e.GetType(), GridReportJson.Default);
    public override GridReportEvent DeserializeEvent(string type, string json) => GridReportJson.DeserializeEvent(type, json);

    public override IEnumerable<KeyValuePair<string, object?>> StateColumns(GridReportState state) =>
        [new("Status", state.Status.Code()), new("CommunityId", state.CommunityId), new("GridId", state.GridId)];
}

/// <summary>The engine's event store for grid reports: all behaviour is the engine's and <see cref="GridReportModule"/>'s.</summary>
public sealed class GridReportStore(
    GridReportModule module, GridReportStorage codec, IEngineStorage storage, Relay<GridReportState, GridReportCommand, GridReportEvent> relay, TimeProvider clock,
    ILogger<GridReportStore> log, ICommandObserver<GridReportState, GridReportCommand, GridReportEvent> observer)
    : EventStore<GridReportState, GridReportCommand, GridReportEvent>(module, codec, storage, relay, clock, log, observer);
