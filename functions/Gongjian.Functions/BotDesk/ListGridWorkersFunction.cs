using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The grid's live grid-worker keys (oldest first), for the community's staff: whom a chat binding code can be issued to
/// when a grid has several workers (<see cref="IssueGridBindingCodeFunction"/> with <c>?keyId=</c>). Key ids and the
/// names the admin gave the keys; never a key itself.
/// </summary>
public static class ListGridWorkersFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grids/{gridId}/workers");

    public static async Task<IResult> Run(HttpContext context, string gridId, GridBook grids, CommunityDirectory directory, StaffKeys keys)
    {
        var ct = context.RequestAborted;
        var grid = await GridWorkerKeys.GridAsync(grids, gridId, ct);
        var community = await GridAccess.CommunityAsync(directory, grid.CommunityId, "gridId", ct);
        GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        var workers = (await GridWorkerKeys.LiveAsync(keys, grid.Id, ct)).Select(k => new GridWorkerView(k.Caller.KeyId, k.Caller.Name, k.CreatedAt)).ToList();
        return Results.Json(new GridWorkersView(grid.Id, workers), BotDeskJson.Web.GridWorkersView);
    }
}

public sealed record GridWorkerView(string KeyId, string Name, DateTimeOffset? Since);

public sealed record GridWorkersView(string GridId, IReadOnlyList<GridWorkerView> Items);
