using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Grids;

/// <summary>
/// Who may do what with a community's grids and their reports. A grid worker's key (role <c>gridworker</c>) is scoped to
/// its grid id, <c>{community}.{slug}</c>, so its community is known from the key alone.
/// </summary>
public static class GridAccess
{
    /// <summary>Staff of the community: its dispatcher, the street's organizer, an admin. They manage grids and triage reports.</summary>
    public static bool IsCommunityStaff(Caller? caller, string communityId, string streetId) => caller?.Role switch
    {
        ActorRole.Admin => true,
        ActorRole.Dispatcher => caller.Scope == communityId,
        ActorRole.Organizer => caller.Scope == streetId,
        _ => false,
    };

    public static bool IsGridWorkerOf(Caller? caller, string gridId) => caller?.Role == ActorRole.GridWorker && caller.Scope == gridId;

    /// <summary>The community's staff, or the grid's own worker.</summary>
    public static bool MayRead(Caller? caller, string communityId, string streetId, string gridId) =>
        IsCommunityStaff(caller, communityId, streetId) || IsGridWorkerOf(caller, gridId);

    public static Caller RequireCommunityStaff(HttpContext context, string communityId, string streetId)
    {
        var caller = context.RequireStaff();
        if (IsCommunityStaff(caller, communityId, streetId)) return caller;
        throw caller.Role is ActorRole.Dispatcher or ActorRole.Organizer
            ? ApiProblem.Forbidden("outside_scope", "这个网格不属于您管辖的社区。")
            : ApiProblem.Forbidden("role_not_allowed", "只有本社区的工作人员可以这样办理。");
    }

    /// <summary>The community of a grid id that exists in the directory (and is not retired), with its street.</summary>
    public static async Task<Domain.Community.CommunityArea> CommunityAsync(CommunityDirectory directory, string communityId, string field, CancellationToken ct) =>
        (await directory.GetAsync(ct)).Communities.TryGetValue(communityId, out var c) && !c.IsRetired
            ? c
            : throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", field);

    /// <summary>Paths a grid worker's key may call: its grid, its reports, its session and inbox. Anything else is refused before any handler.</summary>
    public static bool IsGridWorkerPath(PathString path) =>
        path.StartsWithSegments("/api/grids") || path.StartsWithSegments("/api/grid-reports")
        || path.StartsWithSegments("/api/session") || path.StartsWithSegments("/api/inbox");
}
