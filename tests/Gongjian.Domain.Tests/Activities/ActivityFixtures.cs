using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Activities;

internal static class ActivityFixtures
{
    /// <summary>Announced at 10:00 Beijing time on 1 March; the activity is 9:00–11:30 on 8 March, deadline 7 March 18:00.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Starts = new(2026, 3, 8, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Ends = Starts.AddHours(2.5);
    public static readonly DateTimeOffset RegistrationDeadline = new(2026, 3, 7, 18, 0, 0, TimeSpan.FromHours(8));
    public static readonly ActivityModule Module = new();
    public static readonly Actor Organizer = new(ActorRole.Organizer, "key-o", "柳巷社区");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "unit-1", "联络员");
    public static readonly Actor OtherLiaison = new(ActorRole.Liaison, "unit-2", "联络员");
    public static readonly Actor Resident = new(ActorRole.Resident, "public");

    public static AnnounceActivity Announce(Actor? by = null, int capacity = 3) => new()
    {
        By = by ?? Organizer, ActivityId = "a1", CommunityId = "c1", StreetId = "s1", OrganiserKind = OrganiserKind.Community,
        Title = "学雷锋便民服务日", Category = "volunteer", Description = "理发、量血压、小家电维修。", Place = "柳巷社区广场",
        StartsAt = Starts, EndsAt = Ends, Deadline = RegistrationDeadline, Capacity = capacity,
        Audiences = [ActivityAudience.Residents, ActivityAudience.Volunteers],
    };

    public static RegisterForActivity Register(int n, Actor? by = null) => new()
    {
        By = by ?? Resident, PersonKey = $"pk{n}", Name = $"居民{n}", Phone = $"139{n:D8}", Audience = ActivityAudience.Residents,
        CancelCodeHash = $"h{n}", CheckInCode = $"C{n:D3}",
    };

    public static CancelRegistration Unregister(int n, string? code = null, Actor? by = null) =>
        new() { By = by ?? Resident, PersonKey = $"pk{n}", CancelCodeHash = code ?? $"h{n}" };

    public static ActivityState Run(ActivityState s, ActivityCommand c, DateTimeOffset at)
    {
        var v = Module.Decide(s, c, at);
        if (!v.IsAccepted) throw new InvalidOperationException(v.Rejection!.ToString());
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static ActivityState Announced(int capacity = 3) => Run(ActivityState.Initial, Announce(capacity: capacity), T0);

    public static ActivityState WithRegistrations(int capacity, int people)
    {
        var s = Announced(capacity);
        for (var i = 1; i <= people; i++) s = Run(s, Register(i), T0.AddMinutes(i));
        return s;
    }
}
