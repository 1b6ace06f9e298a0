using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Gongjian.Domain.Community;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Projects;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Projects;
using Gongjian.Functions.Wishes;

namespace Gongjian.Functions.Needs;

/// <summary>
/// Who may do what with a need: a dispatcher in its community, an organizer in its street, an admin
/// anywhere; a liaison reads the needs matched to its unit. The rules (<see cref="NeedModule"/>) check roles again.
/// </summary>
public static partial class NeedAccess
{
    [GeneratedRegex("^nd[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    public static string NewId() => "nd" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A promotion's id derives from its source, so promoting the same order twice is one need (the second: 409 already_promoted).</summary>
    public static string PromotedId(string kind, string sourceId) =>
        "nd" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{sourceId}")))[..12];

    public static bool CanManage(Caller c, NeedState s) => c.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => s.StreetId == c.Scope,
        ActorRole.Dispatcher => s.CommunityId == c.Scope,
        _ => false,
    };

    public static bool CanSee(Caller c, NeedState s) => CanManage(c, s) || c.Role == ActorRole.Liaison && s.UnitId == c.Scope;

    public static ApiProblem ToProblem(Gongjian.Domain.Workflow.Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "need_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };

    /// <summary>The community a staff member records a need in: a dispatcher's own; an organizer's or admin's named one.</summary>
    public static CommunityArea CommunityFor(Caller caller, string? requested, CommunityDirectory.Snapshot d)
    {
        if (caller.Role is not (ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_forbidden", "只有社区、街道工作人员可以办理需求清单。");
        var id = caller.Role == ActorRole.Dispatcher ? caller.Scope : requested;
        if (string.IsNullOrWhiteSpace(id)) throw ApiProblem.BadRequest("community_required", "请指明需求所在的社区。", "communityId");
        if (!d.Communities.TryGetValue(id, out var area)) throw ApiProblem.BadRequest("unknown_community", "没有这个社区。", "communityId");
        if (caller.Role == ActorRole.Organizer && area.StreetId != caller.Scope) throw ApiProblem.Forbidden("outside_scope", "只能为本街道的社区记录需求。");
        return area;
    }
}

/// <summary>The shared steps of every need action: find, authorize, decide and save, answer.</summary>
public sealed class NeedCommandRunner(NeedStore store, CommunityDirectory directory)
{
    public async Task<NeedState> FindAsync(string id, CancellationToken ct) =>
        (NeedAccess.IsWellFormed(id) ? (await store.LoadAsync(id, ct))?.State : null)
        ?? throw ApiProblem.NotFound("need_not_found", "需求不存在，请检查需求编号。");

    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Caller, NeedState, Task<NeedCommand>> build)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var state = await FindAsync(id, ct);
        if (!NeedAccess.CanManage(caller, state))
            throw NeedAccess.CanSee(caller, state) ? ApiProblem.Forbidden("role_forbidden", "只有社区、街道工作人员可以办理需求清单。")
                : ApiProblem.Forbidden("outside_scope", "该需求不在您的管辖范围内。");
        var outcome = await store.ExecuteAsync(id, await build(caller, state), ct);
        if (outcome.Rejection is { } r) throw NeedAccess.ToProblem(r);
        return await ViewAsync(outcome.State, ct);
    }

    public async Task<IResult> ViewAsync(NeedState s, CancellationToken ct, int status = 200) =>
        Results.Json(NeedApiJson.ToView(s, (await directory.GetAsync(ct)).CommunityName(s.CommunityId, s.CommunityId)), NeedApiJson.Web.NeedView, statusCode: status);
}

/// <summary>记录需求: the community's dispatcher, or the street's organizer for one of its communities.</summary>
public static class RecordNeedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "needs");

    public static async Task<IResult> Run(HttpContext context, NeedStore store, NeedCommandRunner runner, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, NeedApiJson.Web.RecordNeedRequest);
        var area = NeedAccess.CommunityFor(caller, request.CommunityId, await directory.GetAsync(context.RequestAborted));
        var id = NeedAccess.NewId();
        var outcome = await store.ExecuteAsync(id, new RecordNeed
        {
            By = caller.AsActor(), NeedId = id, StreetId = area.StreetId, CommunityId = area.Id, Category = request.Category,
            Description = request.Description, Beneficiaries = NeedApiJson.ToDomain(request.Beneficiaries),
        }, context.RequestAborted, expectNew: true);
        if (outcome.Rejection is { } r) throw NeedAccess.ToProblem(r);
        return await runner.ViewAsync(outcome.State, context.RequestAborted, StatusCodes.Status201Created);
    }
}

