using Azure.Data.Tables;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Wishes;

/// <summary>
/// Public page: a street's 微心愿 wall, from the street's list partition — rows that hold nothing personal — showing only
/// wishes staff published (待认领, 已认领, 已实现, 已确认), newest first, at most <see cref="MaxWishes"/>.
/// </summary>
public static class WishWallPageFunction
{
    public static readonly HttpTrigger Trigger = new("GET", PagePaths.WishWallRoute);
    public const int MaxWishes = 60;

    public static async Task<IResult> Run(HttpContext context, string streetId, StorageClients storage, CommunityDirectory directory,
        PageRenderer pages, IOptions<PublicPageOptions> options)
    {
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Streets.TryGetValue(streetId, out var street))
            return await pages.MissingAsync("没有找到这个街道", "链接可能不完整或已失效，请向社区或街道工作人员确认后再打开。");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WishModule.StreetList(street.Id)} and Removed eq false");
        var wishes = new List<WishWallPage.WallWish>();
        await foreach (var row in storage.Table(TableNames.WishIndex).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var item = ListWishesFunction.ToItem(row);
            if (!WishStatusText.TryParse(item.Status, out var status) || !status.IsOnWall() || item.PublicText is null) continue;
            wishes.Add(new WishWallPage.WallWish(item.Id, status.Chinese(), item.CategoryName, item.PublicText, item.DisplayName,
                snapshot.CommunityName(item.CommunityId, ""), item.ClaimerName));
            if (wishes.Count == MaxWishes) break;
        }
        return await pages.PageAsync<WishWallPage>(new()
        {
            [nameof(WishWallPage.StreetId)] = street.Id,
            [nameof(WishWallPage.StreetName)] = street.Name,
            [nameof(WishWallPage.Wishes)] = wishes,
            [nameof(WishWallPage.Waiting)] = wishes.Count(w => w.StatusText == WishStatus.Published.Chinese()),
            [nameof(WishWallPage.BaseUrl)] = options.Value.BaseFor(context.Request),
        }, "public, max-age=60");
    }
}
