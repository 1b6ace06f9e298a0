using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.Deliberations.DeliberationFixtures;

namespace Gongjian.Domain.Tests.Deliberations;

/// <summary>提审议办评, case by case: what is accepted, and the code and kind of every refusal.</summary>
public sealed class DeliberationDecideTests
{
    private static Rejection Refused(DeliberationState s, DeliberationCommand c, DateTimeOffset at)
    {
        var v = Module.Decide(s, c, at);
        Assert.False(v.IsAccepted);
        Assert.Empty(v.Events);
        return v.Rejection!;
    }

    [Fact]
    public void A_resident_raises_a_topic_and_its_text_is_masked_of_their_name_and_phone()
    {
        var s = Raised();
        Assert.Equal(DeliberationStatus.Raised, s.Status);
        Assert.DoesNotContain("13912345678", s.Description);
        Assert.DoesNotContain("王小明", s.Description);
        Assert.Equal("13912345678", s.Contact!.Phone); // kept for staff
        var row = Module.Lists(s)!;
        Assert.Contains("c-c1", row.Partitions);
        Assert.DoesNotContain("p-s1", row.Partitions); // public once decided
        Assert.DoesNotContain(row.Fields.Values, v => v is string t && (t.Contains("1391234") || t.Contains("王小明")));
    }

    public static TheoryData<string, string, RejectionKind> BadRaises() => new()
    {
        { "title", "title_required", RejectionKind.Invalid }, { "long_title", "title_too_long", RejectionKind.Invalid },
        { "no_contact", "contact_required", RejectionKind.Invalid }, { "bad_phone", "invalid_phone", RejectionKind.Invalid },
        { "source", "unknown_source", RejectionKind.Invalid }, { "resident_as_staff", "role_not_allowed", RejectionKind.Forbidden },
        { "liaison_as_grid", "role_not_allowed", RejectionKind.Forbidden },
    };

    [Theory, MemberData(nameof(BadRaises))]
    public void A_bad_topic_is_refused_with_its_code(string what, string code, RejectionKind kind)
    {
        var ok = Raise();
        RaiseTopic c = what switch
        {
            "title" => ok with { Title = " " },
            "long_title" => ok with { Title = new string('议', 61) },
            "no_contact" => ok with { Contact = null },
            "bad_phone" => ok with { Contact = new Contact("王小明", "12345") },
            "source" => ok with { Source = "mayor" },
            "resident_as_staff" => ok with { Source = TopicSource.Staff },
            _ => Raise(Liaison, TopicSource.GridWorker),
        };
        var r = Refused(DeliberationState.Initial, c, T0);
        Assert.Equal(code, r.Code);
        Assert.Equal(kind, r.Kind);
    }

    [Fact]
    public void A_unit_raises_a_topic_in_its_own_name()
    {
        var s = Run(DeliberationState.Initial, Raise(Liaison, TopicSource.Unit), T0);
        Assert.Equal("unit-1", s.UnitId);
        Assert.Contains("u-unit-1", Module.Lists(s)!.Partitions);
    }

    [Fact]
    public void Review_is_staffs_accept_decline_with_reason_or_answer()
    {
        Assert.Equal("role_not_allowed", Refused(Raised(), new AcceptTopic { By = Resident }, T0).Code);
        Assert.Equal("reason_required", Refused(Raised(), new DeclineTopic { By = Dispatcher, Reason = " " }, T0).Code);
        var declined = Run(Raised(), new DeclineTopic { By = Dispatcher, Reason = "属于业主委员会事项，已转交。" }, T0.AddHours(1));
        Assert.Equal(DeliberationStatus.Declined, declined.Status);
        Assert.Equal("deliberation_declined", Refused(declined, new AcceptTopic { By = Dispatcher }, T0.AddHours(2)).Code);
        var answered = Run(Raised(), new AnswerTopic { By = Dispatcher, Answer = "物业已答应本周修好。" }, T0.AddHours(1));
        Assert.Equal(DeliberationStatus.Answered, answered.Status);
        Assert.Equal("deliberation_not_found", Refused(DeliberationState.Initial, new AcceptTopic { By = Dispatcher }, T0).Code);
        Assert.Equal("deliberation_exists", Refused(Raised(), Raise(), T0).Code);
    }

