using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Bookings;

public abstract record BookingEvent
{
    public required string LedgerId { get; init; }
    public required string BookingId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

/// <summary>A request; <see cref="Approved"/> when the resource books instantly.</summary>
public sealed record BookingRequested : BookingEvent
{
    public required string ResourceId { get; init; }
    public required string UnitId { get; init; }
    public string UnitName { get; init; } = "";
    public required string StreetId { get; init; }
    public required string Title { get; init; }
    public required DateOnly Day { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Purpose { get; init; }
    public required int People { get; init; }
    public required string CodeHash { get; init; }
    public string? RequesterUnitId { get; init; }
    public required bool Approved { get; init; }
}

public sealed record BookingApproved : BookingEvent;

public sealed record BookingDeclined : BookingEvent
{
    public required string Reason { get; init; }
}

public sealed record BookingCancelled : BookingEvent
{
    public required string Reason { get; init; }
}

public sealed record BookingUsed : BookingEvent;

public sealed record BookingNoShow : BookingEvent;

/// <summary>The booker's name and phone were erased (retention); the stored <see cref="BookingRequested"/> of that booking loses them too.</summary>
public sealed record BookerContactErased : BookingEvent;