/// <summary>
/// 转入需求清单: staff in scope promote a resident's order or wish that is not a one-off repair. The
/// description (the source's text unless staff rewrote it) is masked with the source's own contact name,
/// address and phone; the resident's contact itself is never copied.
/// </summary>
public static class PromoteNeedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "needs/promote");

    public static async Task<IResult> Run(HttpContext context, NeedStore store, NeedCommandRunner runner, CommunityDirectory directory, OrderStore orders, WishStore wishes)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, NeedApiJson.Web.PromoteNeedRequest);
        (string Community, string? Category, string Text, KnownPersonalData Known) source;
        switch (request.SourceKind)
        {
            case NeedSource.Order:
                var order = (OrderIds.IsWellFormed(request.SourceId) ? await orders.LoadAsync(request.SourceId, ct) : null)?.State
                    ?? throw ApiProblem.NotFound("source_not_found", "找不到这张工单。");
                if (!OrderAccess.CanSee(caller, order)) throw ApiProblem.Forbidden("outside_scope", "该工单不在您的管辖范围内。");
                source = (order.CommunityId, order.Category, order.Text, KnownPersonalData.Of(order));
                break;
            case NeedSource.Wish:
                var wish = (WishAccess.IsWellFormed(request.SourceId) ? await wishes.LoadAsync(request.SourceId, ct) : null)?.State
                    ?? throw ApiProblem.NotFound("source_not_found", "找不到这条微心愿。");
                if (!WishAccess.IsStaffInScope(caller, wish)) throw ApiProblem.Forbidden("outside_scope", "该心愿不在您的管辖范围内。");
                source = (wish.CommunityId, null, wish.Text, new KnownPersonalData(wish.Contact?.Name, null, wish.Contact?.Phone));
                break;
            default:
                throw ApiProblem.BadRequest("source_invalid", "需求来源只能是工单（order）或微心愿（wish）。", "sourceKind");
        }
        var area = NeedAccess.CommunityFor(caller, source.Community, await directory.GetAsync(ct));
        if (caller.Role == ActorRole.Dispatcher && area.Id != source.Community) throw ApiProblem.Forbidden("outside_scope", "该诉求不在您的社区。");
        var category = request.Category ?? source.Category ?? throw ApiProblem.BadRequest("category_required", "请为需求选择类别。", "category");
        var id = NeedAccess.PromotedId(request.SourceKind, request.SourceId);
        var outcome = await store.ExecuteAsync(id, new RecordNeed
        {
            By = caller.AsActor(), NeedId = id, StreetId = area.StreetId, CommunityId = area.Id, Category = category,
            Description = request.Description ?? source.Text, Beneficiaries = NeedApiJson.ToDomain(request.Beneficiaries),
            Source = new NeedSource(request.SourceKind, request.SourceId), Known = source.Known,
        }, ct);
        if (outcome.Rejection is { } r) throw NeedAccess.ToProblem(r);
        return await runner.ViewAsync(outcome.State, ct, StatusCodes.Status201Created);
    }
}

public static class GetNeedFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "needs/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, NeedCommandRunner runner)
    {
        var caller = context.RequireStaff();
        var state = await runner.FindAsync(id, context.RequestAborted);
        if (!NeedAccess.CanSee(caller, state)) throw ApiProblem.Forbidden("outside_scope", "该需求不在您的管辖范围内。");
        return await runner.ViewAsync(state, context.RequestAborted);
    }
}

/// <summary>对接: a member unit of the need's street (or covering its community) and/or a project of the street takes it on.</summary>
public static class MatchNeedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "needs/{id}/match");

    public static async Task<IResult> Run(HttpContext context, string id, NeedCommandRunner runner, CommunityDirectory directory, ProjectStore projects)
    {
        var request = await JsonBody.ReadAsync(context, NeedApiJson.Web.MatchNeedRequest);
        return await runner.RunAsync(context, id, async (caller, need) =>
        {
            string? unitName = null;
            if (request.UnitId is { Length: > 0 } unitId)
            {
                var units = (await directory.GetAsync(context.RequestAborted)).Units;
                if (!units.TryGetValue(unitId, out var unit) || unit.IsRetired || !(unit.StreetId == need.StreetId || unit.Covers(need.CommunityId)))
                    throw ApiProblem.BadRequest("unknown_unit", "该单位不存在、已退出，或不在本街道。", "unitId");
                unitName = unit.Name;
            }
            if (request.ProjectId is { Length: > 0 } projectId)
            {
                var project = (ProjectAccess.IsWellFormed(projectId) ? await projects.LoadAsync(projectId, context.RequestAborted) : null)?.State;
                if (project is null || project.StreetId != need.StreetId) throw ApiProblem.BadRequest("unknown_project", "本街道没有这个项目。", "projectId");
                if (project.Status.IsEnded()) throw ApiProblem.Conflict("project_ended", "该项目已结项或取消，不能再对接需求。");
            }
            return new MatchNeed { By = caller.AsActor(), UnitId = request.UnitId, UnitName = unitName, ProjectId = request.ProjectId };
        });
    }
}

public static class MeetNeedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "needs/{id}/meet");

    public static async Task<IResult> Run(HttpContext context, string id, NeedCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, NeedApiJson.Web.NeedTextRequest);
        return await runner.RunAsync(context, id, (caller, _) => Task.FromResult<NeedCommand>(new MeetNeed { By = caller.AsActor(), Note = request.Text }));
    }
}

public static class CloseNeedFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "needs/{id}/close");

    public static async Task<IResult> Run(HttpContext context, string id, NeedCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, NeedApiJson.Web.NeedTextRequest);
        return await runner.RunAsync(context, id, (caller, _) => Task.FromResult<NeedCommand>(new CloseNeed { By = caller.AsActor(), Reason = request.Text }));
    }
}
