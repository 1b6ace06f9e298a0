using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// 上报 over HTTP: the console's phone page (<see cref="GridReportFiling"/> does the work; the chat's desk files the same way).
/// Under an Idempotency-Key a retry lands on the same report.
/// </summary>
public static class FileReportFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grid-reports");

    public static async Task<IResult> Run(HttpContext context, GridReportFiling filing)
    {
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, GridReportApiJson.Web.FileReportRequest, JsonBody.WithPhotos);
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        var outcome = await filing.FileAsync(caller, request, prepared, RequestMessageId.Of(context), context.RequestAborted);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        context.Response.Headers.Location = $"/api/grid-reports/{outcome.State.Id}";
        return Results.Json(GridReportAccess.ToView(outcome.State, caller), GridReportApiJson.Web.GridReportView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>GET /api/grid-reports?community=|grid=|order=: the list rows (masked text, no location, no reporter), newest first.</summary>
public static class ListGridReportsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grid-reports");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory, GridBook grids, StorageClients storage)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var q = context.Request.Query;
        string partition;
        if (q["order"].ToString() is { Length: > 0 } order)
        {
            if (!Orders.OrderIds.IsWellFormed(order)) throw ApiProblem.BadRequest("invalid_order", "派单编号格式不正确。", "order");
            partition = GridReportModule.OrderList(order);
        }
        else if ((q["grid"].ToString() is { Length: > 0 } g ? g : caller.Role == ActorRole.GridWorker ? caller.Scope : null) is { } gridId)
        {
            var grid = (await grids.GetAsync(gridId, ct))?.Grid ?? throw ApiProblem.BadRequest("unknown_grid", "网格不存在，请检查网格编号。", "grid");
            var community = await GridAccess.CommunityAsync(directory, grid.CommunityId, "grid", ct);
            if (!GridAccess.MayRead(caller, community.Id, community.StreetId, grid.Id)) throw ApiProblem.Forbidden("outside_scope", "这个网格不属于您的管辖范围。");
            partition = GridReportModule.GridList(grid.Id);
        }
        else
        {
            var communityId = q["community"].ToString() is { Length: > 0 } c ? c : caller.Role == ActorRole.Dispatcher ? caller.Scope
                : throw ApiProblem.BadRequest("community_required", "请指明社区（community）或网格（grid）。", "community");
            var community = await GridAccess.CommunityAsync(directory, communityId, "community", ct);
            GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
            partition = GridReportModule.CommunityList(community.Id);
        }
        var status = q["status"].ToString();
        var items = new List<GridReportListItem>();
        await foreach (var row in storage.Table(TableNames.GridReportIndex).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 200, cancellationToken: ct))
        {
            if (row.GetBoolean("Removed") == true) continue;
            if (status.Length > 0 && row.GetString("Status") != status) continue;
            // The order's partition is read by anyone who may see the order's report only.
            if (partition.StartsWith("o-", StringComparison.Ordinal) && !GridAccess.MayRead(caller, row.GetString("CommunityId") ?? "", row.GetString("StreetId") ?? "", row.GetString("GridId") ?? ""))
                throw ApiProblem.Forbidden("outside_scope", "这个派单的上报不属于您的管辖范围。");
            items.Add(ToItem(row));
            if (items.Count == 200) break;
        }
        return Results.Json(new GridReportPage(items), GridReportApiJson.Web.GridReportPage);
    }

    public static GridReportListItem ToItem(TableEntity row)
    {
        var status = Enum.GetValues<ReportStatus>().FirstOrDefault(s => s.Code() == row.GetString("Status"));
        var category = row.GetString("Category") ?? "";
        return new GridReportListItem(row.GetString("ReportId") ?? "", status.Code(), status.Chinese(), category, ReportCategory.NameOf(category),
            row.GetString("GridId") ?? "", row.GetString("Text") ?? "", row.GetString("Place") ?? "", row.GetInt32("PhotoCount") ?? 0, row.GetString("OrderId"),
            row.GetString("HandedTo"), row.GetString("MergedInto"), row.GetDateTimeOffset("CreatedAt") ?? default, row.GetDateTimeOffset("UpdatedAt") ?? default);
    }
}

/// <summary>GET /api/grid-reports/{id}: the report for the community's staff and its grid's worker (location and reporter included: staff only).</summary>
public static class GetGridReportFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grid-reports/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner)
    {
        var caller = context.RequireStaff();
        var s = (await runner.FindAsync(id, context.RequestAborted)).State;
        if (!GridReportAccess.MayRead(caller, s)) throw ApiProblem.Forbidden("outside_scope", "这条上报不属于您的管辖范围。");
        return Results.Json(GridReportAccess.ToView(s, caller), GridReportApiJson.Web.GridReportView);
    }
}

