using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.Activities.ActivityFixtures;

namespace Gongjian.Domain.Tests.Activities;

/// <summary>The rules, case by case: what is accepted and the code of every refusal.</summary>
public sealed class ActivityDecideTests
{
    private static Rejection Refused(ActivityState s, ActivityCommand c, DateTimeOffset at)
    {
        var v = Module.Decide(s, c, at);
        Assert.False(v.IsAccepted);
        Assert.Empty(v.Events);
        return v.Rejection!;
    }

    public static TheoryData<string, string> BadAnnouncements() => new()
    {
        { "title", "title_required" }, { "category", "unknown_category" }, { "place", "place_required" }, { "past", "starts_in_past" },
        { "ends", "ends_before_start" }, { "deadline", "invalid_deadline" }, { "capacity", "invalid_capacity" },
        { "audience", "audience_required" }, { "unknown_audience", "unknown_audience" }, { "liaison", "role_not_allowed" },
        { "other_unit", "not_your_unit" }, { "no_unit", "unit_required" },
    };

    [Theory, MemberData(nameof(BadAnnouncements))]
    public void A_bad_announcement_is_refused_with_its_code(string what, string code)
    {
        var ok = Announce();
        AnnounceActivity c = what switch
        {
            "title" => ok with { Title = "  " },
            "category" => ok with { Category = "party-time" },
            "place" => ok with { Place = "" },
            "past" => ok with { StartsAt = T0.AddHours(-1) },
            "ends" => ok with { EndsAt = Starts },
            "deadline" => ok with { Deadline = Starts.AddMinutes(1) },
            "capacity" => ok with { Capacity = 0 },
            "audience" => ok with { Audiences = [] },
            "unknown_audience" => ok with { Audiences = ["children"] },
            "liaison" => ok with { By = Liaison },
            "other_unit" => ok with { By = OtherLiaison, OrganiserKind = OrganiserKind.Unit, OrganiserUnitId = "unit-1" },
            _ => ok with { By = Liaison, OrganiserKind = OrganiserKind.Unit },
        };
        Assert.Equal(code, Refused(ActivityState.Initial, c, T0).Code);
    }

    [Fact]
    public void A_unit_liaison_announces_for_their_unit()
    {
        var s = Run(ActivityState.Initial, Announce(Liaison) with { OrganiserKind = OrganiserKind.Unit, OrganiserUnitId = "unit-1", VenueResourceId = "r-hall" }, T0);
        Assert.Equal((ActivityStatus.Open, "unit-1", "r-hall"), (s.Status, s.OrganiserUnitId, s.VenueResourceId));
        Assert.Contains("u-unit-1", Module.Lists(s)!.Partitions);
    }

    [Fact]
    public void When_full_a_registration_goes_on_the_waiting_list_at_its_place()
    {
        var s = WithRegistrations(capacity: 2, people: 4);
        var v = Module.Decide(s, Register(5), T0.AddHours(1));
        Assert.Equal(3, Assert.IsType<ParticipantRegistered>(Assert.Single(v.Events)).WaitingPosition);
        Assert.Equal(["pk1", "pk2"], s.Registered.Select(p => p.PersonKey));
        Assert.Equal(["pk3", "pk4"], s.Waiting.Select(p => p.PersonKey));
    }

    [Fact]
    public void A_cancellation_promotes_the_first_waiting_person()
    {
        var s = Run(WithRegistrations(capacity: 2, people: 4), Unregister(1), T0.AddHours(1));
        Assert.Equal(["pk2", "pk3"], s.Registered.Select(p => p.PersonKey));
        Assert.Equal(["pk4"], s.Waiting.Select(p => p.PersonKey));
    }

    [Fact]
    public void A_waiting_person_who_cancels_promotes_nobody()
    {
        var s = Run(WithRegistrations(capacity: 2, people: 4), Unregister(3), T0.AddHours(1));
        Assert.Equal(["pk1", "pk2"], s.Registered.Select(p => p.PersonKey));
        Assert.Equal(["pk4"], s.Waiting.Select(p => p.PersonKey));
    }

    [Fact]
    public void Double_registration_is_refused_for_registered_and_waiting()
    {
        var s = WithRegistrations(capacity: 1, people: 2);
        Assert.Equal("already_registered", Refused(s, Register(1), T0.AddHours(1)).Code);
        var waiting = Refused(s, Register(2), T0.AddHours(1));
        Assert.Equal("already_waiting", waiting.Code);
        Assert.Contains("候补名单第1位", waiting.Message);
    }

