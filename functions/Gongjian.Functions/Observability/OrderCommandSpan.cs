using System.Diagnostics;
using Gongjian.Domain.Orders;
using Gongjian.Engine;

namespace Gongjian.Functions.Observability;

/// <summary>
/// Watches the order module's commands for the engine: one span per command and its counters.
/// Attributes are the order id, the command's type and the outcome code — never the command's
/// fields, which carry the resident's text, name, phone and address.
/// </summary>
public sealed class OrderObserver : ICommandObserver<OrderState, OrderCommand, OrderEvent>
{
    public ICommandScope<OrderState, OrderEvent> Start(string id, OrderCommand command) => OrderCommandSpan.Start(id, command);

    public void TimerFired(TimerMessage timer, DateTimeOffset now) => OrderMetrics.TimerFired(timer, now);

    public void TimerRan(OrderState before, OrderOutcome outcome) => OrderMetrics.DeadlineExpired(before.StreetId, outcome.Events);
}

/// <summary>The span of one order command.</summary>
public sealed class OrderCommandSpan : ICommandScope<OrderState, OrderEvent>
{
    private const string OutcomeTag = "order.outcome";
    private readonly Activity? _activity;

    private OrderCommandSpan(Activity? activity) => _activity = activity;

    public static OrderCommandSpan Start(string orderId, OrderCommand command)
    {
        var activity = Telemetry.Source.StartActivity("order " + command.GetType().Name);
        activity?.SetTag("order.id", orderId);
        activity?.SetTag("order.command", command.GetType().Name);
        return new OrderCommandSpan(activity);
    }

    /// <summary>Records how the command ended.</summary>
    public void Done(OrderOutcome outcome)
    {
        if (outcome.Rejection is { } rejection)
        {
            OrderMetrics.Rejected(rejection.Code);
            _activity?.SetTag(OutcomeTag, rejection.Code);
        }
        else
        {
            OrderMetrics.Committed(outcome.Events, outcome.State.Status);
            _activity?.SetTag(OutcomeTag, outcome.Replayed ? "replayed" : "applied");
            _activity?.SetTag("order.status", outcome.State.Status.Code());
        }
    }

    public void Dispose()
    {
        if (_activity is null) return;
        // No outcome: the command threw (storage failure, cancellation) — the exception itself is logged by the caller.
        if (_activity.GetTagItem(OutcomeTag) is null) _activity.SetStatus(ActivityStatusCode.Error, "command did not complete");
        _activity.Dispose();
    }
}
