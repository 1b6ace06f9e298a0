using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>
/// Public page: one showcase, rendered from the same anonymised <see cref="ShowcaseView"/> the JSON API
/// answers with (no second mapping of orders: what is not in the view cannot reach the page).
/// </summary>
public static class ShowcasePageFunction
{
    public static readonly HttpTrigger Trigger = new("GET", PagePaths.ShowcaseRoute);

    public static async Task<IResult> Run(HttpContext context, string streetId, string showcaseId, ShowcaseStore showcases,
        CommunityDirectory directory, PageRenderer pages, IOptions<PublicPageOptions> options)
    {
        var ct = context.RequestAborted;
        var found = await showcases.GetAsync(showcaseId, ct);
        if (found is not { View: var view } || view.StreetId != streetId)
        {
            // The street's list is the way on, when the street is one we know.
            return (await directory.GetAsync(ct)).Streets.TryGetValue(streetId, out var street)
                ? await pages.MissingAsync("没有找到这篇晒单", "链接可能不完整，或这篇晒单已不再公开。", street.Name, PagePaths.Street(street.Id), $"看看{street.Name}的其他晒单")
                : await pages.MissingAsync("没有找到这篇晒单", "链接可能不完整或已失效，请向社区或街道工作人员确认后再打开。");
        }
        if (found.Value.WithdrawnAt is not null)
        {
            var street = (await directory.GetAsync(ct)).Streets.GetValueOrDefault(streetId);
            return await pages.GoneAsync("这篇晒单已撤回", "组织方已撤回这篇晒单，它不再公开。感谢您的关注。",
                street?.Name, street is null ? null : PagePaths.Street(street.Id), street is null ? null : $"看看{street.Name}的其他晒单");
        }
        return await pages.PageAsync<ShowcasePage>(new()
        {
            [nameof(ShowcasePage.Showcase)] = view,
            [nameof(ShowcasePage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=300");
    }
}