    [Fact]
    public void Registration_after_the_deadline_is_refused()
    {
        Assert.Equal("registration_closed", Refused(Announced(), Register(1), RegistrationDeadline).Code);
        var closed = Run(Announced(), new CloseRegistration { By = Actor.System }, RegistrationDeadline);
        Assert.Equal("registration_closed", Refused(closed, Register(1), RegistrationDeadline.AddMinutes(1)).Code);
    }

    [Fact]
    public void Registration_outside_the_audience_is_refused()
    {
        Assert.Equal("audience_not_allowed", Refused(Announced(), Register(1) with { Audience = ActivityAudience.Units }, T0).Code);
    }

    [Fact]
    public void Cancelling_a_registration_needs_the_right_code()
    {
        var s = WithRegistrations(2, 1);
        Assert.Equal("wrong_code", Refused(s, Unregister(1, code: "nope"), T0.AddHours(1)).Code);
        Assert.Equal("not_registered", Refused(s, Unregister(9), T0.AddHours(1)).Code);
        Assert.Empty(Run(s, Unregister(1, code: null, by: Organizer) with { CancelCodeHash = null }, T0.AddHours(1)).Registered);
    }

    [Fact]
    public void Check_in_by_code_on_the_day_and_never_for_the_unregistered()
    {
        var s = Run(WithRegistrations(1, 2), new CloseRegistration { By = Actor.System }, RegistrationDeadline);
        var day = Starts.AddMinutes(-20);
        Assert.Equal("not_activity_day", Refused(s, new CheckIn { By = Organizer, CheckInCode = "C001" }, RegistrationDeadline).Code);
        Assert.Equal("not_registered", Refused(s, new CheckIn { By = Organizer, CheckInCode = "C002" }, day).Code);
        Assert.Equal("not_registered", Refused(s, new CheckIn { By = Organizer, PersonKey = "pk9" }, day).Code);
        Assert.Equal("not_organiser", Refused(s, new CheckIn { By = Liaison, CheckInCode = "C001" }, day).Code);
        var checkedIn = Run(s, new CheckIn { By = Organizer, CheckInCode = "c001" }, day);
        Assert.Equal(day, checkedIn.Registered[0].CheckedInAt);
        Assert.Equal("already_checked_in", Refused(checkedIn, new CheckIn { By = Organizer, PersonKey = "pk1" }, day).Code);
    }

    [Fact]
    public void Attendance_after_the_end_with_hours_within_the_duration()
    {
        var s = WithRegistrations(2, 3);
        AttendanceLine[] lines = [new("pk1", 2.5m), new("pk2", 1m)];
        Assert.Equal("activity_not_ended", Refused(s, new RecordAttendance { By = Organizer, Lines = lines }, Ends.AddMinutes(-1)).Code);
        Assert.Equal("hours_out_of_range", Refused(s, new RecordAttendance { By = Organizer, Lines = [new("pk1", 3m)] }, Ends).Code);
        Assert.Equal("hours_out_of_range", Refused(s, new RecordAttendance { By = Organizer, Lines = [new("pk1", 0m)] }, Ends).Code);
        Assert.Equal("not_registered", Refused(s, new RecordAttendance { By = Organizer, Lines = [new("pk3", 1m)] }, Ends).Code);
        Assert.Equal("not_organiser", Refused(s, new RecordAttendance { By = Resident, Lines = lines }, Ends).Code);
        var done = Run(s, new RecordAttendance { By = Organizer, Lines = lines, PhotoIds = ["ph1"] }, Ends.AddHours(1));
        Assert.Equal((ActivityStatus.Completed, 2.5m, 1m), (done.Status, done.Registered[0].Hours, done.Registered[1].Hours));
        var shown = Run(done, new ShowcaseActivity { By = Organizer }, Ends.AddDays(1));
        Assert.True(shown.Showcase);
        Assert.Equal("already_showcased", Refused(shown, new ShowcaseActivity { By = Organizer }, Ends.AddDays(1)).Code);
    }

