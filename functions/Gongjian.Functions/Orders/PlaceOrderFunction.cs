using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Orders;

/// <summary>居民点单: a resident (or a dispatcher taking a phone call) places an order.</summary>
public static class PlaceOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders");

    public static async Task<IResult> Run(HttpContext context, OrderPlacement placement, CommunityDirectory directory)
    {
        var ct = context.RequestAborted;
        var key = IdempotencyKeyHeader.Read(context) is { } value ? IdempotencyKey.For(context.Caller(), value) : null;
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.PlaceOrderRequest, JsonBody.WithPhotos);
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Communities.TryGetValue(request.CommunityId, out var community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");
        if (community.IsRetired)
            throw ApiProblem.BadRequest("community_retired", $"{community.Name}已停止受理新的诉求，请选择其他社区或联系街道。", "communityId");
        if (request.Category is not null && !ServiceCategory.IsKnown(request.Category))
            throw ApiProblem.BadRequest("unknown_category", "服务类别不存在。", "category");
        var by = PlacedBy(context.Caller(), community);
        var photos = PhotoStore.Prepare(request.Photos, "photos");

        var outcome = await placement.PlaceAsync(
            (id, trackingCodeHash) => new PlaceOrder
            {
                By = by, OrderId = id, Text = request.Text, Category = request.Category, CommunityId = community.Id,
                StreetId = community.StreetId, Address = request.Address,
                Contact = new Contact(request.Contact.Name, request.Contact.Phone), TrackingCodeHash = trackingCodeHash,
                Origin = OrderOrigin.Direct,
            },
            photos.Count == 0 ? null : _ => Task.FromResult(photos),
            key is null ? null : (key, key.Fingerprint(request, ApiJson.Web.PlaceOrderRequest)), ct);
        if (outcome.Rejection is { } r) throw OrderCommandRunner.ToProblem(r);
        return Answer(context, outcome.Order!.OrderId, outcome.Order.TrackingCode, outcome.Order.Replayed);
    }

    /// <summary>
    /// The 201 answer. A replay repeats the first answer exactly — status 待派单, as every order starts,
    /// whatever the order's status is now — marked <c>Idempotent-Replayed: true</c>.
    /// </summary>
    private static IResult Answer(HttpContext context, string id, string trackingCode, bool replayed)
    {
        var location = $"/api/orders/{id}";
        context.Response.Headers.Location = location;
        if (replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        var view = new PlacedOrderView(id, trackingCode, OrderStatus.Placed.Code(), OrderStatus.Placed.Chinese(), location);
        return Results.Json(view, ApiJson.Web.PlacedOrderView, statusCode: StatusCodes.Status201Created);
    }

    private static Actor PlacedBy(Caller? staff, CommunityArea community) => staff switch
    {
        null => new Actor(ActorRole.Resident, "resident"),
        { Role: ActorRole.Admin } => staff.AsActor(),
        { Role: ActorRole.Dispatcher } when staff.Scope == community.Id => staff.AsActor(),
        _ => throw ApiProblem.Forbidden("outside_scope", "您只能为本社区的居民代为点单。"),
    };
}
