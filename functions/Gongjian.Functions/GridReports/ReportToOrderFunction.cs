using Gongjian.Domain.Community;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// 转为派单: the community's dispatcher (or an admin) turns an open report into an order through the orders' own path
/// (<see cref="OrderPlacement"/>, the rules of <c>PlaceOrder</c>): the text names the report, the contact is the grid's
/// team (the reporter if listed with a phone, else the 网格长 or anyone with one). The report keeps the order's id and
/// the order's id lists the report (<c>GET /api/grid-reports?order=</c>); the order's completion closes the report. The
/// placement is keyed by the report and its version (<see cref="Storage.IdempotencyKey.ForGridReport"/>), so a retry after a crash
/// between placing the order and saving the report links the order already placed instead of placing a second.
/// </summary>
public static class ReportToOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grid-reports/{id}/order");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportCommandRunner runner, GridBook grids, OrderPlacement placement, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, GridReportApiJson.Web.ReportToOrderRequest);
        var loaded = await runner.FindAsync(id, ct);
        var s = loaded.State;
        var caller = GridReportCommandRunner.RequireTriage(context, s);
        if (request.Category is { } category && !ServiceCategory.IsKnown(category))
            throw ApiProblem.BadRequest("unknown_category", "服务类别不存在。", "category");
        var pending = new TurnIntoOrder { By = caller.AsActor(), OrderId = "pending" };
        if (runner.Store.Module.Decide(s, pending, clock.GetUtcNow()).Rejection is { } early) throw GridReportAccess.ToProblem(early);
        var grid = (await grids.GetAsync(s.GridId, ct))?.Grid ?? throw ApiProblem.Conflict("grid_not_found", "上报所在的网格已不存在。");
        var contact = ContactOf(grid, s.Reporter?.Name)
            ?? throw ApiProblem.Conflict("grid_contact_missing", "网格团队没有登记联系电话，无法转为派单。请先在网格管理中补充。");
        var address = (request.Address ?? "").Trim() is { Length: > 0 } a ? a : s.Place.Length > 0 ? s.Place : grid.Name;
        var text = $"【格事坊 {s.Id}】{ReportCategory.NameOf(s.Category)}：{s.Text}";
        // Keyed by the report and its version: if the order was placed but the report not saved (a crash), the retry finds that order.
        var key = Storage.IdempotencyKey.ForGridReport(s.Id, s.Version);
        var placed = await placement.PlaceAsync((orderId, trackingCodeHash) => new PlaceOrder
        {
            By = caller.AsActor(), OrderId = orderId, Text = text, Category = request.Category, CommunityId = s.CommunityId, StreetId = s.StreetId,
            Address = address, Contact = contact, TrackingCodeHash = trackingCodeHash, Origin = OrderOrigin.GridReport(s.Id),
        }, null, (key, key.Fingerprint(new ReportToOrderRequest(), GridReportApiJson.Web.ReportToOrderRequest)), ct);
        if (placed.Rejection is { } refused) throw OrderCommandRunner.ToProblem(refused);
        var outcome = await runner.Store.ExecuteAsync(id, new TurnIntoOrder { By = caller.AsActor(), OrderId = placed.Order!.OrderId }, ct,
            messageId: RequestMessageId.Of(context));
        if (outcome.Rejection is { } r) throw GridReportAccess.ToProblem(r);
        return Results.Json(GridReportAccess.ToView(outcome.State, caller), GridReportApiJson.Web.GridReportView);
    }

    /// <summary>The reporter as listed in the team with a phone, else the 网格长, else any member with a phone.</summary>
    public static Contact? ContactOf(Grid grid, string? reporter)
    {
        var withPhone = grid.Team.Where(m => m.Phone is { Length: > 0 }).ToList();
        var m = withPhone.FirstOrDefault(x => x.Name == reporter) ?? withPhone.FirstOrDefault(x => x.Role == "leader") ?? withPhone.FirstOrDefault();
        return m is null ? null : new Contact(m.Name, m.Phone!);
    }
}
