using Azure;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>
/// What admins (and the organizer of the unit's street) do with a member unit after creating it: read it with its
/// row's ETag, edit it (If-Match, 412 when another edit came first), retire it (it keeps its history: its orders
/// still name it, but it is neither suggested nor dispatched to) and reinstate it.
/// </summary>
internal static class UnitAdmin
{
    /// <summary>The unit as stored now, when the caller may manage it.</summary>
    public static async Task<(MemberUnit Unit, ETag ETag, Caller Caller)> LoadAsync(HttpContext context, CommunityDirectory directory, string id)
    {
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Admin or ActorRole.Organizer))
            throw ApiProblem.Forbidden("role_not_allowed", "只有本街道的组织方或管理员可以管理成员单位。");
        var found = await directory.GetUnitAsync(id, context.RequestAborted) ?? throw ApiProblem.NotFound("unit_not_found", "成员单位不存在。");
        if (caller.Role == ActorRole.Organizer && found.Unit.StreetId != caller.Scope)
            throw ApiProblem.Forbidden("outside_scope", "这个单位不属于您的街道。");
        return (found.Unit, found.ETag, caller);
    }

    /// <summary>The If-Match the request sent, or <see cref="ETag.All"/> when it sent none (last write wins, as for the CLI).</summary>
    public static ETag Expected(HttpContext context, ETag current, Func<ApiProblem>? stale = null)
    {
        var sent = context.Request.Headers.IfMatch.ToString();
        if (sent.Length == 0 || sent == "*") return ETag.All;
        if (sent != current.ToString()) throw (stale ?? Stale)();
        return current;
    }

    public static ApiProblem Stale() =>
        new(StatusCodes.Status412PreconditionFailed, "unit_changed", "该单位刚被他人修改，请刷新后再改。");

    public static async Task<IResult> SaveAsync(HttpContext context, CommunityDirectory directory, MemberUnit unit, ETag expected, string action, Caller caller)
    {
        var etag = await directory.ReplaceAsync(unit, expected, context.RequestAborted) ?? throw Stale();
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gongjian.Admin")
            .LogInformation("Directory {Action}: unit {UnitId} by {Role} key {KeyId}", action, unit.Id, Caller.RoleCode(caller.Role), caller.KeyId);
        context.Response.Headers.ETag = etag.ToString();
        return Results.Json(ListUnitsFunction.ToView(unit), ApiJson.Web.UnitView);
    }
}

/// <summary>GET /api/units/{id}: one unit (retired ones too) with its <c>ETag</c> for an edit.</summary>
public static class GetUnitFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "units/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory)
    {
        var (unit, etag, _) = await UnitAdmin.LoadAsync(context, directory, id);
        context.Response.Headers.ETag = etag.ToString();
        return Results.Json(ListUnitsFunction.ToView(unit), ApiJson.Web.UnitView);
    }
}

/// <summary>PATCH /api/units/{id}: name, level, kind, categories and communities, checked as on create.</summary>
public static class UpdateUnitFunction
{
    public static readonly HttpTrigger Trigger = new("PATCH", "units/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory)
    {
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.UpdateUnitRequest);
        var (unit, etag, caller) = await UnitAdmin.LoadAsync(context, directory, id);
        var expected = UnitAdmin.Expected(context, etag);
        var d = await directory.GetAsync(context.RequestAborted);
        var (level, kind) = CreateUnitFunction.Validate(d, unit.StreetId, r.Name, r.Level, r.Kind, r.Categories, r.CommunityIds);
        var edited = unit with
        {
            Name = r.Name.Trim(), Level = level, Kind = kind, Categories = r.Categories.Distinct().ToList(), CommunityIds = r.CommunityIds.Distinct().ToList(),
        };
        return await UnitAdmin.SaveAsync(context, directory, edited, expected, "edit", caller);
    }
}

/// <summary>POST /api/units/{id}/retire: the unit leaves the party-building community; again is fine (the first retirement stays).</summary>
public static class RetireUnitFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "units/{id}/retire");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory, TimeProvider clock)
    {
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.RetireRequest);
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Trim().Length > 200)
            throw ApiProblem.BadRequest("invalid_reason", "请填写退出原因（不超过 200 字）。", "reason");
        var (unit, etag, caller) = await UnitAdmin.LoadAsync(context, directory, id);
        var expected = UnitAdmin.Expected(context, etag);
        if (unit.IsRetired)
        {
            context.Response.Headers.ETag = etag.ToString();
            return Results.Json(ListUnitsFunction.ToView(unit), ApiJson.Web.UnitView);
        }
        return await UnitAdmin.SaveAsync(context, directory, unit with { RetiredAt = clock.GetUtcNow(), RetiredReason = r.Reason.Trim() }, expected, "retire", caller);
    }
}

/// <summary>POST /api/units/{id}/reinstate: a retired unit takes orders again; a unit not retired is answered as it is.</summary>
public static class ReinstateUnitFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "units/{id}/reinstate");

    public static async Task<IResult> Run(HttpContext context, string id, CommunityDirectory directory)
    {
        var (unit, etag, caller) = await UnitAdmin.LoadAsync(context, directory, id);
        var expected = UnitAdmin.Expected(context, etag);
        if (!unit.IsRetired)
        {
            context.Response.Headers.ETag = etag.ToString();
            return Results.Json(ListUnitsFunction.ToView(unit), ApiJson.Web.UnitView);
        }
        return await UnitAdmin.SaveAsync(context, directory, unit with { RetiredAt = null, RetiredReason = null }, expected, "reinstate", caller);
    }
}
