using Gongjian.Bot;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The community's staff issue a one-time code that binds a grid worker's chat to the worker (its live <c>gridworker</c>
/// key) and grid, for 随手拍 from chat. The same codes as a liaison's (<see cref="BindingCodes"/>: shown once, hashed,
/// 24 h, once). The grid's only live worker key is taken; with several, <c>?keyId=</c> names one (listed by
/// <see cref="ListGridWorkersFunction"/>).
/// </summary>
public static class IssueGridBindingCodeFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grids/{gridId}/binding-codes");

    public static async Task<IResult> Run(
        HttpContext context, string gridId, GridBook grids, CommunityDirectory directory, StaffKeys keys, BindingCodes codes, IOptions<BotOptions> options)
    {
        var ct = context.RequestAborted;
        var grid = await GridWorkerKeys.GridAsync(grids, gridId, ct);
        var community = await GridAccess.CommunityAsync(directory, grid.CommunityId, "gridId", ct);
        var caller = GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        var workers = (await GridWorkerKeys.LiveAsync(keys, grid.Id, ct)).Select(k => k.Caller).ToList();
        var wanted = context.Request.Query["keyId"].ToString();
        var worker = wanted.Length > 0
            ? workers.FirstOrDefault(w => w.KeyId == wanted) ?? throw ApiProblem.BadRequest("unknown_worker_key", "这个网格没有该编号的在用网格员密钥。", "keyId")
            : workers.Count switch
            {
                0 => throw ApiProblem.Conflict("no_grid_worker", "这个网格还没有在用的网格员密钥，请先请管理员为网格员创建密钥。"),
                1 => workers[0],
                _ => throw ApiProblem.Conflict("several_grid_workers", "这个网格有多位网格员，请选择为哪一位发放绑定码。"),
            };
        var gridName = $"{community.Name}·{grid.Name}";
        var issued = await codes.IssueAsync(BindingTarget.GridWorker(worker.KeyId, worker.Name, grid.Id, gridName),
            $"{Caller.RoleCode(caller.Role)}:{caller.KeyId}", options.Value.BindingCodeLifetime, ct);
        var view = new GridBindingCodeView(issued.Code, grid.Id, gridName, worker.Name, issued.ExpiresAt,
            $"请网格员在共建小助手中发送“绑定 {issued.Code}”。绑定码只能使用一次，{issued.ExpiresAt.ToOffset(TimeSpan.FromHours(8)):M月d日 HH:mm} 前有效。");
        return Results.Json(view, BotDeskJson.Web.GridBindingCodeView, statusCode: StatusCodes.Status201Created);
    }
}

public sealed record GridBindingCodeView(string Code, string GridId, string GridName, string WorkerName, DateTimeOffset ExpiresAt, string HowToUse);
