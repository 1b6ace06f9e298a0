using Gongjian.Domain.Community;

namespace Gongjian.Domain.Orders;

/// <summary>Something someone asks of an order. Decide answers with events or a rejection.</summary>
public abstract record OrderCommand
{
    public required Actor By { get; init; }
}

public sealed record Contact(string Name, string Phone);

public sealed record PlaceOrder : OrderCommand
{
    public required string OrderId { get; init; }
    public required string Text { get; init; }
    public string? Category { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Address { get; init; }
    public required Contact Contact { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    public required string TrackingCodeHash { get; init; }
    /// <summary>Where the order comes from (direct, a deliberation, a grid report): required, so no new way of placing forgets it.</summary>
    public required OrderOrigin Origin { get; init; }
}

public sealed record DispatchOrder : OrderCommand
{
    public required MemberUnit Unit { get; init; }
    public string? Category { get; init; }
    public string? Note { get; init; }
}

public sealed record AcceptOrder : OrderCommand;

public sealed record DeclineOrder : OrderCommand
{
    public required string Reason { get; init; }
}

public sealed record CompleteOrder : OrderCommand
{
    public required string Note { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record ConfirmOrder : OrderCommand
{
    public required int Rating { get; init; }
    public string? Comment { get; init; }
}

public sealed record ReopenOrder : OrderCommand
{
    public required string Reason { get; init; }
}

public sealed record CancelOrder : OrderCommand
{
    public string? Reason { get; init; }
}

public sealed record RejectOrder : OrderCommand
{
    public required string Reason { get; init; }
}

/// <summary>Takes a dispatch back from a unit that has not accepted it (e.g. 超时未接单).</summary>
public sealed record WithdrawDispatch : OrderCommand
{
    public required string Reason { get; init; }
}

public sealed record IncludeInShowcase : OrderCommand
{
    public required string ShowcaseId { get; init; }
}

/// <summary>
/// A deadline timer fired. It names the step and when that step started, so a timer for a step
/// the order has already left is refused by rule (<c>timer_stale</c>) instead of acting late.
/// </summary>
public sealed record ExpireDeadline : OrderCommand
{
    public required SlaStep Step { get; init; }
    public required DateTimeOffset StepStartedAt { get; init; }
    public required SlaPolicy Policy { get; init; }
}

/// <summary>
/// 删除个人信息: blanks the resident's name, phone, address, request text and before-photos of a closed
/// order. Sent by the resident (tracking code), an admin, or the retention timer (System), which names
/// when the order closed so that a timer for an order that changed since is refused by rule.
/// </summary>
public sealed record ErasePersonalData : OrderCommand
{
    public string? Reason { get; init; }
    /// <summary>Set by the retention timer: the close it was scheduled for.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
