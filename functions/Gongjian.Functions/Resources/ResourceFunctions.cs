using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Resources;

/// <summary>
/// Who may do what with a resource: a liaison keeps its own unit's; an organizer those of its street's
/// units, an admin all; a dispatcher reads its street's (to match needs). The rules check roles again.
/// An entry's <c>ETag</c> is its version; an edit or retirement with a stale <c>If-Match</c> is 412.
/// </summary>
public static partial class ResourceAccess
{
    [GeneratedRegex("^rs[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    public static string NewId() => "rs" + Guid.NewGuid().ToString("N")[..12];

    public static bool CanManage(Caller c, ResourceState s) => c.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Organizer => s.StreetId == c.Scope,
        ActorRole.Liaison => s.UnitId == c.Scope,
        _ => false,
    };

    public static bool CanSee(Caller c, ResourceState s, CommunityDirectory.Snapshot d) => CanManage(c, s)
        || c.Role == ActorRole.Dispatcher && d.Communities.TryGetValue(c.Scope, out var area) && area.StreetId == s.StreetId;

    public static string ETagOf(ResourceState s) => $"\"{s.Version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version the client read (its If-Match), or null when it sent none (last write wins).</summary>
    public static int? Expected(HttpContext context)
    {
        var sent = context.Request.Headers.IfMatch.ToString().Trim();
        if (sent.Length == 0 || sent == "*") return null;
        var bare = sent.StartsWith("W/", StringComparison.Ordinal) ? sent[2..] : sent;
        return int.TryParse(bare.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw ApiProblem.BadRequest("invalid_if_match", "If-Match 应为查看资源时得到的 ETag。", "If-Match");
    }

    public static ApiProblem ToProblem(Gongjian.Domain.Workflow.Rejection r) => r switch
    {
        { Code: "resource_changed" } => new ApiProblem(StatusCodes.Status412PreconditionFailed, r.Code, r.Message),
        { Kind: RejectionKind.Forbidden } => ApiProblem.Forbidden(r.Code, r.Message),
        { Kind: RejectionKind.Invalid } => ApiProblem.BadRequest(r.Code, r.Message),
        { Code: "resource_not_found" } => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };

    public static ResourceDetails Details(ResourceRequest r, CommunityDirectory.Snapshot d, string streetId)
    {
        if (!ResourceText.TryParseKind(r.Kind, out var kind)) throw ApiProblem.BadRequest("kind_invalid", "资源类型只能是场地、专业服务、志愿者、物资或资金。", "kind");
        var communities = r.CommunityIds ?? [];
        if (communities.Any(c => !d.Communities.TryGetValue(c, out var area) || area.StreetId != streetId))
            throw ApiProblem.BadRequest("unknown_community", "覆盖社区须是本街道的社区。", "communityIds");
        return new ResourceDetails
        {
            Kind = kind, Category = r.Category, Title = r.Title, Description = r.Description ?? "", CommunityIds = communities,
            Availability = r.Availability, Capacity = r.Capacity, OpeningHours = r.OpeningHours, Count = r.Count,
        };
    }

    public static IResult View(HttpContext context, ResourceState s, int status = 200)
    {
        context.Response.Headers.ETag = ETagOf(s);
        return Results.Json(ResourceApiJson.ToView(s), ResourceApiJson.Web.ResourceView, statusCode: status);
    }
}

public sealed class ResourceCommandRunner(ResourceStore store, CommunityDirectory directory)
{
    public async Task<ResourceState> FindAsync(string id, CancellationToken ct) =>
        (ResourceAccess.IsWellFormed(id) ? (await store.LoadAsync(id, ct))?.State : null)
        ?? throw ApiProblem.NotFound("resource_not_found", "资源不存在，请检查资源编号。");

    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Caller, ResourceState, CommunityDirectory.Snapshot, ResourceCommand> build)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var state = await FindAsync(id, ct);
        var snapshot = await directory.GetAsync(ct);
        if (!ResourceAccess.CanManage(caller, state))
            throw ResourceAccess.CanSee(caller, state, snapshot) ? ApiProblem.Forbidden("role_forbidden", "只有本单位联络员或街道工作人员可以修改该资源。")
                : ApiProblem.Forbidden("outside_scope", "该资源不在您的管辖范围内。");
        var outcome = await store.ExecuteAsync(id, build(caller, state, snapshot), ct);
        if (outcome.Rejection is { } r) throw ResourceAccess.ToProblem(r);
        return ResourceAccess.View(context, outcome.State);
    }
}