    public static TheoryData<string, string> BadMeetings() => new()
    {
        { "past", "meeting_in_past" }, { "place", "place_required" }, { "parties", "parties_required" }, { "party", "unknown_party" },
        { "question", "question_required" }, { "rule", "unknown_rule" }, { "deadline", "invalid_vote_deadline" },
    };

    [Theory, MemberData(nameof(BadMeetings))]
    public void A_bad_meeting_is_refused(string what, string code)
    {
        var ok = Schedule();
        ScheduleMeeting c = what switch
        {
            "past" => ok with { At = T0 },
            "place" => ok with { Place = "" },
            "parties" => ok with { Parties = [], UnitIds = [] },
            "party" => ok with { Parties = ["mayor"] },
            "question" => ok with { Vote = ok.Vote! with { Question = "" } },
            "rule" => ok with { Vote = ok.Vote! with { Rule = "loudest" } },
            _ => ok with { Vote = ok.Vote! with { ClosesAt = T0 } },
        };
        Assert.Equal(code, Refused(Accepted(), c, T0.AddHours(2)).Code);
    }

    [Fact]
    public void Scheduling_needs_an_accepted_topic_and_adds_the_units_party()
    {
        Assert.Equal("deliberation_raised", Refused(Raised(), Schedule(), T0.AddHours(1)).Code);
        var s = Scheduled();
        Assert.Contains(DeliberationParty.Units, s.Meeting!.Parties);
        Assert.Contains("u-unit-1", Module.Lists(s)!.Partitions);
    }

    [Fact]
    public void A_vote_after_the_deadline_or_twice_is_refused()
    {
        var s = Run(Scheduled(), new CastVote { By = Resident, VoterKey = "pk1", Choice = VoteChoice.For }, MeetingAt);
        var twice = Refused(s, new CastVote { By = Resident, VoterKey = "pk1", Choice = VoteChoice.Against }, MeetingAt.AddMinutes(1));
        Assert.Equal(("already_voted", RejectionKind.Conflict), (twice.Code, twice.Kind));
        var late = Refused(s, new CastVote { By = Resident, VoterKey = "pk2", Choice = VoteChoice.For }, VoteClosesAt);
        Assert.Equal(("vote_closed", RejectionKind.Conflict), (late.Code, late.Kind));
        Assert.Equal("unknown_choice", Refused(s, new CastVote { By = Resident, VoterKey = "pk2", Choice = "maybe" }, MeetingAt).Code);
        var closed = Run(s, new CloseVote { By = Actor.System }, VoteClosesAt);
        Assert.Equal("vote_closed", Refused(closed, new CastVote { By = Resident, VoterKey = "pk3", Choice = VoteChoice.For }, MeetingAt).Code);
        Assert.Equal("vote_closed", Refused(Scheduled(vote: false), new CastVote { By = Resident, VoterKey = "pk3", Choice = VoteChoice.For }, MeetingAt).Code);
        Assert.Equal("vote_closed", Refused(Accepted(), new CastVote { By = Resident, VoterKey = "pk3", Choice = VoteChoice.For }, MeetingAt).Code);
    }

