using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Projects;

/// <summary>
/// Who may do what with a project: an organizer in its street, a dispatcher in its community (and sees
/// its street's projects), a liaison for its own unit (sees the published projects of its street and
/// those it claimed), an admin anywhere. The rules (<see cref="ProjectModule"/>) check roles again.
/// </summary>
public static partial class ProjectAccess
{
    [GeneratedRegex("^pj[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    public static string NewId() => "pj" + Guid.NewGuid().ToString("N")[..12];

    public static bool CanManage(Caller c, ProjectState s) => c.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => s.StreetId == c.Scope,
        ActorRole.Dispatcher => s.CommunityId == c.Scope,
        _ => false,
    };

    public static bool CanSee(Caller c, ProjectState s, CommunityDirectory.Snapshot d) => CanManage(c, s) || c.Role switch
    {
        ActorRole.Dispatcher => s.Status != ProjectStatus.Draft && d.Communities.TryGetValue(c.Scope, out var community) && community.StreetId == s.StreetId,
        ActorRole.Liaison => s.Claims.Any(x => x.UnitId == c.Scope)
            || s.Status != ProjectStatus.Draft && d.Units.TryGetValue(c.Scope, out var unit) && unit.StreetId == s.StreetId,
        _ => false,
    };

    public static ApiProblem ToProblem(Gongjian.Domain.Workflow.Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "project_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };
}

/// <summary>The shared steps of every project action: find, authorize, decide and save, answer.</summary>
public sealed class ProjectCommandRunner(ProjectStore store, CommunityDirectory directory, TimeProvider clock)
{
    public async Task<ProjectState> FindAsync(string id, CancellationToken ct) =>
        (ProjectAccess.IsWellFormed(id) ? (await store.LoadAsync(id, ct))?.State : null)
        ?? throw ApiProblem.NotFound("project_not_found", "项目不存在，请检查项目编号。");

    /// <param name="beforeSave">Work that must not happen for a refused command (storing photos): runs only once the rules allowed it.</param>
    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Caller, ProjectCommand> build, bool manage = true,
        Func<ProjectCommand, Task<ProjectCommand>>? beforeSave = null)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var state = await FindAsync(id, ct);
        var snapshot = await directory.GetAsync(ct);
        if (!ProjectAccess.CanSee(caller, state, snapshot) || manage && caller.Role != ActorRole.Liaison && !ProjectAccess.CanManage(caller, state))
            throw ApiProblem.Forbidden("outside_scope", "该项目不在您的管辖范围内。");
        var command = build(caller);
        if (beforeSave is not null)
        {
            if (store.Module.Decide(state, command, clock.GetUtcNow()).Rejection is { } early) throw ProjectAccess.ToProblem(early);
            command = await beforeSave(command);
        }
        var outcome = await store.ExecuteAsync(id, command, ct);
        if (outcome.Rejection is { } r) throw ProjectAccess.ToProblem(r);
        return View(caller, outcome.State);
    }

    public static IResult View(Caller caller, ProjectState s, int status = 200) =>
        Results.Json(ProjectApiJson.ToView(s, caller.Role != ActorRole.Liaison, caller.Role == ActorRole.Liaison ? caller.Scope : null),
            ProjectApiJson.Web.ProjectView, statusCode: status);
}

/// <summary>发布项目 (草稿): an organizer for its street (optionally one community), a dispatcher for its community.</summary>
public static class CreateProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects");

    public static async Task<IResult> Run(HttpContext context, ProjectStore store, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.CreateProjectRequest);
        var d = await directory.GetAsync(context.RequestAborted);
        string? community = caller.Role == ActorRole.Dispatcher ? caller.Scope : request.CommunityId;
        string street;
        if (community is not null)
        {
            if (!d.Communities.TryGetValue(community, out var area)) throw ApiProblem.BadRequest("unknown_community", "没有这个社区。", "communityId");
            street = area.StreetId;
        }
        else street = caller.Role == ActorRole.Organizer ? caller.Scope : request.StreetId ?? "";
        if (caller.Role == ActorRole.Admin && !d.Streets.ContainsKey(street)) throw ApiProblem.BadRequest("unknown_street", "请指明街道或社区。", "streetId");
        if (caller.Role == ActorRole.Organizer && street != caller.Scope)
            throw ApiProblem.Forbidden("outside_scope", "只能在本街道发布项目。");
        var id = ProjectAccess.NewId();
        var outcome = await store.ExecuteAsync(id, new DraftProject
        {
            By = caller.AsActor(), ProjectId = id, StreetId = street, CommunityId = community, Title = request.Title, Category = request.Category,
            Goal = request.Goal, NeedIds = request.NeedIds ?? [], StartsOn = request.StartsOn, EndsOn = request.EndsOn, UnitsWanted = request.UnitsWanted,
            Milestones = (request.Milestones ?? []).Select((m, i) => new Milestone($"m{i + 1}", m.Title, m.DueAt)).ToList(),
        }, context.RequestAborted, expectNew: true);
        if (outcome.Rejection is { } r) throw ProjectAccess.ToProblem(r);
        return ProjectCommandRunner.View(caller, outcome.State, StatusCodes.Status201Created);
    }
}

