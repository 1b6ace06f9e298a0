using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>不予受理: the dispatcher refuses the order, with a reason the resident will read.</summary>
public static class RejectOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/reject");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ReasonRequest);
        return await runner.RunAsync(context, id, by => new RejectOrder { By = by, Reason = request.Reason });
    }
}