    [Theory]
    [InlineData(VoteRule.SimpleMajority, 3, 2, 0, true)]
    [InlineData(VoteRule.SimpleMajority, 2, 1, 1, false)] // abstentions count as cast: 2 of 4 is not more than half
    [InlineData(VoteRule.TwoThirds, 4, 2, 0, true)]
    [InlineData(VoteRule.TwoThirds, 3, 2, 0, false)]
    [InlineData(VoteRule.SimpleMajority, 0, 0, 0, false)]
    public void The_vote_is_counted_by_its_stated_rule(string rule, int yes, int no, int abstain, bool passed)
    {
        var s = Scheduled(rule: rule);
        var n = 0;
        foreach (var (choice, count) in new[] { (VoteChoice.For, yes), (VoteChoice.Against, no), (VoteChoice.Abstain, abstain) })
            for (var i = 0; i < count; i++) s = Run(s, new CastVote { By = Resident, VoterKey = $"pk{n++}", Choice = choice }, MeetingAt);
        Assert.Equal("vote_not_due", Refused(s, new CloseVote { By = Dispatcher }, MeetingAt).Code);
        var v = Module.Decide(s, new CloseVote { By = Actor.System }, VoteClosesAt);
        var closed = Assert.IsType<VoteClosed>(Assert.Single(v.Events));
        Assert.Equal(passed, closed.Passed);
        Assert.Equal(new VoteTally(yes, no, abstain), closed.Tally);
    }

    [Fact]
    public void Opinions_are_masked_and_come_from_the_allowed_people()
    {
        var s = Run(Scheduled(), new AddOpinion { By = Resident, AuthorKind = DeliberationParty.Residents, PersonKey = "pk9", Text = "同意，有事打我 13800001111" }, T0.AddHours(3));
        Assert.DoesNotContain("13800001111", s.Opinions[0].Text);
        Assert.Equal("role_not_allowed", Refused(s, new AddOpinion { By = Resident, AuthorKind = DeliberationParty.PropertyCompany, PersonKey = "pk9", Text = "好" }, T0).Code);
        Assert.Equal("role_not_allowed", Refused(s, new AddOpinion { By = Liaison, AuthorKind = DeliberationParty.Residents, Text = "好" }, T0).Code);
        Assert.Equal("opinion_required", Refused(s, new AddOpinion { By = Dispatcher, AuthorKind = DeliberationParty.PropertyCompany, Text = "" }, T0).Code);
        Assert.Equal("unknown_author", Refused(s, new AddOpinion { By = Dispatcher, AuthorKind = "mayor", Text = "好" }, T0).Code);
        var unit = Run(s, new AddOpinion { By = Liaison, AuthorKind = DeliberationParty.Units, Text = "我单位可出 2 名电工。" }, T0.AddHours(4));
        Assert.Equal("unit-1", unit.Opinions[1].UnitId);
    }

    [Fact]
    public void A_decision_needs_the_meeting_held_the_vote_closed_and_something_to_do()
    {
        Assert.Equal("meeting_not_held", Refused(Scheduled(vote: false), Decide(), MeetingAt.AddMinutes(-1)).Code);
        Assert.Equal("vote_open", Refused(Scheduled(), Decide(), MeetingAt.AddMinutes(30)).Code);
        var nothing = Refused(VoteClosed(), Decide() with { Actions = [] }, VoteClosesAt);
        Assert.Equal(("decision_refers_to_nothing", RejectionKind.Invalid), (nothing.Code, nothing.Kind));
        Assert.Equal("decision_refers_to_nothing", Refused(VoteClosed(), Decide(new PlannedAction(ActionKind.Project, "")), VoteClosesAt).Code);
        Assert.Equal("action_address_required", Refused(VoteClosed(), Decide(new PlannedAction(ActionKind.Order, "修路")), VoteClosesAt).Code);
        Assert.Equal("unknown_category", Refused(VoteClosed(), Decide(new PlannedAction(ActionKind.Order, "修路", "roads", "东门")), VoteClosesAt).Code);
        Assert.Equal("unknown_action", Refused(VoteClosed(), Decide(new PlannedAction("wish", "修路")), VoteClosesAt).Code);
        Assert.Equal("minutes_required", Refused(VoteClosed(), Decide() with { Minutes = "" }, VoteClosesAt).Code);
        Assert.Equal("role_not_allowed", Refused(VoteClosed(), Decide() with { By = Liaison }, VoteClosesAt).Code);
        var s = Decided();
        Assert.Equal(DeliberationStatus.Decided, s.Status);
        Assert.Contains("p-s1", Module.Lists(s)!.Partitions);
    }

