using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Queue function on <c>order-timers</c>: the engine's timer consumer for orders. Early (a hop of a
/// long wait): re-arm. Stale (the order left that step): nothing. Reminder: 催办 the one responsible.
/// Due: let the rules decide (withdraw an unaccepted dispatch, close an unrated order, or escalate to
/// the street). Erase (retention, PIPL): let the rules erase the resident's personal data of the order
/// closed at the timer's <c>StepStartedAt</c>; a reopened or already erased order refuses it by rule.
/// </summary>
public static class OnOrderTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.OrderTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<OrderState, OrderCommand, OrderEvent>>().RunAsync(invocation.Message, ct);
}
