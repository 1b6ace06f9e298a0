namespace Gongjian.Domain.Bookings;

/// <summary>
/// How a bookable resource is booked: opening hours per weekday (Beijing time, minutes after midnight),
/// the slot length (a booking is whole slots counted from the opening), and whether requests are
/// approved at once (instant) or wait for the owner unit's liaison. No entry for a weekday: closed.
/// </summary>
public sealed record BookingPolicy
{
    public required IReadOnlyDictionary<DayOfWeek, OpeningWindow> Hours { get; init; }
    public int SlotMinutes { get; init; } = 60;
    public bool Instant { get; init; }
}

/// <summary>One day's opening, e.g. 08:30–17:30 is (510, 1050), minutes after Beijing midnight.</summary>
public sealed record OpeningWindow(int OpensAt, int ClosesAt);
