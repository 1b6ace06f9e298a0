using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Showcases.Pages;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// 晒单预览: the public page a publication would make, rendered by the same component from the same
/// checked view (same refusals as publishing), stored nowhere. Photos point at the orders' own photos,
/// which only staff who may see the orders can load; the console shows the page in a frame.
/// </summary>
public static class PreviewShowcaseFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "showcases/preview");

    public static async Task<IResult> Run(HttpContext context, OrderStore orders, CommunityDirectory directory, PageRenderer pages,
        IOptions<PublicPageOptions> options, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方可以发布晒单。");
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.PublishShowcaseRequest);
        var draft = await ShowcaseDraft.BuildAsync(caller, r, clock.GetUtcNow(), orders, directory, _ => "SC-PREVIEW",
            (_, _, source) => $"/api/orders/{Uri.EscapeDataString(source.OrderId)}/photos/{Uri.EscapeDataString(source.PhotoId)}", ct);
        var html = await pages.RenderAsync<ShowcasePage>(new()
        {
            [nameof(ShowcasePage.Showcase)] = draft.View,
            [nameof(ShowcasePage.BaseUrl)] = options.Value.BaseFor(context.Request),
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // Opened on its own, the preview runs nothing and loads only same-origin images and its own stylesheet.
        context.Response.Headers.ContentSecurityPolicy = HtmlPageResult.ContentSecurityPolicy;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
