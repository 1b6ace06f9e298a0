using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.BotDesk;

/// <summary>The grid a chat binding is about, and its live grid-worker keys (oldest first): one lookup for listing and issuing.</summary>
public static class GridWorkerKeys
{
    public static async Task<Grid> GridAsync(GridBook grids, string gridId, CancellationToken ct) =>
        (GridIds.TryParse(gridId, out _, out _) ? await grids.GetAsync(gridId, ct) : null)?.Grid
        ?? throw ApiProblem.NotFound("grid_not_found", "网格不存在，请检查网格编号。");

    public static async Task<IReadOnlyList<StaffKeys.Listed>> LiveAsync(StaffKeys keys, string gridId, CancellationToken ct) =>
        (await keys.ListWithDatesAsync(ct))
            .Where(k => k.RevokedAt is null && k.Caller.Role == ActorRole.GridWorker && k.Caller.Scope == gridId)
            .OrderBy(k => k.CreatedAt).ToList();
}
