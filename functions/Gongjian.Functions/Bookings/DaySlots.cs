using Gongjian.Domain.Bookings;

namespace Gongjian.Functions.Bookings;

/// <summary>A resource's slots on a Beijing day by its policy, each free unless a pending or approved booking overlaps it.</summary>
public static class DaySlots
{
    public static IReadOnlyList<SlotView> Of(BookingPolicy policy, DateOnly day, BookingLedgerState? ledger)
    {
        if (!policy.Hours.TryGetValue(day.DayOfWeek, out var window)) return [];
        var taken = ledger?.Bookings.Where(b => b.Status.HoldsSlot()).ToList() ?? [];
        var slots = new List<SlotView>();
        for (var m = window.OpensAt; m + policy.SlotMinutes <= window.ClosesAt; m += policy.SlotMinutes)
        {
            var (from, to) = (BookingTimes.At(day, m), BookingTimes.At(day, m + policy.SlotMinutes));
            slots.Add(new SlotView(BookingTimes.Clock(m), BookingTimes.Clock(m + policy.SlotMinutes), !taken.Any(b => b.Overlaps(from, to))));
        }
        return slots;
    }
}
