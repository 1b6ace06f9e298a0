using System.Globalization;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Showcases.Pages;

/// <summary>Public page: a street's published showcases, newest first, <see cref="PageSize"/> a page (<c>?page=2</c>).</summary>
public static class StreetShowcasesPageFunction
{
    public static readonly HttpTrigger Trigger = new("GET", PagePaths.StreetRoute);
    public const int PageSize = 10;

    public static async Task<IResult> Run(HttpContext context, string streetId, ShowcaseStore showcases, CommunityDirectory directory,
        PageRenderer pages, IOptions<PublicPageOptions> options, string? page = null)
    {
        var ct = context.RequestAborted;
        if (!(await directory.GetAsync(ct)).Streets.TryGetValue(streetId, out var street))
            return await pages.MissingAsync("没有找到这个街道", "链接可能不完整或已失效，请向社区或街道工作人员确认后再打开。");
        var all = await showcases.ListAsync(street.Id, ct);
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        if (!int.TryParse(page ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > pageCount)
            return await pages.MissingAsync("没有这一页", $"{street.Name}的晒单共 {pageCount} 页。", street.Name, PagePaths.Street(street.Id), "回到第一页");
        return await pages.PageAsync<StreetShowcasesPage>(new()
        {
            [nameof(StreetShowcasesPage.StreetId)] = street.Id,
            [nameof(StreetShowcasesPage.StreetName)] = street.Name,
            [nameof(StreetShowcasesPage.Showcases)] = all.Skip((number - 1) * PageSize).Take(PageSize).ToList(),
            [nameof(StreetShowcasesPage.PageNumber)] = number,
            [nameof(StreetShowcasesPage.PageCount)] = pageCount,
            [nameof(StreetShowcasesPage.Total)] = all.Count,
            [nameof(StreetShowcasesPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }
}