    [Fact]
    public void The_organiser_revises_name_category_place_and_introduction_before_the_start_and_nothing_else()
    {
        var s = WithRegistrations(2, 3);
        ReviseActivity Revise(Actor by, string place = "柳巷社区党群服务中心二楼", string title = "学雷锋便民服务日", string category = "volunteer") =>
            new() { By = by, Title = title, Category = category, Description = "理发、量血压、小家电维修。", Place = place };
        Assert.Equal("not_organiser", Refused(s, Revise(Liaison), T0).Code);
        Assert.Equal("not_organiser", Refused(s, Revise(Resident), T0).Code);
        Assert.Equal("place_required", Refused(s, Revise(Organizer, place: "  "), T0).Code);
        Assert.Equal("title_too_long", Refused(s, Revise(Organizer, title: new string('活', ActivityLimits.TitleMax + 1)), T0).Code);
        Assert.Equal("unknown_category", Refused(s, Revise(Organizer, category: "nope"), T0).Code);
        Assert.Equal("nothing_changed", Refused(s, Revise(Organizer, place: " 柳巷社区广场 "), T0).Code);
        Assert.Equal("activity_started", Refused(s, Revise(Organizer), Starts).Code);

        var verdict = Module.Decide(s, Revise(Organizer, title: "学雷锋便民服务日（室内）"), T0.AddDays(1));
        var revised = Assert.IsType<ActivityRevised>(Assert.Single(verdict.Events));
        Assert.Equal(["名称", "地点"], revised.Changed);
        var after = verdict.Events.Aggregate(s, Module.Evolve);
        Assert.Equal(("学雷锋便民服务日（室内）", "柳巷社区党群服务中心二楼"), (after.Title, after.Place));
        // What registrations and timers rest on stays: times, places, the people and their order.
        Assert.Equal((s.StartsAt, s.Deadline, s.Capacity, s.Status), (after.StartsAt, after.Deadline, after.Capacity, after.Status));
        Assert.Equal(s.Registered.Select(p => p.PersonKey), after.Registered.Select(p => p.PersonKey));
        Assert.Equal(s.Waiting.Select(p => p.PersonKey), after.Waiting.Select(p => p.PersonKey));
        Assert.Equal(Module.Timers(s), Module.Timers(after));
        Assert.Equal("true", Module.Facts(s, after, revised)["placeChanged"]);
        Assert.Equal("修改了名称、地点", Module.Audit(revised).Why);
        var cancelled = Run(after, new CancelActivity { By = Organizer, Reason = "改期" }, T0.AddDays(2));
        Assert.Equal("activity_cancelled", Refused(cancelled, Revise(Organizer, place: "别处"), T0.AddDays(2)).Code);
    }

    [Fact]
    public void A_cancelled_activity_takes_no_registrations()
    {
        Assert.Equal("not_organiser", Refused(Announced(), new CancelActivity { By = Liaison, Reason = "下雨" }, T0).Code);
        var s = Run(Announced(), new CancelActivity { By = Organizer, Reason = "暴雨预警，改期举行。" }, T0.AddDays(1));
        Assert.Equal("activity_cancelled", Refused(s, Register(1), T0.AddDays(1)).Code);
        Assert.Equal(TimerStage.Erase, Assert.Single(Module.Timers(s)).Stage); // only the retention timer is left
    }

    [Fact]
    public void Timers_close_registration_at_the_deadline_and_remind_the_day_before()
    {
        var s = WithRegistrations(2, 1);
        var timers = Module.Timers(s);
        var due = Assert.Single(timers, t => t.Stage == TimerStage.Due);
        var remind = Assert.Single(timers, t => t.Stage == TimerStage.Remind);
        Assert.Equal((RegistrationDeadline, Starts.AddDays(-1)), (due.FireAt, remind.FireAt));
        Assert.IsType<Wake<ActivityCommand>.Run>(Module.OnTimer(s, due, RegistrationDeadline));
        Assert.IsType<Wake<ActivityCommand>.Remind>(Module.OnTimer(s, remind, remind.FireAt));
        var closed = Run(s, new CloseRegistration { By = Actor.System }, RegistrationDeadline);
        Assert.IsType<Wake<ActivityCommand>.Stale>(Module.OnTimer(closed, due, RegistrationDeadline));
    }

    [Fact]
    public void List_rows_show_counts_never_names_or_phones()
    {
        var s = WithRegistrations(2, 3);
        var row = Module.Lists(s)!;
        Assert.Equal((2, 1), ((int)row.Fields["RegisteredCount"]!, (int)row.Fields["WaitingCount"]!));
        var text = string.Join("|", row.Fields.Values);
        foreach (var p in s.Registered.Concat(s.Waiting))
        {
            Assert.DoesNotContain(p.Name, text);
            Assert.DoesNotContain(p.Phone, text);
            Assert.DoesNotContain(p.PersonKey, text);
        }
    }

