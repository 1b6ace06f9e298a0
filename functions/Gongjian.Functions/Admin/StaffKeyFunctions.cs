using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Admin;

public sealed record StaffKeyView(
    string KeyId, string Role, string Scope, string ScopeName, string Name, DateTimeOffset? CreatedAt, DateTimeOffset? RevokedAt, bool Current);

public sealed record CreatedStaffKeyView(string Key, StaffKeyView Info);

public sealed record CreateStaffKeyRequest
{
    public required string Role { get; init; }
    public string? Scope { get; init; }
    public required string Name { get; init; }
}

internal static class StaffKeyAdmin
{
    public static Caller RequireAdmin(HttpContext context)
    {
        var caller = context.RequireStaff();
        if (caller.Role != ActorRole.Admin) throw ApiProblem.Forbidden("role_not_allowed", "只有管理员可以管理密钥。");
        return caller;
    }

    /// <summary>The Chinese name of what a key is scoped to, or "" when the directory no longer knows it.</summary>
    public static string ScopeName(CommunityDirectory.Snapshot d, ActorRole role, string scope) => role switch
    {
        ActorRole.Dispatcher => d.CommunityName(scope),
        ActorRole.Liaison => d.Units.TryGetValue(scope, out var u) ? u.Name : "",
        ActorRole.Organizer => d.Streets.TryGetValue(scope, out var s) ? s.Name : "",
        ActorRole.GridWorker => Grids.GridIds.TryParse(scope, out var community, out var grid) ? $"{d.CommunityName(community)}·{grid}" : "",
        _ => "全部",
    };

    public static StaffKeyView View(CommunityDirectory.Snapshot d, StaffKeys.Listed k, Caller me) => new(
        k.Caller.KeyId, Caller.RoleCode(k.Caller.Role), k.Caller.Scope, ScopeName(d, k.Caller.Role, k.Caller.Scope), k.Caller.Name,
        k.CreatedAt, k.RevokedAt, k.Caller.KeyId == me.KeyId);

    public static void Log(HttpContext context, string action, string keyId, Caller by) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gongjian.Admin")
            .LogInformation("Staff key {Action}: {KeyId} by admin key {By}", action, keyId, by.KeyId);
}

/// <summary>GET /api/keys: every staff key (admin only), newest first; never the key nor its hash.</summary>
public static class ListStaffKeysFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "keys");

    public static async Task<IResult> Run(HttpContext context, StaffKeys keys, CommunityDirectory directory)
    {
        var me = StaffKeyAdmin.RequireAdmin(context);
        var d = await directory.GetAsync(context.RequestAborted);
        var items = (await keys.ListWithDatesAsync(context.RequestAborted))
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Caller.KeyId, StringComparer.Ordinal)
            .Select(k => StaffKeyAdmin.View(d, k, me)).ToList();
        return Results.Json(items, ApiJson.Web.IReadOnlyListStaffKeyView);
    }
}

/// <summary>POST /api/keys: a new staff key; its scope must exist in the directory. The key is in this answer only.</summary>
public static class CreateStaffKeyFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "keys");

    public static async Task<IResult> Run(HttpContext context, StaffKeys keys, CommunityDirectory directory, TimeProvider clock, Grids.GridBook grids)
    {
        var me = StaffKeyAdmin.RequireAdmin(context);
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.CreateStaffKeyRequest);
        if (!Caller.TryParseStaffRole(r.Role, out var role) || !r.Role.All(char.IsAsciiLetterLower))
            throw ApiProblem.BadRequest("invalid_role", "角色应为 dispatcher、liaison、organizer、admin 或 gridworker。", "role");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 40)
            throw ApiProblem.BadRequest("invalid_name", "请填写密钥名称（不超过 40 字）。", "name");
        var scope = r.Scope?.Trim() ?? "";
        var d = await directory.GetAsync(context.RequestAborted);
        switch (role)
        {
            case ActorRole.Admin when scope.Length > 0:
                throw ApiProblem.BadRequest("invalid_scope", "管理员密钥不需要范围。", "scope");
            case ActorRole.Dispatcher when !d.Communities.TryGetValue(scope, out var c) || c.IsRetired:
                throw ApiProblem.BadRequest("unknown_community", "派单员密钥需要一个现有的社区。", "scope");
            case ActorRole.Liaison when !d.Units.TryGetValue(scope, out var u) || u.IsRetired:
                throw ApiProblem.BadRequest("unknown_unit", "联络员密钥需要一个现有且未退出的成员单位。", "scope");
            case ActorRole.Organizer when !d.Streets.ContainsKey(scope):
                throw ApiProblem.BadRequest("unknown_street", "组织方密钥需要一个现有的街道。", "scope");
        }
        // 网格员: scoped to an existing grid of a live community ({community}.{slug}).
        if (role == ActorRole.GridWorker && (await grids.GetAsync(scope, context.RequestAborted) is null
            || !d.Communities.TryGetValue(Grids.GridIds.CommunityOf(scope), out var gridCommunity) || gridCommunity.IsRetired))
            throw ApiProblem.BadRequest("unknown_grid", "网格员密钥需要一个现有的网格（社区编号.网格编号）。", "scope");
        var created = await keys.CreateAsync(role, scope, r.Name.Trim(), context.RequestAborted);
        StaffKeyAdmin.Log(context, "create", created.Caller.KeyId, me);
        var view = StaffKeyAdmin.View(d, new StaffKeys.Listed(created.Caller, clock.GetUtcNow(), null), me);
        return Results.Json(new CreatedStaffKeyView(created.Key, view), ApiJson.Web.CreatedStaffKeyView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>
/// POST /api/keys/{keyId}/revoke: the key stops working, and so do the console sessions made with it (on this
/// instance at once, on others within <see cref="StaffKeys.CacheFor"/>). Revoking one's own signed-in key is refused.
/// Again is fine.
/// </summary>
public static class RevokeStaffKeyFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "keys/{keyId}/revoke");

    public static async Task<IResult> Run(HttpContext context, string keyId, StaffKeys keys, CommunityDirectory directory, TimeProvider clock)
    {
        var me = StaffKeyAdmin.RequireAdmin(context);
        if (keyId == me.KeyId) throw ApiProblem.Conflict("own_key", "不能吊销您当前登录所用的密钥，请用其他管理员密钥操作。");
        var found = (await keys.ListWithDatesAsync(context.RequestAborted)).FirstOrDefault(k => k.Caller.KeyId == keyId)
            ?? throw ApiProblem.NotFound("key_not_found", "密钥不存在。");
        var d = await directory.GetAsync(context.RequestAborted);
        if (found.RevokedAt is not null) return Results.Json(StaffKeyAdmin.View(d, found, me), ApiJson.Web.StaffKeyView);
        await keys.RevokeAsync(keyId, context.RequestAborted);
        StaffKeyAdmin.Log(context, "revoke", keyId, me);
        return Results.Json(StaffKeyAdmin.View(d, found with { RevokedAt = clock.GetUtcNow() }, me), ApiJson.Web.StaffKeyView);
    }
}
