using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Wishes;

/// <summary>
/// Paged wish lists for staff, newest first, from one partition of <c>wishindex</c>: a community's, a street's or a
/// unit's (its claims: the records evaluation counts, with <c>year</c>). Rows hold nothing personal.
/// </summary>
public static class ListWishesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "wishes");
    private const int DefaultPageSize = 20, MaxPageSize = 100;

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var q = context.Request.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        var snapshot = await directory.GetAsync(context.RequestAborted);
        var partition = Partition(caller, Param("communityId") ?? Param("community"), Param("unitId"), Param("streetId"), snapshot);
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false") };
        if (Param("status") is { } status)
        {
            if (!WishStatusText.TryParse(status, out var parsed)) throw ApiProblem.BadRequest("invalid_status", "心愿状态取值不正确。", "status");
            filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.Code()}"));
        }
        if (Param("year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                throw ApiProblem.BadRequest("invalid_year", "年份取值不正确。", "year");
            filters.Add(TableClient.CreateQueryFilter($"Year eq {year}"));
        }
        var pageSize = Param("pageSize") is { } size
            ? int.TryParse(size, out var n) && n is >= 1 and <= MaxPageSize ? n
                : throw ApiProblem.BadRequest("invalid_page_size", $"每页条数应在 1 到 {MaxPageSize} 之间。", "pageSize")
            : DefaultPageSize;
        Page<TableEntity> page;
        try
        {
            page = await storage.Table(TableNames.WishIndex).QueryAsync<TableEntity>(string.Join(" and ", filters), pageSize, cancellationToken: context.RequestAborted)
                .AsPages(ListPageTokens.Decode(Param("pageToken"), partition), pageSize).FirstAsync(context.RequestAborted);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw ListPageTokens.Invalid();
        }
        return Results.Json(new WishPage(page.Values.Select(ToItem).ToList(), ListPageTokens.Encode(page.ContinuationToken, partition)), ApiJson.Web.WishPage);
    }

    private static string Partition(Caller caller, string? communityId, string? unitId, string? streetId, CommunityDirectory.Snapshot snapshot)
    {
        static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的心愿。");
        return caller.Role switch
        {
            ActorRole.Dispatcher when unitId is null && streetId is null && (communityId ?? caller.Scope) == caller.Scope => WishModule.CommunityList(caller.Scope),
            ActorRole.Liaison when communityId is null && streetId is null && (unitId ?? caller.Scope) == caller.Scope => WishModule.UnitList(caller.Scope),
            ActorRole.Organizer when (streetId ?? caller.Scope) == caller.Scope && unitId is null =>
                communityId is null ? WishModule.StreetList(caller.Scope)
                : snapshot.Communities.TryGetValue(communityId, out var c) && c.StreetId == caller.Scope ? WishModule.CommunityList(communityId)
                : throw Outside(),
            ActorRole.Admin => communityId is not null ? WishModule.CommunityList(communityId)
                : unitId is not null ? WishModule.UnitList(unitId)
                : streetId is not null ? WishModule.StreetList(streetId)
                : throw ApiProblem.BadRequest("scope_required", "请指定 communityId、unitId 或 streetId 之一。"),
            _ => throw Outside(),
        };
    }

    public static WishListItem ToItem(TableEntity row)
    {
        WishStatusText.TryParse(row.GetString("Status") ?? "", out var status);
        var category = row.GetString("Category") ?? "";
        return new WishListItem(row.GetString("WishId") ?? "", status.Code(), status.Chinese(), category, WishCategory.NameOf(category),
            row.GetString("CommunityId") ?? "", row.GetString("PublicText"), row.GetString("DisplayName"), row.GetString("ClaimerKind"),
            row.GetString("ClaimerName"), row.GetString("UnitId"), row.GetInt32("Year"), row.GetDateTimeOffset("SubmittedAt") ?? default,
            row.GetDateTimeOffset("ClaimedAt"), row.GetDateTimeOffset("FulfilledAt"));
    }
}