/// <summary>登记资源: a liaison for its own unit; an organizer for a unit of its street; an admin for any unit.</summary>
public static class OfferResourceFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources");

    public static async Task<IResult> Run(HttpContext context, ResourceStore store, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, ResourceApiJson.Web.ResourceRequest);
        var d = await directory.GetAsync(context.RequestAborted);
        if (caller.Role is not (ActorRole.Liaison or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_forbidden", "只有成员单位联络员或街道工作人员可以维护资源清单。");
        var unitId = caller.Role == ActorRole.Liaison ? caller.Scope : request.UnitId
            ?? throw ApiProblem.BadRequest("unit_required", "请指明提供资源的单位。", "unitId");
        if (!d.Units.TryGetValue(unitId, out var unit)) throw ApiProblem.BadRequest("unknown_unit", "没有这个单位。", "unitId");
        if (unit.IsRetired) throw ApiProblem.Conflict("unit_retired", "该单位已退出共同体，不能登记新资源。");
        if (caller.Role == ActorRole.Organizer && unit.StreetId != caller.Scope) throw ApiProblem.Forbidden("outside_scope", "只能为本街道的单位登记资源。");
        var id = ResourceAccess.NewId();
        var outcome = await store.ExecuteAsync(id, new OfferResource
        {
            By = caller.AsActor(), ResourceId = id, UnitId = unit.Id, UnitName = unit.Name, StreetId = unit.StreetId,
            Details = ResourceAccess.Details(request, d, unit.StreetId),
        }, context.RequestAborted, expectNew: true);
        if (outcome.Rejection is { } r) throw ResourceAccess.ToProblem(r);
        return ResourceAccess.View(context, outcome.State, StatusCodes.Status201Created);
    }
}

public static class GetResourceFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, ResourceCommandRunner runner, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var state = await runner.FindAsync(id, context.RequestAborted);
        if (!ResourceAccess.CanSee(caller, state, await directory.GetAsync(context.RequestAborted)))
            throw ApiProblem.Forbidden("outside_scope", "该资源不在您的管辖范围内。");
        return ResourceAccess.View(context, state);
    }
}

/// <summary>修改资源: the whole entry again (as on create); with If-Match, an entry changed meanwhile is 412 <c>resource_changed</c>.</summary>
public static class EditResourceFunction
{
    public static readonly HttpTrigger Trigger = new("PUT", "resources/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, ResourceCommandRunner runner)
    {
        var expected = ResourceAccess.Expected(context);
        var request = await JsonBody.ReadAsync(context, ResourceApiJson.Web.ResourceRequest);
        return await runner.RunAsync(context, id, (caller, state, d) =>
        {
            if (request.UnitId is { } unit && unit != state.UnitId) throw ApiProblem.BadRequest("unit_immutable", "资源所属单位不能修改。", "unitId");
            return new EditResource { By = caller.AsActor(), Details = ResourceAccess.Details(request, d, state.StreetId), ExpectedVersion = expected };
        });
    }
}

/// <summary>下架资源: it stays in the records (lists show it as 已下架) but is no longer matched.</summary>
public static class RetireResourceFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "resources/{id}/retire");

    public static async Task<IResult> Run(HttpContext context, string id, ResourceCommandRunner runner)
    {
        var expected = ResourceAccess.Expected(context);
        var request = await JsonBody.ReadAsync(context, ResourceApiJson.Web.ResourceTextRequest);
        return await runner.RunAsync(context, id, (caller, _, _) => new RetireResource { By = caller.AsActor(), Reason = request.Text, ExpectedVersion = expected });
    }
}