public static class GetProjectFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "projects/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var state = await runner.FindAsync(id, context.RequestAborted);
        if (!ProjectAccess.CanSee(caller, state, await directory.GetAsync(context.RequestAborted)))
            throw ApiProblem.Forbidden("outside_scope", "该项目不在您的管辖范围内。");
        return ProjectCommandRunner.View(caller, state);
    }
}

public static class PublishProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/publish");

    public static Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner) =>
        runner.RunAsync(context, id, c => new PublishProject { By = c.AsActor() });
}

public static class StartProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/start");

    public static Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner) =>
        runner.RunAsync(context, id, c => new StartProject { By = c.AsActor() });
}

public static class CloseProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/close");

    public static async Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.ProjectTextRequest);
        return await runner.RunAsync(context, id, c => new CloseProject { By = c.AsActor(), Summary = request.Text });
    }
}

public static class CancelProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/cancel");

    public static async Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.ProjectTextRequest);
        return await runner.RunAsync(context, id, c => new CancelProject { By = c.AsActor(), Reason = request.Text });
    }
}

/// <summary>认领: a liaison for its own unit (the unit is the caller's scope, never the body's), with its commitment.</summary>
public static class ClaimProjectFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/claims");

    public static async Task<IResult> Run(HttpContext context, string id, ProjectCommandRunner runner, CommunityDirectory directory)
    {
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.ClaimRequest);
        var units = (await directory.GetAsync(context.RequestAborted)).Units;
        return await runner.RunAsync(context, id, c => new ClaimProject
        {
            By = c.AsActor(), ClaimId = "cl" + Guid.NewGuid().ToString("N")[..10], UnitId = c.Scope,
            UnitName = units.TryGetValue(c.Scope, out var unit) ? unit.Name : c.Scope, Commitment = request.Commitment, ProvideBy = request.ProvideBy,
        }, manage: false);
    }
}

public static class ApproveClaimFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/claims/{claimId}/approve");

    public static Task<IResult> Run(HttpContext context, string id, string claimId, ProjectCommandRunner runner) =>
        runner.RunAsync(context, id, c => new ApproveClaim { By = c.AsActor(), ClaimId = claimId });
}

public static class DeclineClaimFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/claims/{claimId}/decline");

    public static async Task<IResult> Run(HttpContext context, string id, string claimId, ProjectCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.ProjectTextRequest);
        return await runner.RunAsync(context, id, c => new DeclineClaim { By = c.AsActor(), ClaimId = claimId, Reason = request.Text });
    }
}

/// <summary>节点进展: a unit with an approved claim reports on a milestone.</summary>
public static class ReportMilestoneFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "projects/{id}/milestones/{milestoneId}/reports");

    public static async Task<IResult> Run(HttpContext context, string id, string milestoneId, ProjectCommandRunner runner, PhotoStore photos)
    {
        var request = await JsonBody.ReadAsync(context, ProjectApiJson.Web.ReportRequest, JsonBody.WithPhotos);
        if (request.Photos?.Count > ProjectLimits.ReportPhotosMax)
            throw ApiProblem.BadRequest("too_many_photos", $"照片最多 {ProjectLimits.ReportPhotosMax} 张。", "photos");
        // The same pipeline as orders' photos: decoded, checked, EXIF/GPS stripped; stored under the project's id.
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        return await runner.RunAsync(context, id,
            c => new ReportMilestone { By = c.AsActor(), UnitId = c.Scope, MilestoneId = milestoneId, Text = request.Text, PhotoIds = prepared.Select((_, i) => $"pending-{i}").ToList() },
            manage: false,
            beforeSave: async command => (ReportMilestone)command with { PhotoIds = await photos.SaveAsync(id, prepared, context.RequestAborted) });
    }
}

