using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>取消: the resident withdraws the order before a unit has accepted it. The body is optional.</summary>
public static class CancelOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/cancel");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var reason = context.Request.ContentLength is null or 0 && !context.Request.Headers.ContainsKey("Transfer-Encoding")
            ? null
            : (await JsonBody.ReadAsync(context, ApiJson.Web.OptionalReasonRequest)).Reason;
        return await runner.RunAsync(context, id, by => new CancelOrder { By = by, Reason = reason });
    }
}
