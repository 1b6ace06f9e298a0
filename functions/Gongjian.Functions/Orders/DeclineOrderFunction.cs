using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>拒单: the unit refuses with a reason and the order goes back to the dispatcher.</summary>
public static class DeclineOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/decline");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ReasonRequest);
        return await runner.RunAsync(context, id, by => new DeclineOrder { By = by, Reason = request.Reason });
    }
}
