using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Deliberations;

internal static class DeliberationFixtures
{
    /// <summary>Raised at 10:00 Beijing time on 1 March; the meeting is 19:30 on 10 March, the vote closes 21:00 that day.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset MeetingAt = new(2026, 3, 10, 19, 30, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset VoteClosesAt = MeetingAt.AddMinutes(90);
    public static readonly DeliberationModule Module = new();
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-d", "八仙社区");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "unit-1", "联络员");
    public static readonly Actor Resident = new(ActorRole.Resident, "public");

    public static RaiseTopic Raise(Actor? by = null, string source = TopicSource.Resident) => new()
    {
        By = by ?? Resident, DeliberationId = "d1", CommunityId = "c1", StreetId = "s1", Estate = "八仙小区",
        Title = "小区东门加装充电桩", Description = "电动车在楼道充电不安全，我是王小明，电话 13912345678。", Source = source,
        Contact = source == TopicSource.Resident ? new Contact("王小明", "13912345678") : null, TrackingCodeHash = source == TopicSource.Resident ? "h" : null,
    };

    public static ScheduleMeeting Schedule(bool vote = true, string rule = VoteRule.SimpleMajority) => new()
    {
        By = Dispatcher, At = MeetingAt, Place = "八仙议事厅",
        Parties = [DeliberationParty.ResidentRepresentatives, DeliberationParty.PropertyCompany], UnitIds = ["unit-1"],
        Vote = vote ? new VoteSpec("是否在东门加装 10 个充电桩", rule, VoteClosesAt) : null,
    };

    public static RecordDecision Decide(params PlannedAction[] actions) => new()
    {
        By = Dispatcher, Minutes = "到会 15 人，物业同意提供场地。", Decision = "在东门加装充电桩，物业负责日常管理。", Attendees = 15,
        Actions = actions.Length == 0 ? [new PlannedAction(ActionKind.Order, "东门加装 10 个电动车充电桩", "repair", "八仙小区东门")] : actions,
    };

    public static DeliberationState Run(DeliberationState s, DeliberationCommand c, DateTimeOffset at)
    {
        var v = Module.Decide(s, c, at);
        if (!v.IsAccepted) throw new InvalidOperationException(v.Rejection!.ToString());
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static DeliberationState Raised() => Run(DeliberationState.Initial, Raise(), T0);
    public static DeliberationState Accepted() => Run(Raised(), new AcceptTopic { By = Dispatcher }, T0.AddHours(1));
    public static DeliberationState Scheduled(bool vote = true, string rule = VoteRule.SimpleMajority) =>
        Run(Accepted(), Schedule(vote, rule), T0.AddHours(2));

    public static DeliberationState VoteClosed() => Run(Scheduled(), new CloseVote { By = Actor.System }, VoteClosesAt);
    public static DeliberationState Decided(params PlannedAction[] actions) => Run(VoteClosed(), Decide(actions), VoteClosesAt.AddMinutes(5));
}
