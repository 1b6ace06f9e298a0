using Azure;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>
/// Communities: an admin, or the organizer of the street for its own communities, adds one, renames it (If-Match → 412)
/// and retires it. A retired community takes no new orders (console, Open311, chat) but keeps its orders and history.
/// </summary>
internal static class CommunityAdmin
{
    public static Caller RequireManager(HttpContext context, string streetId)
    {
        var caller = context.RequireStaff();
        if (!(caller.Role == ActorRole.Admin || caller.Role == ActorRole.Organizer && caller.Scope == streetId))
            throw caller.Role == ActorRole.Organizer
                ? ApiProblem.Forbidden("outside_scope", "这个社区不属于您的街道。")
                : ApiProblem.Forbidden("role_not_allowed", "只有本街道的组织方或管理员可以管理社区。");
        return caller;
    }

    public static async Task<(CommunityArea Community, ETag ETag, Caller Caller)> LoadAsync(HttpContext context, CommunityDirectory directory, string id)
    {
        var staff = context.RequireStaff();
        if (staff.Role is not (ActorRole.Admin or ActorRole.Organizer))
            throw ApiProblem.Forbidden("role_not_allowed", "只有本街道的组织方或管理员可以管理社区。");
        var found = await directory.GetCommunityAsync(id, context.RequestAborted) ?? throw ApiProblem.NotFound("community_not_found", "社区不存在。");
        return (found.Community, found.ETag, RequireManager(context, found.Community.StreetId));
    }

    public static ApiProblem Stale() => new(StatusCodes.Status412PreconditionFailed, "community_changed", "该社区刚被他人修改，请刷新后再改。");

    public static string ValidName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 30
            ? throw ApiProblem.BadRequest("invalid_name", "请填写社区名称（不超过 30 字）。", "name")
            : name.Trim();

    public static async Task<IResult> SaveAsync(HttpContext context, CommunityDirectory directory, CommunityArea community, ETag expected, string action, Caller caller)
    {
        var etag = await directory.ReplaceAsync(community, expected, context.RequestAborted) ?? throw Stale();
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gongjian.Admin")
            .LogInformation("Directory {Action}: community {CommunityId} by {Role} key {KeyId}", action, community.Id, Caller.RoleCode(caller.Role), caller.KeyId);
        context.Response.Headers.ETag = etag.ToString();
        return Results.Json(ListCommunitiesFunction.ToView(await directory.GetAsync(context.RequestAborted), community), ApiJson.Web.CommunityView);
    }
}

/// <summary>POST /api/communities: a new community under a street.</summary>
public static class CreateCommunityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "communities");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory)
    {
        var staff = context.RequireStaff();
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.CreateCommunityRequest);
        var streetId = r.StreetId ?? (staff.Role == ActorRole.Organizer ? staff.Scope : null)
            ?? throw ApiProblem.BadRequest("missing_field", "缺少必填字段：streetId。", "streetId");
        var caller = CommunityAdmin.RequireManager(context, streetId);
        if (!CreateUnitFunction.IsSlug(r.Id)) throw ApiProblem.BadRequest("invalid_id", "社区编号只能包含小写字母、数字和连字符（2–40 位）。", "id");
        var name = CommunityAdmin.ValidName(r.Name);
        var d = await directory.GetAsync(context.RequestAborted);
        if (!d.Streets.ContainsKey(streetId)) throw ApiProblem.BadRequest("unknown_street", "街道不存在。", "streetId");
        var community = new CommunityArea(r.Id, name, streetId);
        if (!await directory.AddAsync(community, context.RequestAborted))
            throw ApiProblem.Conflict("community_exists", "该社区编号已被使用。");
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gongjian.Admin")
            .LogInformation("Directory {Action}: community {CommunityId} by {Role} key {KeyId}", "create", community.Id, Caller.RoleCode(caller.Role), caller.KeyId);
        context.Response.Headers.Location = $"/api/communities/{community.Id}";
        return Results.Json(ListCommunitiesFunction.ToView(d, community), ApiJson.Web.CommunityView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>GET /api/communities/{id}: one community (retired too) with its ETag, for a rename.</summary>
public static class GetCommunityFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "communities/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory)
    {
        var (community, etag, _) = await CommunityAdmin.LoadAsync(context, directory, id);
        context.Response.Headers.ETag = etag.ToString();
        return Results.Json(ListCommunitiesFunction.ToView(await directory.GetAsync(context.RequestAborted), community), ApiJson.Web.CommunityView);
    }
}

/// <summary>PATCH /api/communities/{id}: a new name.</summary>
public static class UpdateCommunityFunction
{
    public static readonly HttpTrigger Trigger = new("PATCH", "communities/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory)
    {
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.UpdateCommunityRequest);
        var (community, etag, caller) = await CommunityAdmin.LoadAsync(context, directory, id);
        var expected = UnitAdmin.Expected(context, etag, CommunityAdmin.Stale);
        return await CommunityAdmin.SaveAsync(context, directory, community with { Name = CommunityAdmin.ValidName(r.Name) }, expected, "rename", caller);
    }
}

/// <summary>POST /api/communities/{id}/retire: takes no new orders from now; again is fine.</summary>
public static class RetireCommunityFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "communities/{id}/retire");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory, TimeProvider clock)
    {
        var (community, etag, caller) = await CommunityAdmin.LoadAsync(context, directory, id);
        var expected = UnitAdmin.Expected(context, etag, CommunityAdmin.Stale);
        if (community.IsRetired)
        {
            context.Response.Headers.ETag = etag.ToString();
            return Results.Json(ListCommunitiesFunction.ToView(await directory.GetAsync(context.RequestAborted), community), ApiJson.Web.CommunityView);
        }
        return await CommunityAdmin.SaveAsync(context, directory, community with { RetiredAt = clock.GetUtcNow() }, expected, "retire", caller);
    }
}
