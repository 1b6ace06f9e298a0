using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Xunit;
using static Gongjian.Domain.Tests.Resources.ResourceFixture;

namespace Gongjian.Domain.Tests.Resources;

/// <summary>SetBookingPolicy: the owner unit (or the street's staff) opens an active resource for 资源共享预约.</summary>
public sealed class ResourceBookingPolicyTests
{
    private static BookingPolicy Weekdays(int slot = 60, int opens = 510, int closes = 1050) => new()
    {
        Hours = Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToDictionary(d => d, _ => new OpeningWindow(opens, closes)),
        SlotMinutes = slot, Instant = true,
    };

    [Fact]
    public void The_owner_liaison_sets_the_policy_and_the_state_keeps_it()
    {
        var s = Apply(Given(ResourceStatus.Active), new SetBookingPolicy { By = Liaison, Policy = Weekdays() });
        Assert.NotNull(s.Booking);
        Assert.Equal(60, s.Booking!.SlotMinutes);
        Assert.Equal(2, s.Version);
    }

    [Fact]
    public void An_organizer_may_set_it_for_the_unit() =>
        Assert.True(Module.Decide(Given(ResourceStatus.Active), new SetBookingPolicy { By = new Actor(ActorRole.Organizer, "caiyuan"), Policy = Weekdays() }, Now).IsAccepted);

    [Theory]
    [InlineData(ActorRole.Liaison, "other-unit", "not_own_unit")]
    [InlineData(ActorRole.Dispatcher, "dongqili", "role_forbidden")]
    public void Others_are_refused(ActorRole role, string id, string code) =>
        Assert.Equal(code, Module.Decide(Given(ResourceStatus.Active), new SetBookingPolicy { By = new Actor(role, id), Policy = Weekdays() }, Now).Rejection?.Code);

    [Theory]
    [InlineData(0, 510, 1050, "slot_minutes_invalid")]
    [InlineData(600, 510, 1050, "slot_minutes_invalid")]
    [InlineData(60, 1050, 510, "opening_hours_invalid")]
    [InlineData(60, 600, 1500, "opening_hours_invalid")]
    public void A_bad_policy_is_refused(int slot, int opens, int closes, string code) =>
        Assert.Equal(code, Module.Decide(Given(ResourceStatus.Active), new SetBookingPolicy { By = Liaison, Policy = Weekdays(slot, opens, closes) }, Now).Rejection?.Code);

    [Fact]
    public void No_open_day_is_refused() =>
        Assert.Equal("opening_hours_invalid", Module.Decide(Given(ResourceStatus.Active),
            new SetBookingPolicy { By = Liaison, Policy = new BookingPolicy { Hours = new Dictionary<DayOfWeek, OpeningWindow>() } }, Now).Rejection?.Code);

    [Fact]
    public void A_retired_resource_cannot_open_for_booking() =>
        Assert.Equal("resource_retired", Module.Decide(Given(ResourceStatus.Retired), new SetBookingPolicy { By = Liaison, Policy = Weekdays() }, Now).Rejection?.Code);

    [Fact]
    public void A_stale_version_is_resource_changed() =>
        Assert.Equal("resource_changed", Module.Decide(Given(ResourceStatus.Active), new SetBookingPolicy { By = Liaison, Policy = Weekdays(), ExpectedVersion = 7 }, Now).Rejection?.Code);
}