    [Fact]
    public void Orders_are_linked_once_and_their_ends_deliver_the_decision()
    {
        var s = Decided(new PlannedAction(ActionKind.Order, "加装充电桩", "repair", "东门"), new PlannedAction(ActionKind.Project, "楼道清理", ProjectId: "pj1"));
        Assert.Equal("pj1", s.Actions[1].TargetId);
        Assert.Equal("not_an_order_action", Refused(s, new LinkAction { By = Dispatcher, ActionNo = 2, TargetId = "o1" }, VoteClosesAt).Code);
        Assert.Equal("action_not_found", Refused(s, new LinkAction { By = Dispatcher, ActionNo = 7, TargetId = "o1" }, VoteClosesAt).Code);
        s = Run(s, new LinkAction { By = Dispatcher, ActionNo = 1, TargetId = "o1" }, VoteClosesAt.AddHours(1));
        Assert.Equal(DeliberationStatus.Acting, s.Status);
        Assert.Equal("action_already_linked", Refused(s, new LinkAction { By = Dispatcher, ActionNo = 1, TargetId = "o2" }, VoteClosesAt).Code);
        Assert.Equal("action_not_found", Refused(s, new CompleteAction { By = Actor.System, TargetId = "o9", Outcome = ActionOutcome.Completed }, VoteClosesAt).Code);
        s = Run(s, new CompleteAction { By = Actor.System, TargetId = "o1", Outcome = ActionOutcome.Completed }, VoteClosesAt.AddDays(3));
        Assert.Equal(DeliberationStatus.Acting, s.Status);
        Assert.Equal("action_already_done", Refused(s, new CompleteAction { By = Actor.System, TargetId = "o1", Outcome = ActionOutcome.Completed }, VoteClosesAt).Code);
        Assert.Equal("deliberation_acting", Refused(s, new RateResult { By = Resident, PersonKey = "pk1", Stars = 5 }, VoteClosesAt).Code); // 评 after 办
        s = Run(s, new CompleteAction { By = Actor.System, TargetId = "pj1", Outcome = ActionOutcome.Completed }, VoteClosesAt.AddDays(9));
        Assert.Equal(DeliberationStatus.Delivered, s.Status);
        Assert.NotNull(s.DeliveredAt);
    }

    [Fact]
    public void Residents_rate_once_and_staff_close()
    {
        var s = Decided();
        s = Run(s, new LinkAction { By = Dispatcher, ActionNo = 1, TargetId = "o1" }, VoteClosesAt.AddHours(1));
        s = Run(s, new CompleteAction { By = Actor.System, TargetId = "o1", Outcome = ActionOutcome.Completed }, VoteClosesAt.AddDays(2));
        s = Run(s, new RateResult { By = Resident, PersonKey = "pk1", Stars = 5, Comment = "充电桩好用，谢谢！" }, VoteClosesAt.AddDays(3));
        Assert.Equal("already_rated", Refused(s, new RateResult { By = Resident, PersonKey = "pk1", Stars = 1 }, VoteClosesAt.AddDays(4)).Code);
        Assert.Equal("invalid_rating", Refused(s, new RateResult { By = Resident, PersonKey = "pk2", Stars = 6 }, VoteClosesAt.AddDays(4)).Code);
        Assert.Equal("role_not_allowed", Refused(s, new RateResult { By = Liaison, PersonKey = "pk2", Stars = 4 }, VoteClosesAt.AddDays(4)).Code);
        Assert.Equal("role_not_allowed", Refused(s, new CloseDeliberation { By = Resident }, VoteClosesAt.AddDays(4)).Code);
        s = Run(s, new CloseDeliberation { By = Dispatcher }, VoteClosesAt.AddDays(5));
        Assert.Equal(DeliberationStatus.Closed, s.Status);
        Assert.Equal(5.0, s.AverageRating);
    }