    [Fact]
    public void Registrants_contacts_are_erased_by_the_retention_timer_after_the_end_keeping_keys_hours_and_counts()
    {
        // Two places, three people: pk3 waits; pk2 cancels (pk3 moves up); the organiser records hours after the end.
        var s = Run(WithRegistrations(2, 3), Unregister(2), T0.AddDays(1));
        s = Run(s, new RecordAttendance { By = Organizer, Lines = [new("pk1", 2.5m), new("pk3", 1m)] }, Ends.AddHours(1));
        var erase = Assert.Single(Module.Timers(s), t => t.Stage == TimerStage.Erase);
        Assert.Equal((Ends, Ends + ContactRetention.DefaultEraseAfter), (erase.StartedAt, erase.FireAt));

        var run = Assert.IsType<Wake<ActivityCommand>.Run>(Module.OnTimer(s, erase, erase.FireAt));
        Assert.Equal("role_not_allowed", Refused(s, new EraseRegistrantContacts { By = Organizer, EndedAt = Ends }, erase.FireAt).Code);
        Assert.Equal("timer_stale", Refused(s, new EraseRegistrantContacts { By = Actor.System, EndedAt = T0 }, erase.FireAt).Code);
        var verdict = Module.Decide(s, run.Command, erase.FireAt);
        Assert.True(Module.Erases(Assert.Single(verdict.Events)));
        var erased = verdict.Events.Aggregate(s, Module.Evolve);

        Assert.All(erased.Registered, p => Assert.Equal(("", ""), (p.Name, p.Phone)));
        Assert.Equal(s.Registered.Select(p => (p.PersonKey, p.Hours, p.CheckedInAt, p.Audience)), erased.Registered.Select(p => (p.PersonKey, p.Hours, p.CheckedInAt, p.Audience)));
        var (before, after) = (Module.Lists(s)!.Fields, Module.Lists(erased)!.Fields);
        Assert.Equal(before.OrderBy(f => f.Key), after.OrderBy(f => f.Key)); // counts, hours and the list's time unchanged
        Assert.Equal(erase.FireAt, erased.ContactsErasedAt);
        Assert.DoesNotContain(Module.Timers(erased), t => t.Stage == TimerStage.Erase);
        Assert.Equal("timer_stale", Refused(erased, run.Command, erase.FireAt).Code);

        // Every stored registration loses the name and phone, the cancelled one's too; nothing else is rewritten.
        var registration = new ParticipantRegistered { OccurredAt = T0, By = Resident, Participant = new("pk2", "居民2", "13900000002", ActivityAudience.Residents, "h2", "C002", T0) };
        var redacted = Assert.IsType<ParticipantRegistered>(Module.Redacted(erased, registration)).Participant;
        Assert.Equal(("pk2", "", "", "h2"), (redacted.PersonKey, redacted.Name, redacted.Phone, redacted.CancelCodeHash));
        Assert.Null(Module.Redacted(erased, new RegistrationCancelled { OccurredAt = T0, By = Resident, PersonKey = "pk2" }));
    }

    [Fact]
    public void A_cancelled_activity_erases_from_the_cancel_and_the_timer_armed_for_its_end_is_stale()
    {
        var s = WithRegistrations(3, 2);
        var atEnd = Assert.Single(Module.Timers(s), t => t.Stage == TimerStage.Erase);
        var cancelledAt = T0.AddDays(2);
        var cancelled = Run(s, new CancelActivity { By = Organizer, Reason = "暴雨预警，改期举行。" }, cancelledAt);
        var atCancel = Assert.Single(Module.Timers(cancelled), t => t.Stage == TimerStage.Erase);
        Assert.Equal((cancelledAt, cancelledAt + ContactRetention.DefaultEraseAfter), (atCancel.StartedAt, atCancel.FireAt));
        var stale = Assert.IsType<Wake<ActivityCommand>.Run>(Module.OnTimer(cancelled, atEnd, atEnd.FireAt)).Command;
        Assert.Equal("timer_stale", Refused(cancelled, stale, atEnd.FireAt).Code);
        var current = Assert.IsType<Wake<ActivityCommand>.Run>(Module.OnTimer(cancelled, atCancel, atCancel.FireAt)).Command;
        var erased = Module.Decide(cancelled, current, atCancel.FireAt).Events.Aggregate(cancelled, Module.Evolve);
        Assert.All(erased.Registered, p => Assert.Equal("", p.Name));
        Assert.Equal((ActivityStatus.Cancelled, cancelledAt), (erased.Status, erased.EndedAt));
    }
}
