using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Orders;

/// <summary>An order with its timeline, for staff in scope or the resident holding its tracking code.</summary>
public static class GetOrderFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "orders/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, OrderStore store, OrderCommandRunner runner)
    {
        var loaded = (OrderIds.IsWellFormed(id) ? await store.LoadWithHistoryAsync(id, context.RequestAborted) : null)
            ?? throw ApiProblem.NotFound("order_not_found", "工单不存在，请检查工单编号。");
        OrderAccess.Authorize(context, loaded.State);
        return await runner.ViewAsync(context, loaded.State, loaded);
    }
}
