using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Engine;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Orders;

/// <summary>
/// Paged order lists for staff, newest first, read from one list of the order index (in the street's partition):
/// a community's, a unit's or a street's. Each role sees only its own scope.
/// </summary>
public static class ListOrdersFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "orders");
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, Communities.CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var q = context.Request.Query;
        string? Param(string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        var snapshot = await directory.GetAsync(context.RequestAborted);
        var list = List(caller, Param("communityId"), Param("unitId"), Param("streetId"), snapshot);

        var filters = new List<string> { ListQuery.Filter(list) };
        if (Param("status") is { } status)
        {
            if (!OrderStatusNames.TryParse(status, out var parsed))
                throw ApiProblem.BadRequest("invalid_status", "工单状态取值不正确。", "status");
            filters.Add(TableClient.CreateQueryFilter($"Status eq {parsed.Code()}"));
        }
        if (Param("category") is { } category)
        {
            if (!ServiceCategory.IsKnown(category)) throw ApiProblem.BadRequest("unknown_category", "服务类别不存在。", "category");
            filters.Add(TableClient.CreateQueryFilter($"Category eq {category}"));
        }
        var pageSize = Param("pageSize") is { } size
            ? int.TryParse(size, out var n) && n is >= 1 and <= MaxPageSize ? n
                : throw ApiProblem.BadRequest("invalid_page_size", $"每页条数应在 1 到 {MaxPageSize} 之间。", "pageSize")
            : DefaultPageSize;

        Page<TableEntity> page;
        try
        {
            page = await storage.OrderIndex.QueryAsync<TableEntity>(string.Join(" and ", filters), pageSize, cancellationToken: context.RequestAborted)
                .AsPages(ListPageTokens.Decode(Param("pageToken"), list), pageSize).FirstAsync(context.RequestAborted);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw ListPageTokens.Invalid();
        }
        var now = clock.GetUtcNow();
        var items = page.Values.Select(row => ToSummary(row, now)).ToList();
        return Results.Json(new OrderPage(items, ListPageTokens.Encode(page.ContinuationToken, list)), ApiJson.Web.OrderPage);
    }

    private static string List(Caller caller, string? communityId, string? unitId, string? streetId, Communities.CommunityDirectory.Snapshot snapshot)
    {
        static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的工单。");
        // A list lives in its street's partition: the street comes from the directory (an unknown id has no orders).
        string Community(string id) => OrderModule.CommunityList(snapshot.Communities.TryGetValue(id, out var c) ? c.StreetId : "", id);
        string Unit(string id) => OrderModule.UnitList(snapshot.Units.TryGetValue(id, out var u) ? u.StreetId : "", id);
        return caller.Role switch
        {
            ActorRole.Dispatcher when unitId is null && (communityId ?? caller.Scope) == caller.Scope => Community(caller.Scope),
            ActorRole.Liaison when communityId is null && (unitId ?? caller.Scope) == caller.Scope => Unit(caller.Scope),
            ActorRole.Organizer when (streetId ?? caller.Scope) == caller.Scope && unitId is null =>
                communityId is null ? OrderModule.StreetList(caller.Scope)
                : snapshot.Communities.TryGetValue(communityId, out var c) && c.StreetId == caller.Scope ? Community(communityId)
                : throw Outside(),
            ActorRole.Admin => communityId is not null ? Community(communityId)
                : unitId is not null ? Unit(unitId)
                : streetId is not null ? OrderModule.StreetList(streetId)
                : throw ApiProblem.BadRequest("scope_required", "请指定 communityId、unitId 或 streetId 之一。"),
            _ => throw Outside(),
        };
    }

    private static OrderSummary ToSummary(TableEntity row, DateTimeOffset now)
    {
        OrderStatusNames.TryParse(row.GetString("Status"), out var status);
        var category = row.GetString("Category");
        var unitId = row.GetString("UnitId");
        return new OrderSummary(row.GetString("OrderId"), status.Code(), status.Chinese(), category, ServiceCategory.NameOf(category),
            row.GetString("CommunityId"), unitId is null ? null : new UnitRef(unitId, row.GetString("UnitName") ?? ""),
            // Rows are written masked (OrderModule.Summary); masking again on reading also covers rows written before that.
            FreeTextRedactor.Redact(row.GetString("Summary") ?? ""), row.GetDateTimeOffset("PlacedAt") ?? default, row.GetDateTimeOffset("UpdatedAt") ?? default,
            Deadline(row, now));
    }

    /// <summary>The current step's deadline as the row was written (<see cref="OrderModule.Lists"/>); none once the order is closed.</summary>
    private static ListDeadline? Deadline(TableEntity row, DateTimeOffset now) =>
        row.GetDateTimeOffset("DueAt") is { } due && Enum.TryParse<SlaStep>(row.GetString("Step"), out var step)
            ? new ListDeadline(step.ToString().ToLowerInvariant(), step.Chinese(), due, now >= due, row.GetBoolean("Escalated") ?? false)
            : null;
}
