using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;

namespace Gongjian.Functions.Orders;

/// <summary>办结: the unit reports the work done with a note and after-photos.</summary>
public static class CompleteOrderFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "orders/{id}/complete");

    public static async Task<IResult> Run(HttpContext context, string id, OrderCommandRunner runner, PhotoStore photos)
    {
        var request = await JsonBody.ReadAsync(context, ApiJson.Web.CompleteRequest, JsonBody.WithPhotos);
        var prepared = PhotoStore.Prepare(request.Photos, "photos");
        return await runner.RunAsync(context, id,
            by => new CompleteOrder { By = by, Note = request.Note, PhotoIds = prepared.Select((_, i) => $"pending-{i}").ToList() },
            async command => (CompleteOrder)command with { PhotoIds = await photos.SaveAsync(id, prepared, context.RequestAborted) });
    }
}
