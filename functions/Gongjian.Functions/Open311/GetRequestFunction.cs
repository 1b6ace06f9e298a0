using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Open311;

/// <summary>GET requests/{id}: one order, anonymised (a list of one, as GeoReport v2 answers). Public, like showcases.</summary>
public static class GetRequestFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "open311/v2/requests/{id}.{format}");

    public static async Task<IResult> Run(HttpContext context, string id, string format, OrderStore store,
        CommunityDirectory directory, SlaPolicy policy)
    {
        var fmt = Open311Formats.Parse(format);
        var loaded = (OrderIds.IsWellFormed(id) ? await store.LoadAsync(id, context.RequestAborted) : null)
            ?? throw ApiProblem.NotFound("order_not_found", "service_request_id 不存在。");
        var snapshot = await directory.GetAsync(context.RequestAborted);
        return Open311Writer.Result(fmt, PublicRequestView.Document([PublicRequestView.Of(PublicRequestView.Facts(loaded.State, policy), snapshot)]));
    }
}
