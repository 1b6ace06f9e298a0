using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;

namespace Gongjian.Functions.Orders;

/// <summary>A photo of an order, to those who may see the order.</summary>
public static class GetOrderPhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "orders/{id}/photos/{photoId}");

    public static async Task<IResult> Run(HttpContext context, string id, string photoId, OrderCommandRunner runner, PhotoStore photos)
    {
        var (state, _) = await runner.FindAsync(id, context.RequestAborted);
        OrderAccess.Authorize(context, state);
        if (!state.BeforePhotoIds.Contains(photoId) && !state.AfterPhotoIds.Contains(photoId))
            throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        var photo = await photos.OpenAsync(id, photoId, context.RequestAborted)
            ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
