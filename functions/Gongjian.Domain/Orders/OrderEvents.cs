namespace Gongjian.Domain.Orders;

/// <summary>A change that happened to an order: what, who and when; the why is on each event.</summary>
public abstract record OrderEvent
{
    public required string OrderId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record OrderPlaced : OrderEvent
{
    public required string Text { get; init; }
    public string? Category { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Address { get; init; }
    public required Contact Contact { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    public required string TrackingCodeHash { get; init; }
    /// <summary>Where the order came from; null in an event written before origins were recorded (then it is not known).</summary>
    public OrderOrigin? Origin { get; init; }
}

public sealed record OrderDispatched : OrderEvent
{
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    /// <summary>The unit's street, where its list is kept (absent in events written before it was recorded: the order's street).</summary>
    public string? UnitStreetId { get; init; }
    public required string Category { get; init; }
    public string? Note { get; init; }
}

public sealed record OrderAccepted : OrderEvent
{
    public required string UnitId { get; init; }
}

public sealed record OrderDeclined : OrderEvent
{
    public required string UnitId { get; init; }
    public required string Reason { get; init; }
}

public sealed record DispatchWithdrawn : OrderEvent
{
    public required string UnitId { get; init; }
    public required string Reason { get; init; }
}

public sealed record OrderCompleted : OrderEvent
{
    public required string Note { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record OrderConfirmed : OrderEvent
{
    /// <summary>Null when the resident did not rate within the deadline and the order was closed for them.</summary>
    public required int? Rating { get; init; }
    public string? Comment { get; init; }
}

public sealed record OrderReopened : OrderEvent
{
    public required string Reason { get; init; }
}

public sealed record OrderCancelled : OrderEvent
{
    public string? Reason { get; init; }
}

public sealed record OrderRejected : OrderEvent
{
    public required string Reason { get; init; }
}

public sealed record OrderShowcased : OrderEvent
{
    public required string ShowcaseId { get; init; }
}

/// <summary>督办: a step ran past its deadline and the street's organizer was alerted.</summary>
public sealed record OrderEscalated : OrderEvent
{
    public required SlaStep Step { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}

/// <summary>
/// The resident's personal data was erased (PIPL): contact, address, request text and before-photos
/// are gone from the state, and the stored events that held them are rewritten without them.
/// </summary>
public sealed record PersonalDataErased : OrderEvent
{
    public string? Reason { get; init; }
    /// <summary>The before-photos whose files are to be deleted once this event is committed.</summary>
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}
