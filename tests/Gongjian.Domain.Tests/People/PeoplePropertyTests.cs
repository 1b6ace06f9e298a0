using FsCheck.Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Xunit;
using static Gongjian.Domain.Tests.People.PeopleFixtures;

namespace Gongjian.Domain.Tests.People;

/// <summary>Invariants whatever people, staff and units do in any order (refused moves skipped).</summary>
[Properties(MaxTest = 300)]
public sealed class PeoplePropertyTests
{
    private static readonly Actor[] Actors = [PersonModule.Self, Dispatcher, Admin, Liaison, OtherLiaison, Resident];

    private static PersonCommand PersonMove(int move, int i)
    {
        var m = move & 0x7fffffff;
        var by = Actors[m / 8 % Actors.Length];
        // Hours from -2 to 13 in halves, dates from three days back to one ahead, entries that sometimes repeat.
        var hours = (m / 48 % 32 - 4) / 2m;
        var date = Today.AddDays(m / 1536 % 5 - 3);
        return (m % 8) switch
        {
            0 => Register(by),
            1 => Confirm(by),
            2 => Join(by, $"t{m / 48 % 3}"),
            3 => Take(by),
            _ => Log(by, hours, date, $"e{(m / 7680) % 6}"),
        };
    }

    [Property]
    public void Hours_per_day_stay_within_0_and_24_none_in_the_future_and_each_entry_once(int[] moves)
    {
        var s = PersonState.Initial;
        var at = T0;
        var i = 0;
        foreach (var m in moves)
        {
            var v = Persons.Decide(s, PersonMove(m, i++), at);
            var after = v.Events.Aggregate(s, Persons.Evolve);
            if (v.IsAccepted) Assert.Equal((1, s.Version + 1), (v.Events.Count, after.Version));
            else Assert.Same(s, after);
            s = after;
            at = at.AddMinutes(7);
        }
        Assert.All(s.Hours, h => Assert.InRange(h.Hours, 0.01m, 24m));
        Assert.All(s.Hours.GroupBy(h => h.Date), d => Assert.True(d.Sum(h => h.Hours) <= 24m));
        Assert.All(s.Hours, h => Assert.True(h.Date <= DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime)));
        Assert.Equal(s.Hours.Count, s.Hours.Select(h => h.EntryId).Distinct().Count());
        Assert.Equal(s.Teams.Count, s.Teams.Select(t => t.TeamId).Distinct().Count());
        if (s.Hours.Count > 0) Assert.Equal(PersonStatus.Confirmed, s.Status);
    }

    [Property]
    public void Commitments_met_never_exceed_those_made_and_each_is_met_once(int[] moves)
    {
        var s = UnitReportState.Initial;
        var at = T0;
        foreach (var m in moves)
        {
            var x = m & 0x7fffffff;
            var by = Actors[x / 4 % Actors.Length];
            UnitReportCommand c = (x % 4) switch
            {
                0 => Report(by),
                1 => AcceptReport(by),
                _ => Met(by, (x / 24 % 5) switch { 0 => "post-1", 1 => "post-2", 2 => "resource-1", 3 => "service-items", _ => "post-7" }),
            };
            var v = Units.Decide(s, c, at);
            var after = v.Events.Aggregate(s, Units.Evolve);
            if (!v.IsAccepted) Assert.Same(s, after);
            s = after;
            at = at.AddMinutes(7);
        }
        Assert.InRange(s.CommitmentsMet, 0, s.Commitments.Count);
        if (s.CommitmentsMet > 0) Assert.Equal(UnitReportStatus.Accepted, s.Status);
    }
}
