using Azure.Data.Tables;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// The order's side of 转为派单: the order module's notifier, wrapped so that an order made of a report closes the report
/// when it is completed (办结) and sends it back to triage when it is cancelled or rejected. The report is found by the
/// order's id in the report lists (<c>o-{order}</c>, one query) — unless the order's <see cref="OrderState.Origin"/> says it
/// was not made of a report (orders placed before origins were recorded have none and are looked up); the command's message id derives from the order event's
/// id, so a repeated relay changes nothing. A failure leaves the order's outbox row for the sweeper.
/// </summary>
public sealed class GridReportOrderLink(INotifier<OrderState> inner, GridReportStore reports, StorageClients storage, ILogger<GridReportOrderLink> log)
    : INotifier<OrderState>
{
    public async Task NotifyAsync(EventMessage message, OrderState state, CancellationToken ct)
    {
        // Only an order made of a report — or one placed before origins were recorded (no origin) — can have one to find.
        if ((message.Type is nameof(OrderCompleted) or nameof(OrderCancelled) or nameof(OrderRejected)) && OrderOrigin.MayBe(state.Origin, OrderOrigin.GridReportKind))
            foreach (var reportId in await ReportsOfAsync(state.Id, ct))
            {
                GridReportCommand command = message.Type == nameof(OrderCompleted)
                    ? new CloseByOrder { By = Actor.System, OrderId = state.Id }
                    : new ReturnFromOrder { By = Actor.System, OrderId = state.Id, Reason = message.Type == nameof(OrderCancelled) ? "派单已取消" : "派单被退回" };
                var outcome = await reports.ExecuteAsync(reportId, command, ct, messageId: $"order-{message.Id.Replace(':', '-')}");
                if (outcome.Rejection is { } r)
                    log.LogInformation("Order {OrderId} ({Type}) left grid report {ReportId} as it was: {Code}", state.Id, message.Type, reportId, r.Code);
            }
        await inner.NotifyAsync(message, state, ct);
    }

    public Task RemindAsync(TimerMessage timer, OrderState state, CancellationToken ct) => inner.RemindAsync(timer, state, ct);

    private async Task<IReadOnlyList<string>> ReportsOfAsync(string orderId, CancellationToken ct)
    {
        var found = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {GridReportModule.OrderList(orderId)}");
        await foreach (var row in storage.Table(TableNames.GridReportIndex).QueryAsync<TableEntity>(filter, select: ["ReportId", "Removed", "OrderId"], cancellationToken: ct))
            if (row.GetBoolean("Removed") != true && row.GetString("OrderId") == orderId && row.GetString("ReportId") is { } id) found.Add(id);
        return found;
    }
}

public static class GridReportOrderLinkServices
{
    /// <summary>Wraps the order notifier registered so far (records, indicators, notices) so a report made into an order follows it.</summary>
    public static IServiceCollection AddGridReportOrderLink(this IServiceCollection services) =>
        services.WrapNotifier<OrderState>((sp, inner) => new GridReportOrderLink(inner,
            sp.GetRequiredService<GridReportStore>(), sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<ILogger<GridReportOrderLink>>()));
}
