using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Orders;

/// <summary>
/// 删除个人信息 (PIPL): the resident (tracking code) or an admin erases the resident's name, phone,
/// address, request text and before-photos of a closed order. The body (a reason) is optional.
/// </summary>
public static class EraseOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/erase");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner)
    {
        var reason = context.Request.ContentLength is null or 0 && !context.Request.Headers.ContainsKey("Transfer-Encoding")
            ? null
            : (await JsonBody.ReadAsync(context, ApiJson.Web.OptionalReasonRequest)).Reason;
        return await runner.RunAsync(context, id, by => new ErasePersonalData { By = by, Reason = reason });
    }
}
