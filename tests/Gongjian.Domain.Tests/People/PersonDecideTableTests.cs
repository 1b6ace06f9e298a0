using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.People.PeopleFixtures;

namespace Gongjian.Domain.Tests.People;

/// <summary>在职党员/志愿者报到: every (status, command) pair, the wrong people, bad hours and replays.</summary>
public sealed class PersonDecideTableTests
{
    private static PersonState In(PersonStatus status) => status switch
    {
        PersonStatus.None => PersonState.Initial,
        PersonStatus.Registered => RunPerson(Register()),
        _ => RunPerson(Register(), Confirm()),
    };

    private static PersonCommand[] All() => [Register(Admin), Confirm(Admin), Join(Admin), Take(Admin), Log(Admin)];

    public static TheoryData<PersonStatus, int> Pairs()
    {
        var data = new TheoryData<PersonStatus, int>();
        foreach (var s in Enum.GetValues<PersonStatus>())
            for (var c = 0; c < All().Length; c++) data.Add(s, c);
        return data;
    }

    [Theory, MemberData(nameof(Pairs))]
    public void Every_status_and_command(PersonStatus status, int index)
    {
        var state = In(status);
        var command = All()[index];
        var verdict = Persons.Decide(state, command, T0.AddHours(1));
        var allowed = (status, command) is (PersonStatus.None, RegisterPerson) or (PersonStatus.Registered, ConfirmPerson)
            or (PersonStatus.Confirmed, JoinTeam or TakePost or LogServiceHours);
        if (allowed)
        {
            Assert.True(verdict.IsAccepted, verdict.Rejection?.ToString());
            Assert.Equal(state.Version + 1, verdict.Events.Aggregate(state, Persons.Evolve).Version);
            return;
        }
        Assert.Empty(verdict.Events);
        Assert.Equal(RejectionKind.Conflict, verdict.Rejection!.Kind);
        var code = (status, command) switch
        {
            (_, RegisterPerson) => "person_already_registered",
            (PersonStatus.None, _) => "person_not_found",
            (PersonStatus.Confirmed, ConfirmPerson) => "person_already_confirmed",
            _ => $"person_{status.Code()}",
        };
        Assert.Equal(code, verdict.Rejection.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection.Message);
    }

    public static TheoryData<string, PersonStatus, PersonCommand, string, RejectionKind> Bad() => new()
    {
        { "liaison registers a person", PersonStatus.None, Register(Liaison), "role_not_allowed", RejectionKind.Forbidden },
        { "person confirms themselves", PersonStatus.Registered, Confirm(PersonModule.Self), "role_not_allowed", RejectionKind.Forbidden },
        { "liaison confirms", PersonStatus.Registered, Confirm(Liaison), "role_not_allowed", RejectionKind.Forbidden },
        { "person logs own hours", PersonStatus.Confirmed, Log(PersonModule.Self), "role_not_allowed", RejectionKind.Forbidden },
        { "liaison joins for them", PersonStatus.Confirmed, Join(Liaison), "role_not_allowed", RejectionKind.Forbidden },
        { "bad phone", PersonStatus.None, Register() with { Phone = "123" }, "invalid_phone", RejectionKind.Invalid },
        { "no name", PersonStatus.None, Register() with { Name = " " }, "invalid_name", RejectionKind.Invalid },
        { "no work unit", PersonStatus.None, Register() with { WorkUnit = "" }, "invalid_work_unit", RejectionKind.Invalid },
        { "id not of community and key", PersonStatus.None, Register() with { PersonId = "c2-pk1" }, "invalid_person_id", RejectionKind.Invalid },
        { "zero hours", PersonStatus.Confirmed, Log(hours: 0), "hours_not_positive", RejectionKind.Invalid },
        { "negative hours", PersonStatus.Confirmed, Log(hours: -1), "hours_not_positive", RejectionKind.Invalid },
        { "25 hours a day", PersonStatus.Confirmed, Log(hours: 25), "hours_over_day", RejectionKind.Invalid },
        { "tomorrow", PersonStatus.Confirmed, Log(date: Today.AddDays(1)), "hours_in_future", RejectionKind.Invalid },
        { "no what", PersonStatus.Confirmed, Log() with { What = " " }, "invalid_what", RejectionKind.Invalid },
        { "no team", PersonStatus.Confirmed, Join(team: " ") with { TeamName = "" }, "team_required", RejectionKind.Invalid },
    };

