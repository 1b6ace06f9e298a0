using System.Diagnostics;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Observability;

/// <summary>
/// The span of one order command in <see cref="OrderStore.ExecuteAsync"/> and its counters.
/// Attributes are the order id, the command's type and the outcome code — never the command's
/// fields, which carry the resident's text, name, phone and address.
/// </summary>
public readonly struct OrderCommandSpan : IDisposable
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

    /// <summary>Records how the command ended; returns the outcome so a <c>return</c> can wrap it.</summary>
    public CommandOutcome Done(CommandOutcome outcome)
    {
        if (outcome.Rejection is { } rejection)
        {
            OrderMetrics.Rejected(rejection.Code);
            _activity?.SetTag(OutcomeTag, rejection.Code);
        }
        else
        {
            OrderMetrics.Committed(outcome.Events, outcome.State.Status);
            _activity?.SetTag(OutcomeTag, "applied");
            _activity?.SetTag("order.status", outcome.State.Status.Code());
        }
        return outcome;
    }

    public void Dispose()
    {
        if (_activity is null) return;
        // No outcome: the command threw (storage failure, cancellation) — the exception itself is logged by the caller.
        if (_activity.GetTagItem(OutcomeTag) is null) _activity.SetStatus(ActivityStatusCode.Error, "command did not complete");
        _activity.Dispose();
    }
}
