namespace Gongjian.Domain.Orders;

/// <summary>How a rejection should be read: bad input, the wrong person, or the wrong moment.</summary>
public enum RejectionKind { Invalid, Forbidden, Conflict }

/// <summary>Why a command was refused: a stable code for machines and a Chinese sentence for people.</summary>
public sealed record Rejection(string Code, RejectionKind Kind, string Message);

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
}