/// <summary>资源清单, paged, newest first: a unit's (a liaison's own), a street's, or a community's (entries naming it; whole-street ones are in the street's list).</summary>
public static class ListResourcesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "resources");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var d = await directory.GetAsync(context.RequestAborted);
        var (community, unit, street) = (IndexPage.Param(context, "communityId"), IndexPage.Param(context, "unitId"), IndexPage.Param(context, "streetId"));
        if (new[] { community, unit, street }.Count(v => v is not null) > 1) throw ApiProblem.BadRequest("one_scope", "communityId、unitId、streetId 只能给一个。");
        var myStreet = caller.Role switch
        {
            ActorRole.Organizer => caller.Scope,
            ActorRole.Dispatcher => d.Communities.TryGetValue(caller.Scope, out var c) ? c.StreetId : null,
            _ => null,
        };
        static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的资源。");
        string partition;
        if (caller.Role == ActorRole.Liaison)
            partition = community is null && street is null && (unit ?? caller.Scope) == caller.Scope ? ResourceModule.UnitList(caller.Scope) : throw Outside();
        else if (unit is not null)
            partition = caller.Role == ActorRole.Admin || d.Units.TryGetValue(unit, out var u) && u.StreetId == myStreet ? ResourceModule.UnitList(unit) : throw Outside();
        else if (community is not null)
            partition = caller.Role == ActorRole.Admin || d.Communities.TryGetValue(community, out var c) && c.StreetId == myStreet ? ResourceModule.CommunityList(community) : throw Outside();
        else if (street is not null || myStreet is not null)
            partition = caller.Role == ActorRole.Admin || (street ?? myStreet) == myStreet ? ResourceModule.StreetList((street ?? myStreet)!) : throw Outside();
        else throw ApiProblem.BadRequest("scope_required", "请指定 communityId、unitId 或 streetId 之一。");

        var filters = new List<string>();
        if (IndexPage.Param(context, "status") is { } status)
            filters.Add(status is "active" or "retired" ? TableClient.CreateQueryFilter($"Status eq {status}")
                : throw ApiProblem.BadRequest("invalid_status", "资源状态只能是 active 或 retired。", "status"));
        if (IndexPage.Param(context, "kind") is { } kind)
            filters.Add(ResourceText.TryParseKind(kind, out var k) ? TableClient.CreateQueryFilter($"Kind eq {k.Code()}")
                : throw ApiProblem.BadRequest("invalid_kind", "资源类型取值不正确。", "kind"));
        if (IndexPage.Param(context, "category") is { } category)
            filters.Add(NeedLimits.IsCategory(category) ? TableClient.CreateQueryFilter($"Category eq {category}")
                : throw ApiProblem.BadRequest("invalid_category", "类别取值不正确。", "category"));
        var (rows, next) = await IndexPage.ReadAsync(context, storage, TableNames.ResourceIndex, partition, filters);
        return Results.Json(new ResourcePage(rows.Select(ToItem).ToList(), next), ResourceApiJson.Web.ResourcePage);
    }

    public static ResourceListItem ToItem(TableEntity row)
    {
        ResourceText.TryParseKind(row.GetString("Kind"), out var kind);
        var status = row.GetString("Status") == "retired" ? ResourceStatus.Retired : ResourceStatus.Active;
        var category = row.GetString("Category") ?? "";
        return new ResourceListItem(row.GetString("ResourceId") ?? "", status.Code(), status.Chinese(), row.GetString("UnitId") ?? "", row.GetString("UnitName") ?? "",
            kind.Code(), kind.Chinese(), category, ServiceCategory.NameOf(category), row.GetString("Title") ?? "", row.GetString("Description") ?? "",
            (row.GetString("CommunityIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), row.GetString("Availability") ?? "",
            row.GetInt32("Capacity"), row.GetString("OpeningHours"), row.GetInt32("Count"), row.GetInt32("Version") ?? 0, row.GetInt32("Year"),
            row.GetDateTimeOffset("UpdatedAt") ?? default);
    }
}