/// <summary>项目清单: one list partition — the street's, a community's or a unit's — newest first (the engine's list projection).</summary>
public static class ListProjectsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "projects");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var q = context.Request.Query;
        var (street, community, unit) = (q["streetId"].ToString(), q["communityId"].ToString(), q["unitId"].ToString());
        if (new[] { street, community, unit }.Count(v => v.Length > 0) > 1)
            throw ApiProblem.BadRequest("one_scope", "streetId、communityId、unitId 只能给一个。");
        var d = await directory.GetAsync(context.RequestAborted);
        var myStreet = caller.Role switch
        {
            ActorRole.Organizer => caller.Scope,
            ActorRole.Dispatcher => d.Communities.TryGetValue(caller.Scope, out var c) ? c.StreetId : null,
            ActorRole.Liaison => d.Units.TryGetValue(caller.Scope, out var u) ? u.StreetId : null,
            _ => null,
        };
        string partition;
        if (unit.Length > 0) partition = caller.Role is ActorRole.Admin || caller.Role == ActorRole.Liaison && unit == caller.Scope ? ProjectModule.UnitList(unit) : throw Outside();
        else if (community.Length > 0) partition = caller.Role is ActorRole.Admin || caller.Role == ActorRole.Dispatcher && community == caller.Scope
            || caller.Role == ActorRole.Organizer && d.Communities.TryGetValue(community, out var area) && area.StreetId == caller.Scope ? ProjectModule.CommunityList(community) : throw Outside();
        else if (street.Length > 0) partition = caller.Role is ActorRole.Admin || street == myStreet ? ProjectModule.StreetList(street) : throw Outside();
        else partition = caller.Role switch
        {
            ActorRole.Dispatcher => ProjectModule.CommunityList(caller.Scope),
            ActorRole.Liaison => ProjectModule.UnitList(caller.Scope),
            ActorRole.Organizer => ProjectModule.StreetList(caller.Scope),
            _ => throw ApiProblem.BadRequest("scope_required", "请指明 streetId、communityId 或 unitId。"),
        };
        // Drafts are the managers' own: a liaison or a dispatcher reading the street's list sees only published projects.
        var drafts = caller.Role is ActorRole.Admin || caller.Role == ActorRole.Organizer || partition.StartsWith("c-", StringComparison.Ordinal);
        var items = await ReadAsync(storage, partition, drafts, context.RequestAborted);
        return Results.Json(new ProjectPage(items), ProjectApiJson.Web.ProjectPage);
    }

    private static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "该列表不在您的管辖范围内。");

    public static async Task<IReadOnlyList<ProjectRowView>> ReadAsync(StorageClients storage, string partition, bool drafts, CancellationToken ct)
    {
        var items = new List<ProjectRowView>();
        await foreach (var row in storage.Table(TableNames.ProjectIndex).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 100, cancellationToken: ct))
        {
            if (row.GetBoolean("Removed") == true || !drafts && row.GetString("Status") == "draft") continue;
            items.Add(new ProjectRowView(row.GetString("ProjectId") ?? "", row.GetString("Title") ?? "", row.GetString("Category") ?? "", row.GetString("Status") ?? "",
                row.GetString("CommunityId"), row.GetInt32("UnitsWanted") ?? 0, row.GetInt32("PlacesTaken") ?? 0, row.GetInt32("Approved") ?? 0,
                row.GetString("ApprovedUnits") ?? "", row.GetDateTimeOffset("NextDueAt"), row.GetBoolean("Escalated") ?? false,
                row.GetDateTimeOffset("StartsOn") ?? default, row.GetDateTimeOffset("EndsOn") ?? default));
            if (items.Count == 200) break;
        }
        return items;
    }
}

/// <summary>
/// A photo of a milestone report, staff only: those who manage the project, and the liaison of the unit that reported it.
/// Served like an order's photo (stored EXIF/GPS-stripped under the project's id); never on a public page.
/// </summary>
public static class GetProjectPhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "projects/{id}/photos/{photoId}");

    public static async Task<IResult> Run(HttpContext context, string id, string photoId, ProjectCommandRunner runner, CommunityDirectory directory, PhotoStore photos)
    {
        var caller = context.RequireStaff();
        var state = await runner.FindAsync(id, context.RequestAborted);
        if (!ProjectAccess.CanSee(caller, state, await directory.GetAsync(context.RequestAborted)))
            throw ApiProblem.Forbidden("outside_scope", "该项目不在您的管辖范围内。");
        var report = state.Reports.FirstOrDefault(r => r.PhotoIds.Contains(photoId))
            ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        if (!ProjectAccess.CanManage(caller, state) && !(caller.Role == ActorRole.Liaison && report.UnitId == caller.Scope))
            throw ApiProblem.Forbidden("outside_scope", "只有管理该项目的工作人员和填报进展的单位可以查看进展照片。");
        var photo = await photos.OpenAsync(id, photoId, context.RequestAborted)
            ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
