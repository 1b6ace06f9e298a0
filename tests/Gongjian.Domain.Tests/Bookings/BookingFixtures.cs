using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Bookings;

/// <summary>A 活动室 of unit-1 open 08:00–18:00 every day but Sunday, in hour slots; "now" is the day before (Beijing).</summary>
public static class BookingFixtures
{
    public static readonly BookingModule Module = new();
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public static readonly DateOnly Day = new(2026, 12, 8); // a Tuesday
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, Beijing);

    public static readonly Actor Owner = new(ActorRole.Liaison, "unit-1", "社区卫生服务中心");
    public static readonly Actor OtherLiaison = new(ActorRole.Liaison, "unit-2", "区税务局");
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "disp-1");
    public static readonly Actor Admin = new(ActorRole.Admin, "admin-1");
    public static readonly Actor Resident = BookingActors.Requester;

    public static BookingPolicy Policy(bool instant = false) => new()
    {
        Hours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday).ToDictionary(d => d, _ => new OpeningWindow(8 * 60, 18 * 60)),
        SlotMinutes = 60, Instant = instant,
    };

    public static ResourceForBooking Room(bool instant = false, bool retired = false, bool bookable = true) =>
        new("res-1", "unit-1", "社区卫生服务中心", "street-1", "活动室", retired, bookable ? Policy(instant) : null);

    public static DateTimeOffset At(int hour, int minute = 0, DateOnly? day = null) =>
        new((day ?? Day).ToDateTime(new TimeOnly(hour, minute)), Beijing);

    public static RequestBooking Request(string id = "bk-1", int from = 9, int to = 10, Actor? by = null, ResourceForBooking? room = null) => new()
    {
        By = by ?? Resident, BookingId = id, Resource = room ?? Room(), Start = At(from), End = At(to),
        Name = "王芳", Phone = "13912345678", Purpose = "楼道议事会", People = 12, CodeHash = $"hash-{id}",
    };

    public static BookingLedgerState Play(params (BookingCommand Command, DateTimeOffset At)[] moves)
    {
        var s = BookingLedgerState.Initial;
        foreach (var (c, at) in moves)
        {
            var v = Module.Decide(s, c, at);
            if (!v.IsAccepted) throw new InvalidOperationException($"{c.GetType().Name}: {v.Rejection}");
            s = v.Events.Aggregate(s, Module.Evolve);
        }
        return s;
    }

    public static BookingLedgerState Pending(string id = "bk-1", int from = 9, int to = 10) => Play((Request(id, from, to), Now));

    public static BookingLedgerState Approved(string id = "bk-1", int from = 9, int to = 10) =>
        Play((Request(id, from, to), Now), (new ApproveBooking { By = Owner, BookingId = id }, Now));
}
