using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 资源共享预约 on the demo venues (seed 001: the 网格驿站 gives activities a place): the health centre's 健康教室 is
/// booked on weekdays with the unit's approval, 宝盛's 网格驿站活动室 every day at once; a few bookings on the next days (approved at once, or
/// waiting for the health centre's liaison), loaded through the booking ledger's rules (so they never overlap).
/// </summary>
public static class DemoBookings
{
    private sealed record Venue(string Title, string Unit, (DayOfWeek Day, string Opens, string Closes)[] Hours, int SlotMinutes, bool Instant);

    private sealed record Demo(string Venue, int InDays, string Start, string End, string Name, string Phone, string Purpose, int People);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly Venue[] Venues =
    [
        new("健康教室", "caiyuan-health-centre", [.. Weekdays.Select(d => (d, "08:30", "17:00"))], 30, false),
        new("宝盛网格驿站活动室", "baosheng-property", [.. Enum.GetValues<DayOfWeek>().Select(d => (d, "09:00", "20:00"))], 60, true),
    ];

    private static readonly Demo[] Bookings =
    [
        new("宝盛网格驿站活动室", 1, "15:00", "17:00", "周女士", "13805386601", "东七里社区读书会排练", 12),
        new("宝盛网格驿站活动室", 2, "19:00", "20:00", "韩先生", "13805386602", "楼栋议事会", 8),
        new("健康教室", 3, "14:00", "15:30", "马老师", "13805386603", "三联社区老年舞蹈队排练", 15),
    ];

    public static async Task<int> SeedAsync(BookingStore bookings, ResourceStore resources, IReadOnlyDictionary<string, string> resourceIds, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var v in Venues)
        {
            var policy = BookingTimes.Policy(new BookingPolicyRequest
            {
                Hours = [.. v.Hours.Select(h => new OpeningHoursRequest { Weekday = BookingTimes.WeekdayCode(h.Day), Opens = h.Opens, Closes = h.Closes })],
                SlotMinutes = v.SlotMinutes, Instant = v.Instant,
            });
            (await resources.ExecuteAsync(resourceIds[v.Title], new SetBookingPolicy { By = new Actor(ActorRole.Liaison, v.Unit), Policy = policy }, ct))
                .Require("booking policy of " + v.Title);
        }
        var today = BookingLimits.BeijingDay(now);
        foreach (var b in Bookings)
        {
            var resource = (await resources.LoadAsync(resourceIds[b.Venue], ct))!.State;
            var day = NextOpenDay(today.AddDays(b.InDays), resource.Booking!);
            var id = BookingAccess.NewId(day);
            var ledger = BookingLimits.LedgerId(resource.Id, day);
            (await bookings.ExecuteAsync(ledger, new RequestBooking
            {
                By = BookingActors.Requester, BookingId = id, Resource = BookingAccess.ForBooking(resource),
                Start = BookingTimes.At(day, BookingTimes.Minutes(b.Start, "start")), End = BookingTimes.At(day, BookingTimes.Minutes(b.End, "end")),
                Name = b.Name, Phone = b.Phone, Purpose = b.Purpose, People = b.People, CodeHash = BookingAccess.Hash(OrderIds.NewTrackingCode()),
            }, ct)).Require("booking of " + b.Venue);
        }
        return Bookings.Length;
    }

    private static DateOnly NextOpenDay(DateOnly day, BookingPolicy policy)
    {
        while (!policy.Hours.ContainsKey(day.DayOfWeek)) day = day.AddDays(1);
        return day;
    }
}
