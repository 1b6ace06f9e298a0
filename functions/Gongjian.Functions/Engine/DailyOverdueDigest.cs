using Azure.Data.Tables;
using Gongjian.Bot.Notifications;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Timer function, 08:00 Beijing time: each street's organizer gets one digest of its overdue orders
/// (one index query per street). Idempotent per street and day.
/// </summary>
public static class DailyOverdueDigest
{
    public static readonly TimerTrigger Trigger = new("0 0 0 * * *");
    private const int ListedMax = 20;

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var directory = await services.GetRequiredService<CommunityDirectory>().GetAsync(ct);
        var index = services.GetRequiredService<StorageClients>().OrderIndex;
        var sender = services.GetRequiredService<NotificationSender>();
        foreach (var street in directory.Streets.Values)
        {
            var filter = ListQuery.Filter(OrderModule.StreetList(street.Id)) + " and " + TableClient.CreateQueryFilter($"DueAt lt {now}");
            var overdue = new List<TableEntity>();
            await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: ct))
                if (OrderStatusNames.TryParse(row.GetString("Status"), out var status) && !status.IsClosed()) overdue.Add(row);
            Observability.OrderMetrics.OverdueCounted(street.Id, overdue.Count);
            if (overdue.Count == 0) continue;

            var lines = overdue.OrderBy(r => r.GetDateTimeOffset("DueAt")).Take(ListedMax).Select(r =>
                $"- {r.GetString("OrderId")} {directory.CommunityName(r.GetString("CommunityId"))}" +
                $" {ServiceCategory.NameOf(r.GetString("Category"))}，{Enum.Parse<SlaStep>(r.GetString("Step") ?? "Dispatch").Chinese()}期限 {NotificationTexts.Local(r.GetDateTimeOffset("DueAt")!.Value)}");
            var more = overdue.Count > ListedMax ? $"\n……另有 {overdue.Count - ListedMax} 件" : "";
            var text = $"【每日超时汇总】{street.Name}共有 {overdue.Count} 件工单超过办理期限：\n{string.Join("\n", lines)}{more}";
            var day = now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd");
            await sender.SendAsync($"digest:{street.Id}:{day}", null, new Recipient(RecipientKind.Organizer, street.Id), "digest", text, ct);
        }
    }
}
