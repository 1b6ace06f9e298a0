using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Orders;

/// <summary>The answer of Decide: the events to append, or why nothing happens.</summary>
public sealed record Decision
{
    public IReadOnlyList<OrderEvent> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsAccepted => Rejection is null;

    private Decision(IReadOnlyList<OrderEvent> events, Rejection? rejection) =>
        (Events, Rejection) = (events, rejection);

    public static Decision Accept(params OrderEvent[] events) => new(events, null);

    public static Decision Reject(string code, RejectionKind kind, string message) =>
        new([], new Rejection(code, kind, message));

    public static implicit operator Decision(OrderEvent e) => Accept(e);

    public static implicit operator Verdict<OrderEvent>(Decision d) => new(d.Events, d.Rejection);
}
