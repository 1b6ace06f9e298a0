using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>评价: the resident confirms the work and rates it 1–5.</summary>
public static class ConfirmOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/confirm");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.ConfirmRequest);
        return await runner.RunAsync(context, id, by => new ConfirmOrder { By = by, Rating = request.Rating, Comment = request.Comment });
    }
}
