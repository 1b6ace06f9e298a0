using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Streets;

/// <summary>
/// 街道总览: for the street's organizer (or an admin), counts by status and by community, the orders past
/// their deadline and those under 督办. One query of the street's partition of the order index (a few
/// columns), so its cost grows with the street's orders, not the whole table.
/// </summary>
public static class StreetOverviewFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "streets/{streetId}/overview");
    private const int MaxListed = 200;

    public static async Task<IResult> Run(HttpContext context, string streetId, StorageClients storage, CommunityDirectory directory, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        if (caller.Role is not (ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_not_allowed", "只有街道组织方和管理员可以查看街道总览。");
        if (caller.Role == ActorRole.Organizer && streetId != caller.Scope)
            throw ApiProblem.Forbidden("outside_scope", "只能查看您所在街道的总览。");
        var d = await directory.GetAsync(ct);
        if (!d.Streets.TryGetValue(streetId, out var street))
            throw ApiProblem.NotFound("street_not_found", "街道不存在。");

        var now = clock.GetUtcNow();
        var byStatus = new Dictionary<OrderStatus, int>();
        var byCommunity = d.Communities.Values.Where(c => c.StreetId == streetId)
            .ToDictionary(c => c.Id, c => new CommunityCounter(c.Id, c.Name));
        var overdue = new List<OverviewOrder>();
        var escalated = new List<OverviewOrder>();
        var filter = ListQuery.Filter(OrderModule.StreetList(streetId));
        string[] columns = ["OrderId", "Status", "Category", "CommunityId", "UnitName", "Summary", "DueAt", "Step", "Escalated", "PlacedAt"];
        await foreach (var row in storage.OrderIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken: ct))
        {
            if (!OrderStatusNames.TryParse(row.GetString("Status"), out var status)) continue;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var communityId = row.GetString("CommunityId") ?? "";
            if (!byCommunity.TryGetValue(communityId, out var counter))
                byCommunity[communityId] = counter = new CommunityCounter(communityId, d.CommunityName(communityId, communityId));
            counter.Total++;
            var open = !status.IsClosed() && status != OrderStatus.Completed;
            if (open) counter.Open++;
            var dueAt = row.GetDateTimeOffset("DueAt");
            var isOverdue = dueAt is { } due && now >= due;
            var isEscalated = row.GetBoolean("Escalated") == true;
            if (isOverdue) counter.Overdue++;
            if (!isOverdue && !isEscalated) continue;
            var item = ToItem(row, status, dueAt, isOverdue, isEscalated, d);
            if (isOverdue && overdue.Count < MaxListed) overdue.Add(item);
            if (isEscalated && escalated.Count < MaxListed) escalated.Add(item);
        }
        var statuses = Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.None)
            .Select(s => new StatusCount(s.Code(), s.Chinese(), byStatus.GetValueOrDefault(s))).ToList();
        var communities = byCommunity.Values.OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CommunityCount(c.Id, c.Name, c.Total, c.Open, c.Overdue)).ToList();
        return Results.Json(new StreetOverview(street.Id, street.Name, byStatus.Values.Sum(), statuses, communities,
            overdue.OrderBy(o => o.DueAt).ToList(), escalated.OrderBy(o => o.DueAt).ToList(), now), ApiJson.Web.StreetOverview);
    }

    private static OverviewOrder ToItem(TableEntity row, OrderStatus status, DateTimeOffset? dueAt, bool overdue, bool escalated, CommunityDirectory.Snapshot d)
    {
        var category = row.GetString("Category");
        var communityId = row.GetString("CommunityId") ?? "";
        var step = Enum.TryParse<SlaStep>(row.GetString("Step"), out var s) ? s : (SlaStep?)null;
        return new OverviewOrder(row.GetString("OrderId") ?? "", status.Code(), status.Chinese(), ServiceCategory.NameOf(category),
            communityId, d.CommunityName(communityId, communityId), row.GetString("UnitName"),
            // Rows are written masked; masking again on reading covers rows written before that (as the lists do).
            FreeTextRedactor.Redact(row.GetString("Summary") ?? ""),
            step is { } st ? st.ToString().ToLowerInvariant() : null, step?.Chinese(), dueAt, overdue, escalated, row.GetDateTimeOffset("PlacedAt") ?? default);
    }

    private sealed class CommunityCounter(string id, string name)
    {
        public string Id => id;
        public string Name => name;
        public int Total, Open, Overdue;
    }
}

public sealed record StatusCount(string Status, string StatusName, int Count);

public sealed record CommunityCount(string CommunityId, string CommunityName, int Total, int Open, int Overdue);

/// <summary>An order on the overview: no contact, the summary masked as in every list.</summary>
public sealed record OverviewOrder(string Id, string Status, string StatusName, string CategoryName, string CommunityId, string CommunityName,
    string? UnitName, string Summary, string? Step, string? StepName, DateTimeOffset? DueAt, bool Overdue, bool Escalated, DateTimeOffset PlacedAt);

public sealed record StreetOverview(string StreetId, string StreetName, int Total, IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<CommunityCount> ByCommunity, IReadOnlyList<OverviewOrder> Overdue, IReadOnlyList<OverviewOrder> Escalated, DateTimeOffset At);
