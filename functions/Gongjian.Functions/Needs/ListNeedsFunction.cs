using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Needs;

/// <summary>
/// 需求清单 for staff, paged, newest first, from one partition of <c>needindex</c>: a community's, a street's
/// or a unit's (the needs matched to it: with <c>status=met</c> and <c>year</c>, the records evaluation counts).
/// </summary>
public static class ListNeedsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "needs");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var snapshot = await directory.GetAsync(context.RequestAborted);
        var partition = Partition(caller, IndexPage.Param(context, "communityId"), IndexPage.Param(context, "unitId"), IndexPage.Param(context, "streetId"), snapshot);
        var filters = new List<string>();
        if (IndexPage.Param(context, "status") is { } status)
        {
            if (!NeedStatusText.TryParse(status, out var parsed)) throw ApiProblem.BadRequest("invalid_status", "需求状态取值不正确。", "status");
            filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.Code()}"));
        }
        if (IndexPage.Param(context, "category") is { } category)
        {
            if (!NeedLimits.IsCategory(category)) throw ApiProblem.BadRequest("invalid_category", "类别取值不正确。", "category");
            filters.Add(TableClient.CreateQueryFilter($"Category eq {category}"));
        }
        var (rows, next) = await IndexPage.ReadAsync(context, storage, TableNames.NeedIndex, partition, filters);
        return Results.Json(new NeedPage(rows.Select(ToItem).ToList(), next), NeedApiJson.Web.NeedPage);
    }

    private static string Partition(Caller caller, string? communityId, string? unitId, string? streetId, CommunityDirectory.Snapshot snapshot)
    {
        static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的需求。");
        if (new[] { communityId, unitId, streetId }.Count(v => v is not null) > 1)
            throw ApiProblem.BadRequest("one_scope", "communityId、unitId、streetId 只能给一个。");
        return caller.Role switch
        {
            ActorRole.Dispatcher when unitId is null && streetId is null && (communityId ?? caller.Scope) == caller.Scope => NeedModule.CommunityList(caller.Scope),
            ActorRole.Liaison when communityId is null && streetId is null && (unitId ?? caller.Scope) == caller.Scope => NeedModule.UnitList(caller.Scope),
            ActorRole.Organizer when communityId is not null =>
                snapshot.Communities.TryGetValue(communityId, out var c) && c.StreetId == caller.Scope ? NeedModule.CommunityList(communityId) : throw Outside(),
            ActorRole.Organizer when unitId is not null =>
                snapshot.Units.TryGetValue(unitId, out var u) && u.StreetId == caller.Scope ? NeedModule.UnitList(unitId) : throw Outside(),
            ActorRole.Organizer when (streetId ?? caller.Scope) == caller.Scope => NeedModule.StreetList(caller.Scope),
            ActorRole.Admin => communityId is not null ? NeedModule.CommunityList(communityId)
                : unitId is not null ? NeedModule.UnitList(unitId)
                : streetId is not null ? NeedModule.StreetList(streetId)
                : throw ApiProblem.BadRequest("scope_required", "请指定 communityId、unitId 或 streetId 之一。"),
            _ => throw Outside(),
        };
    }

    public static NeedListItem ToItem(TableEntity row)
    {
        NeedStatusText.TryParse(row.GetString("Status") ?? "", out var status);
        var category = row.GetString("Category") ?? "";
        return new NeedListItem(row.GetString("NeedId") ?? "", status.Code(), status.Chinese(), category, ServiceCategory.NameOf(category),
            row.GetString("CommunityId") ?? "", row.GetString("Description") ?? "", row.GetString("Beneficiaries") ?? "", row.GetInt32("People") ?? 0,
            row.GetString("SourceKind"), row.GetString("UnitId"), row.GetString("UnitName"), row.GetString("ProjectId"), row.GetInt32("Year"),
            row.GetDateTimeOffset("CreatedAt") ?? default, row.GetDateTimeOffset("UpdatedAt") ?? default);
    }
}
