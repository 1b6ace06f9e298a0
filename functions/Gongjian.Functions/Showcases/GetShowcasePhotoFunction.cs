using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;

namespace Gongjian.Functions.Showcases;

/// <summary>Public: an after-photo of a showcase, by its position. Photos were stripped of EXIF/GPS on upload.</summary>
public static class GetShowcasePhotoFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "showcases/{id}/photos/{index}");

    public static async Task<IResult> Run(HttpContext context, string id, string index, ShowcaseStore showcases, PhotoStore photos)
    {
        var found = await showcases.GetAsync(id, context.RequestAborted);
        // A withdrawn showcase's photos are no longer public.
        if (found is null || found.Value.WithdrawnAt is not null || !int.TryParse(index, out var n) || n < 0 || n >= found.Value.Photos.Count)
            throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        var source = found.Value.Photos[n];
        var photo = await photos.OpenAsync(source.OrderId, source.PhotoId, context.RequestAborted)
            ?? throw ApiProblem.NotFound("photo_not_found", "照片不存在。");
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