    [Theory, MemberData(nameof(Bad))]
    public void Bad_input_and_wrong_people(string why, PersonStatus status, PersonCommand command, string code, RejectionKind kind)
    {
        var verdict = Persons.Decide(In(status), command, T0.AddHours(1));
        Assert.False(verdict.IsAccepted, why);
        Assert.Empty(verdict.Events);
        Assert.Equal((code, kind), (verdict.Rejection!.Code, verdict.Rejection.Kind));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection.Message);
    }

    [Fact]
    public void A_day_holds_at_most_24_hours_and_an_entry_is_logged_once()
    {
        var s = RunPerson(Register(), Confirm(), Log(hours: 20));
        Assert.Equal("hours_already_logged", Persons.Decide(s, Log(hours: 1), T0.AddHours(1)).Rejection!.Code);
        Assert.Equal("hours_over_day", Persons.Decide(s, Log(hours: 4.5m, entry: "e2"), T0.AddHours(1)).Rejection!.Code);
        Assert.True(Persons.Decide(s, Log(hours: 4, entry: "e2"), T0.AddHours(1)).IsAccepted);
        Assert.True(Persons.Decide(s, Log(hours: 8, entry: "e3", date: Today.AddDays(-1)), T0.AddHours(1)).IsAccepted);
    }

    [Fact]
    public void Today_is_the_Beijing_date()
    {
        var s = RunPerson(Register(), Confirm());
        // 2026-03-01 17:00 UTC is already 2 March in Beijing.
        var lateUtc = new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.True(Persons.Decide(s, Log(date: Today.AddDays(1)), lateUtc).IsAccepted);
    }

    [Fact]
    public void List_rows_name_no_one()
    {
        var s = RunPerson(Register(), Confirm(), Join(), Log(hours: 3));
        var row = Persons.Lists(s)!;
        Assert.Equal(["c-c1", "s-s1", "p-pk1"], row.Partitions);
        var text = string.Join('|', row.Fields.Values.Select(v => v?.ToString()));
        Assert.DoesNotContain("13900001111", text);
        Assert.DoesNotContain("李志愿", text);
        Assert.DoesNotContain("仙营供电所", text);
        Assert.Equal(3.0, row.Fields["LoggedHours"]);
        Assert.DoesNotContain("13900001111", string.Join('|', Persons.Facts(s, s, new PersonConfirmed { OccurredAt = T0, By = Dispatcher }).Values));
    }

    [Fact]
    public void A_team_asked_for_at_registration_is_joined_when_staff_confirm()
    {
        var registered = RunPerson(Register() with { TeamId = "t3f2a9c41d0", TeamName = "红色物业服务队" });
        Assert.Empty(registered.Teams);
        Assert.Equal("t3f2a9c41d0", registered.WantedTeamId);
        var verdict = Persons.Decide(registered, Confirm(), T0.AddHours(1));
        Assert.Equal([typeof(PersonConfirmed), typeof(TeamJoined)], verdict.Events.Select(e => e.GetType()));
        var confirmed = verdict.Events.Aggregate(registered, Persons.Evolve);
        Assert.Equal(PersonStatus.Confirmed, confirmed.Status);
        Assert.Equal(("t3f2a9c41d0", "红色物业服务队"), (Assert.Single(confirmed.Teams).TeamId, confirmed.Teams[0].TeamName));
        // Without a team asked for, confirming joins nothing.
        Assert.Equal([typeof(PersonConfirmed)], Persons.Decide(RunPerson(Register()), Confirm(), T0.AddHours(1)).Events.Select(e => e.GetType()));
    }
}