/// <summary>就地解决: the community's staff, with a note and optional photos (the orders' pipeline).</summary>
public static class ResolveReportFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grid-reports/{id}/resolve");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner, PhotoStore photos)
    {
        var request = await JsonBody.ReadAsync(context, GridReportApiJson.Web.ResolveReportRequest, JsonBody.WithPhotos);
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        return await runner.RunAsync(context, id,
            by => new ResolveReport { By = by.AsActor(), Note = request.Note, PhotoIds = [.. prepared.Select((_, i) => $"pending-{i}")] },
            prepared.Count == 0 ? null : async command => (ResolveReport)command with { PhotoIds = await photos.SaveAsync(id, prepared, context.RequestAborted) });
    }
}

/// <summary>转交: the community's staff hand the report to another body (城管办, 交警…) with a note.</summary>
public static class HandOverReportFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grid-reports/{id}/hand-over");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, GridReportApiJson.Web.HandOverReportRequest);
        return await runner.RunAsync(context, id, by => new HandOverReport { By = by.AsActor(), Body = request.Body, Note = request.Note });
    }
}

/// <summary>合并: into an open report of the same community, category and place (a suggestion staff accepted); the target notes it.</summary>
public static class MergeReportFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grid-reports/{id}/merge");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner, ILogger<GridReportCommandRunner> log)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, GridReportApiJson.Web.MergeReportRequest);
        var target = (GridReportAccess.IsWellFormed(request.TargetId) ? await runner.Store.LoadAsync(request.TargetId, ct) : null)?.State
            ?? throw ApiProblem.BadRequest("merge_target_not_found", "要合并到的上报不存在。", "targetId");
        var answer = await runner.RunAsync(context, id, by => new MergeReport
        {
            By = by.AsActor(), Target = new MergeTarget(target.Id, target.Status, target.CommunityId, target.Category, target.Location ?? new GeoPoint(0, 0)),
        });
        // The target's side of the link; a repeat (already attached) is fine.
        var caller = context.RequireStaff();
        var attached = await runner.Store.ExecuteAsync(target.Id, new AttachDuplicate { By = caller.AsActor(), SourceId = id }, ct,
            messageId: $"merge-{id}");
        if (attached.Rejection is { } r && r.Code != "already_attached")
            log.LogWarning("Grid report {Source} merged into {Target}, which did not note it: {Code}", id, target.Id, r.Code);
        return answer;
    }
}

/// <summary>疑似重复: open reports of the community near this one and alike (same category or similar text); suggestions only.</summary>
public static class DuplicateReportsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grid-reports/{id}/duplicates");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner, StorageClients storage)
    {
        var ct = context.RequestAborted;
        var s = (await runner.FindAsync(id, ct)).State;
        GridReportCommandRunner.RequireTriage(context, s);
        var items = new List<DuplicateSuggestion>();
        if (s.Location is { } here)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {GridReportModule.CommunityList(s.CommunityId)}");
            await foreach (var row in storage.Table(TableNames.GridReportIndex).QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                if (row.GetBoolean("Removed") == true || row.GetString("ReportId") == s.Id) continue;
                if (row.GetString("Status") is not ("open" or "ordered")) continue;
                if (row.GetDouble("Lat") is not { } lat || row.GetDouble("Lon") is not { } lon) continue;
                var metres = here.MetresTo(new GeoPoint(lat, lon));
                var (category, text) = (row.GetString("Category") ?? "", row.GetString("Text") ?? "");
                if (!DuplicateScore.IsCandidate(metres, s.Category, s.Text, category, text)) continue;
                var item = ListGridReportsFunction.ToItem(row);
                items.Add(new DuplicateSuggestion(item.Id, item.Status, category, item.Text, item.Place, (int)Math.Round(metres),
                    Math.Round(DuplicateScore.Similarity(s.Category, s.Text, category, text), 2), item.CreatedAt));
            }
        }
        return Results.Json(new DuplicatePage([.. items.OrderByDescending(i => i.Similarity).ThenBy(i => i.DistanceMetres).Take(10)]),
            GridReportApiJson.Web.DuplicatePage);
    }
}

/// <summary>A report's photo (EXIF/GPS stripped): the community's staff and the grid's worker; never public.</summary>
public static class GetGridReportPhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grid-reports/{id}/photos/{photoId}");

    public static async Task<IResult> Run(HttpContext context, string id, string photoId, GridReportCommandRunner runner, PhotoStore photos)
    {
        var caller = context.RequireStaff();
        var s = (await runner.FindAsync(id, context.RequestAborted)).State;
        if (!GridReportAccess.MayRead(caller, s)) throw ApiProblem.Forbidden("outside_scope", "这条上报不属于您的管辖范围。");
        if (!s.PhotoIds.Contains(photoId) && !s.OutcomePhotoIds.Contains(photoId)) throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        var photo = await photos.OpenAsync(id, photoId, context.RequestAborted) ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
