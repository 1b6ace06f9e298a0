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

    public static async Task<IResult> Run(
        HttpContext context, OrderStore store, PhotoStore photos, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.PlaceOrderRequest);
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Communities.TryGetValue(request.CommunityId, out var community))
            throw ApiProblem.BadRequest("unknown_community", "社区不存在，请检查社区编号。", "communityId");
        if (request.Category is not null && !ServiceCategory.IsKnown(request.Category))
            throw ApiProblem.BadRequest("unknown_category", "服务类别不存在。", "category");
        var by = PlacedBy(context.Caller(), community);

        var now = clock.GetUtcNow();
        var id = OrderIds.NewOrderId(now);
        var trackingCode = OrderIds.NewTrackingCode();
        var command = new PlaceOrder
        {
            By = by, OrderId = id, Text = request.Text, Category = request.Category, CommunityId = community.Id,
            StreetId = community.StreetId, Address = request.Address,
            Contact = new Contact(request.Contact.Name, request.Contact.Phone),
            TrackingCodeHash = OrderAccess.HashTrackingCode(trackingCode),
        };
        // Check the order before any photo is stored, so a refused order leaves nothing behind.
        if (OrderDecider.Decide(OrderState.Initial, command, now).Rejection is { } invalid)
            throw OrderCommandRunner.ToProblem(invalid);
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        var photoIds = await photos.SaveAsync(id, prepared, ct);

        var outcome = await store.ExecuteAsync(id, command with { PhotoIds = photoIds }, ct);
        if (outcome.Rejection is { } r) throw OrderCommandRunner.ToProblem(r);
        var location = $"/api/orders/{id}";
        context.Response.Headers.Location = location;
        var view = new PlacedOrderView(id, trackingCode, outcome.State.Status.Code(), outcome.State.Status.Chinese(), location);
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
