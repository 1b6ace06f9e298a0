using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Engine;

/// <summary>Queue function on <c>order-events</c>: the engine's event consumer for orders (<see cref="OrderNotifier"/>).</summary>
public static class NotifyOnOrderEvent
{
    public static readonly QueueTrigger Trigger = new(QueueNames.OrderEvents);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EventConsumer<OrderState, OrderCommand, OrderEvent>>().RunAsync(invocation.Message, ct);
}
