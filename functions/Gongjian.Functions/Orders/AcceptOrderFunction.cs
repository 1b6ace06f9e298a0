using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Orders;

/// <summary>单位接单: the unit's liaison takes the order on.</summary>
public static class AcceptOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/accept");

    public static Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner) =>
        runner.RunAsync(context, id, by => new AcceptOrder { By = by });
}
