using FsCheck.Xunit;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Xunit;
using static Gongjian.Domain.Tests.Bookings.BookingFixtures;

namespace Gongjian.Domain.Tests.Bookings;

/// <summary>Any script of requests, answers, cancellations and marks by anyone: no two approved bookings of the resource overlap.</summary>
[Properties(MaxTest = 300)]
public sealed class BookingPropertyTests
{
    private static readonly Actor[] Actors = [Resident, Owner, OtherLiaison, Dispatcher, Admin];

    private static (BookingCommand Command, DateTimeOffset At) Move(int move, int turn, bool instant)
    {
        var m = move & 0x7fffffff;
        var by = Actors[m / 7 % Actors.Length];
        var id = $"bk-{m / 37 % 6}";
        var from = 7 + m / 11 % 11;
        var length = 1 + m / 5 % 3;
        var at = Now.AddMinutes(turn * 5);
        BookingCommand c = (m % 7) switch
        {
            0 or 1 => Request(id, from, from + length, by, Room(instant)),
            2 => new ApproveBooking { By = by, BookingId = id },
            3 => new DeclineBooking { By = by, BookingId = id, Reason = "已有安排" },
            4 => new CancelBooking { By = by, BookingId = id, Reason = "改期", CodeHash = $"hash-{id}" },
            5 => new MarkBookingUsed { By = by, BookingId = id },
            _ => new MarkBookingNoShow { By = by, BookingId = id },
        };
        return (c, m % 7 >= 5 ? At(from + 1) : at);
    }

    private static List<BookingLedgerState> Run(int[] moves, bool instant)
    {
        var states = new List<BookingLedgerState> { BookingLedgerState.Initial };
        var s = BookingLedgerState.Initial;
        for (var i = 0; i < moves.Length; i++)
        {
            var (c, at) = Move(moves[i], i, instant);
            var v = Module.Decide(s, c, at);
            if (v.IsAccepted) Assert.Single(v.Events);
            var after = v.Events.Aggregate(s, Module.Evolve);
            if (!v.IsAccepted) Assert.Same(s, after);
            states.Add(s = after);
        }
        return states;
    }

    [Property]
    public void No_two_slot_holding_bookings_overlap(int[] moves, bool instant)
    {
        foreach (var s in Run(moves, instant))
        {
            var holding = s.Bookings.Where(b => b.Status.HoldsSlot()).ToList();
            for (var i = 0; i < holding.Count; i++)
                for (var j = i + 1; j < holding.Count; j++)
                    Assert.False(holding[i].Overlaps(holding[j].Start, holding[j].End), $"{holding[i].Id} overlaps {holding[j].Id}");
        }
    }

    [Property]
    public void No_two_approved_or_used_bookings_overlap_and_all_lie_in_opening_hours(int[] moves, bool instant)
    {
        var s = Run(moves, instant)[^1];
        var kept = s.Bookings.Where(b => b.Status is BookingStatus.Approved or BookingStatus.Used or BookingStatus.NoShow).ToList();
        for (var i = 0; i < kept.Count; i++)
            for (var j = i + 1; j < kept.Count; j++)
                Assert.False(kept[i].Overlaps(kept[j].Start, kept[j].End));
        Assert.All(s.Bookings, b => Assert.True(b.Start >= At(8) && b.End <= At(18)));
    }

    [Property]
    public void Replaying_the_events_gives_the_same_ledger(int[] moves, bool instant)
    {
        var s = BookingLedgerState.Initial;
        var events = new List<BookingEvent>();
        for (var i = 0; i < moves.Length; i++)
        {
            var (c, at) = Move(moves[i], i, instant);
            var v = Module.Decide(s, c, at);
            events.AddRange(v.Events);
            s = v.Events.Aggregate(s, Module.Evolve);
        }
        var replayed = Module.Replay(events);
        Assert.Equal((s.Version, s.Id), (replayed.Version, replayed.Id));
        Assert.Equal(s.Bookings, replayed.Bookings);
    }
}
