using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Bookings;

/// <summary>A requester who holds a booking's code (a resident or any person): <c>Actor(Resident, "booking-code")</c>.</summary>
public static class BookingActors
{
    public static readonly Actor Requester = new(ActorRole.Resident, "booking-code");
}

public abstract record BookingCommand
{
    public required Actor By { get; init; }
    public required string BookingId { get; init; }
}

/// <summary>What the HTTP layer read of the resource when the request came: the ledger decides on it.</summary>
public sealed record ResourceForBooking(string ResourceId, string UnitId, string UnitName, string StreetId, string Title, bool Retired, BookingPolicy? Policy);

public sealed record RequestBooking : BookingCommand
{
    public required ResourceForBooking Resource { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Purpose { get; init; }
    public required int People { get; init; }
    public required string CodeHash { get; init; }
}

public sealed record ApproveBooking : BookingCommand;

public sealed record DeclineBooking : BookingCommand
{
    public required string Reason { get; init; }
}

/// <summary>The requester (with the code hash) or the owner unit cancels, with a reason.</summary>
public sealed record CancelBooking : BookingCommand
{
    public required string Reason { get; init; }
    public string? CodeHash { get; init; }
}

public sealed record MarkBookingUsed : BookingCommand;

public sealed record MarkBookingNoShow : BookingCommand;

/// <summary>
/// PIPL retention: the booker's name and phone are erased a while after the booking ended — its slot over, or declined or
/// cancelled — by the module's timer only, for the end it was armed for (<see cref="EndedAt"/>); the booking, its slot,
/// status and numbers stay.
/// </summary>
public sealed record EraseBookerContact : BookingCommand
{
    public required DateTimeOffset EndedAt { get; init; }
}
