using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Deliberations;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 议事 in 东七里社区 (seed 001: the 八仙议事厅 where the community's party branch, residents' committee, representatives, old
/// party members, residents, member units and a legal adviser deliberate by 提、审、议、办、评; the 僵尸车 found by a grid
/// worker in 阳光花园小区): a resident's topic at 八仙议事厅 accepted and scheduled with a vote, opinions and votes given;
/// a grid worker's topic answered directly; one topic waiting for review. Through the deliberation rules; the demo's clock
/// is now, so no topic is decided yet (a decision needs the meeting held).
/// </summary>
public static class DemoDeliberations
{
    private static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "dongqili", "东七里社区派单员");

    public static async Task<IReadOnlyList<DeliberationState>> SeedAsync(DeliberationStore store, PersonKeys keys, DateTimeOffset now, CancellationToken ct)
    {
        var seeded = new List<DeliberationState>();
        async Task<DeliberationState> Run(string id, DeliberationCommand command, string what) =>
            (await store.ExecuteAsync(id, command, ct)).Require(what);

        // 八仙议事厅: 提 by a resident, 审 accepted, 议 scheduled in three days with a vote that closes the next evening.
        var charging = DeliberationAccess.NewId(now);
        await Run(charging, new RaiseTopic
        {
            By = DeliberationAccess.Resident, DeliberationId = charging, CommunityId = "dongqili", StreetId = DemoData.Caiyuan.Id, Estate = "宝盛小区",
            Title = "宝盛小区东门加装电动车充电桩", Description = "不少邻居把电动车推进楼道充电，晚上电线拖到楼梯口，很不安全。希望在东门空地加装一排充电桩。",
            Source = TopicSource.Resident, Contact = new Contact("周女士", "13805386601"), TrackingCodeHash = DeliberationAccess.Hash("DEMO-CHRG"),
        }, "topic raised");
        await Run(charging, new AcceptTopic { By = Dispatcher }, "topic accepted");
        var meeting = new DateTimeOffset(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(3).ToDateTime(new TimeOnly(19, 30)), TimeSpan.FromHours(8));
        await Run(charging, new ScheduleMeeting
        {
            By = Dispatcher, At = meeting, Place = "东七里社区八仙议事厅",
            Parties = [DeliberationParty.ResidentRepresentatives, DeliberationParty.PartyMembers, DeliberationParty.PropertyCompany, DeliberationParty.Units],
            UnitIds = ["baosheng-property", "daizong-law-firm"],
            Vote = new VoteSpec("是否在宝盛小区东门空地加装 10 个电动车充电桩", VoteRule.TwoThirds, meeting.AddHours(24)),
        }, "meeting scheduled");
        await Run(charging, new AddOpinion { By = Dispatcher, AuthorKind = DeliberationParty.PropertyCompany, Text = "物业可以提供东门空地，建议装在远离单元门的位置，并加装监控。" }, "opinion");
        await Run(charging, new AddOpinion { By = Dispatcher, AuthorKind = DeliberationParty.PartyMembers, Text = "老党员赞成，建议按次计费，价格要公示。" }, "opinion");
        await Run(charging, new AddOpinion
        {
            By = DeliberationAccess.Resident, AuthorKind = DeliberationParty.Residents, PersonKey = keys.Of("13805386611"), Text = "支持！楼道里充电太危险了。",
        }, "opinion");
        foreach (var (phone, choice) in new[] { ("13805386611", VoteChoice.For), ("13805386612", VoteChoice.For), ("13805386613", VoteChoice.Abstain) })
            await Run(charging, new CastVote { By = DeliberationAccess.Resident, VoterKey = keys.Of(phone), Choice = choice }, "vote");
        seeded.Add((await store.LoadAsync(charging, ct))!.State);

        // A grid worker's topic from 阳光花园小区, answered directly: no meeting needed.
        var car = DeliberationAccess.NewId(now);
        await Run(car, new RaiseTopic
        {
            By = Dispatcher, DeliberationId = car, CommunityId = "dongqili", StreetId = DemoData.Caiyuan.Id, Estate = "阳光花园小区",
            Title = "阳光花园小区一辆“僵尸车”长期占用车位", Description = "网格员巡查时发现一辆落满灰的轿车，半年没挪过，已拍照上传格事坊。", Source = TopicSource.GridWorker,
        }, "grid topic raised");
        seeded.Add(await Run(car, new AnswerTopic { By = Dispatcher, Answer = "已联系交警查询，车辆无人认领，已转交街道城管办依法处理，不需要上会议事。" }, "grid topic answered"));

        // Waiting for review: a member unit's proposal.
        var lights = DeliberationAccess.NewId(now);
        seeded.Add(await Run(lights, new RaiseTopic
        {
            By = new Actor(ActorRole.Liaison, "baosheng-property", "宝盛置业联络员"), DeliberationId = lights, CommunityId = "dongqili", StreetId = DemoData.Caiyuan.Id,
            Estate = "宝盛小区", Title = "小区南侧步道加装路灯", Description = "南侧步道晚上很黑，老人散步不方便，我单位愿意出资一半。", Source = TopicSource.Unit,
        }, "unit topic raised"));
        return seeded;
    }
}
