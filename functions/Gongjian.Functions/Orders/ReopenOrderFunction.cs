using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>重新办理: the resident is not satisfied; the order returns to the unit.</summary>
public static class ReopenOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/reopen");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ReasonRequest);
        return await runner.RunAsync(context, id, by => new ReopenOrder { By = by, Reason = request.Reason });
    }
}