    [Fact]
    public void Timers_review_reminder_meeting_reminder_and_vote_deadline()
    {
        var raised = Raised();
        var review = Assert.Single(Module.Timers(raised));
        Assert.Equal(T0.AddDays(3), review.FireAt);
        Assert.IsType<Wake<DeliberationCommand>.Remind>(Module.OnTimer(raised, review, review.FireAt));
        Assert.IsType<Wake<DeliberationCommand>.Stale>(Module.OnTimer(Accepted(), review, review.FireAt));

        var s = Scheduled();
        var timers = Module.Timers(s);
        var meeting = timers.Single(t => t.Step == DeliberationModule.MeetingStep);
        Assert.Equal(MeetingAt.AddDays(-1), meeting.FireAt);
        var vote = timers.Single(t => t.Step == DeliberationModule.VoteStep);
        Assert.Equal(VoteClosesAt, vote.FireAt);
        var run = Assert.IsType<Wake<DeliberationCommand>.Run>(Module.OnTimer(s, vote, VoteClosesAt));
        var closed = Run(s, run.Command, VoteClosesAt);
        Assert.True(closed.VoteClosed);
        Assert.DoesNotContain(Module.Timers(closed), t => t.Step == DeliberationModule.VoteStep);
        Assert.IsType<Wake<DeliberationCommand>.Stale>(Module.OnTimer(closed, vote, VoteClosesAt));
    }

    [Fact]
    public void The_raisers_contact_is_redacted_from_stored_events()
    {
        var raised = (TopicRaised)Module.Decide(DeliberationState.Initial, Raise(), T0).Events[0];
        var redacted = Assert.IsType<TopicRaised>(Module.Redacted(raised));
        Assert.Null(redacted.Contact);
        Assert.Null(Module.Redacted(new TopicAccepted { By = Dispatcher, OccurredAt = T0 }));
    }

    [Fact]
    public void The_raisers_contact_is_erased_by_the_retention_timer_after_the_topic_ended_and_only_then()
    {
        // On its way: no erase timer, and an erase for a made-up end is stale.
        Assert.DoesNotContain(Module.Timers(Raised()), t => t.Stage == TimerStage.Erase);
        Assert.Equal("timer_stale", Refused(Raised(), new EraseRaiserContact { By = Actor.System, EndedAt = T0 }, T0).Code);

        var declinedAt = T0.AddHours(1);
        var declined = Run(Raised(), new DeclineTopic { By = Dispatcher, Reason = "属于业主委员会事项，已转交。" }, declinedAt);
        var erase = Assert.Single(Module.Timers(declined), t => t.Stage == TimerStage.Erase);
        Assert.Equal(declinedAt + DeliberationModule.DefaultEraseAfter, erase.FireAt);
        Assert.Equal("role_not_allowed", Refused(declined, new EraseRaiserContact { By = Dispatcher, EndedAt = declinedAt }, declinedAt).Code);

        var run = Assert.IsType<Wake<DeliberationCommand>.Run>(Module.OnTimer(declined, erase, erase.FireAt));
        var verdict = Module.Decide(declined, run.Command, erase.FireAt);
        Assert.True(Module.Erases(Assert.Single(verdict.Events)));
        var erased = Run(declined, run.Command, erase.FireAt);
        Assert.Null(erased.Contact);
        Assert.Equal(erase.FireAt, erased.ContactErasedAt);
        // The topic itself stays: its status, its words (masked when raised), the tracking code's hash.
        Assert.Equal((DeliberationStatus.Declined, declined.Title, declined.TrackingCodeHash), (erased.Status, erased.Title, erased.TrackingCodeHash));
        Assert.DoesNotContain(Module.Timers(erased), t => t.Stage == TimerStage.Erase);
        Assert.Equal("timer_stale", Refused(erased, run.Command, erase.FireAt).Code);
    }
}
