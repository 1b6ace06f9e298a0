using Azure.Data.Tables;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Grids;

/// <summary>
/// 签到: a grid worker checks in at its grid with time and location (table <c>gridcheckins</c>, PartitionKey = grid id,
/// RowKey newest first). A check-in beyond the grid's radius is stored and flagged (<c>far</c>), never refused. The
/// location is the worker's personal data: only the grid's community staff read it back, and it is never logged.
/// </summary>
public static class CheckInFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grids/{id}/checkins");

    public static async Task<IResult> Run(HttpContext context, string id, GridBook grids, CommunityDirectory directory, StorageClients storage, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var (grid, _, _) = await GridRules.FindAsync(id, grids, directory, ct);
        if (!GridAccess.IsGridWorkerOf(caller, grid.Id))
            throw ApiProblem.Forbidden(caller.Role == ActorRole.GridWorker ? "outside_scope" : "role_not_allowed",
                caller.Role == ActorRole.GridWorker ? "您只能在自己的网格签到。" : "只有本网格的网格员可以签到。");
        var r = await JsonBody.ReadAsync(context, GridApiJson.Web.GridCheckInRequest);
        if (r.Lat is null || r.Lon is null) throw ApiProblem.BadRequest("location_required", "签到需要位置，请允许定位后重试。", "lat");
        var at = new GeoPoint(r.Lat.Value, r.Lon.Value);
        if (!at.IsValid) throw ApiProblem.BadRequest("location_invalid", "位置的经纬度不正确。", "lat");
        var note = r.Note?.Trim();
        if (note?.Length > GridCheckIn.NoteMax) throw ApiProblem.BadRequest("note_too_long", $"备注请写在 {GridCheckIn.NoteMax} 字以内。", "note");
        var (metres, far) = GridCheckIn.Judge(grid.Centre, grid.RadiusMetres, at);
        var now = clock.GetUtcNow();
        var row = new TableEntity(grid.Id, $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{caller.KeyId}")
        {
            ["At"] = now, ["KeyId"] = caller.KeyId, ["Worker"] = caller.Name, ["Lat"] = at.Lat, ["Lon"] = at.Lon,
            ["DistanceMetres"] = metres, ["Far"] = far, ["Note"] = note is { Length: > 0 } ? FreeTextRedactor.Redact(note) : null,
        };
        await storage.Table(TableNames.GridCheckIns).UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        return Results.Json(ToView(row), GridApiJson.Web.GridCheckInView, statusCode: StatusCodes.Status201Created);
    }

    public static GridCheckInView ToView(TableEntity row) => new(row.PartitionKey, row.GetDateTimeOffset("At") ?? default, row.GetString("Worker") ?? "",
        row.GetDouble("Lat") ?? 0, row.GetDouble("Lon") ?? 0, row.GetInt32("DistanceMetres") ?? 0, row.GetBoolean("Far") ?? false, row.GetString("Note"));
}

/// <summary>GET /api/grids/{id}/checkins: the grid's latest check-ins (at most 100), for the community's staff only.</summary>
public static class ListCheckInsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grids/{id}/checkins");

    public static async Task<IResult> Run(HttpContext context, string id, GridBook grids, CommunityDirectory directory, StorageClients storage)
    {
        var ct = context.RequestAborted;
        context.RequireStaff();
        var (grid, _, community) = await GridRules.FindAsync(id, grids, directory, ct);
        GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        var items = new List<GridCheckInView>();
        await foreach (var row in storage.Table(TableNames.GridCheckIns).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {grid.Id}"), 100, cancellationToken: ct))
        {
            items.Add(CheckInFunction.ToView(row));
            if (items.Count == 100) break;
        }
        return Results.Json(new GridCheckInPage(items), GridApiJson.Web.GridCheckInPage);
    }
}
