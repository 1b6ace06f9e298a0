using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Open311;

/// <summary>
/// POST requests: a civic app files a resident's request with its api_key. It becomes an order
/// through the same <see cref="OrderPlacement"/> as <c>POST /api/orders</c> (same rules, validation
/// and Idempotency-Key). The answer carries the order id as service_request_id and — because the app
/// files for a resident who must be able to follow, rate or cancel it — the tracking code, once, in
/// the extension field <c>tracking_code</c> and in service_notice. It is never in any read.
/// </summary>
public static class PostRequestFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "open311/v2/requests.{format}");

    public static async Task<IResult> Run(HttpContext context, string format, Open311ClientKeys clients,
        CommunityDirectory directory, OrderPlacement placement)
    {
        var ct = context.RequestAborted;
        var fmt = Open311Formats.Parse(format);
        var form = await Open311Form.ReadAsync(context);
        var client = await clients.FindAsync(form["api_key"], ct) ?? throw Open311Errors.BadApiKey();
        var key = IdempotencyKeyHeader.Read(context) is { } value ? IdempotencyKey.ForOpen311Client(client.KeyId, value) : null;
        var request = Open311PlaceRequest.From(form);
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Communities.TryGetValue(request.CommunityId, out var community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请按服务定义中的社区编号填写 attribute[community]。");
        if (community.IsRetired)
            throw ApiProblem.BadRequest("community_retired", $"{community.Name}已停止受理新的诉求，请选择其他社区。");
        if (community.StreetId != client.StreetId)
            throw ApiProblem.Forbidden("outside_scope", "该社区不在本客户端密钥的服务范围（街道）内。");

        var by = new Actor(ActorRole.Resident, $"open311:{client.KeyId}", client.Name);
        var outcome = await placement.PlaceAsync(
            (id, trackingCodeHash) => new PlaceOrder
            {
                By = by, OrderId = id, Text = request.Description, Category = request.ServiceCode, CommunityId = community.Id,
                StreetId = community.StreetId, Address = request.Address, Contact = new Contact(request.Name, request.Phone),
                TrackingCodeHash = trackingCodeHash, Origin = OrderOrigin.Direct,
            },
            null, key is null ? null : (key, key.Fingerprint(request, Open311Json.Default.Open311PlaceRequest)), ct);
        if (outcome.Rejection is { } r) throw OrderCommandRunner.ToProblem(r);
        var placed = outcome.Order!;
        if (placed.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Open311Writer.Result(fmt, new Open311Document("service_requests", new Open311List("request", [new Open311Object([
            ("service_request_id", new Open311Value(placed.OrderId)),
            ("service_notice", new Open311Value($"已受理，工单号 {placed.OrderId}。请把查询码 {placed.TrackingCode} 告知居民：凭它查询进度、评价或取消。")),
            ("account_id", Open311Value.Null),
            ("tracking_code", new Open311Value(placed.TrackingCode)),
        ])])));
    }
}
