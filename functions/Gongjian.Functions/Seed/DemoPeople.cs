using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Functions.Access;
using Gongjian.Functions.Orders;
using Gongjian.Functions.People;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 双报到 in 财源街道 (seeds 003 and 004: member units report to the community where they are, with posts 设岗定责 and
/// resources; 在职党员 report where they live, join teams such as the 学雷锋志愿服务队 and log service hours): three unit
/// reports (two accepted, one commitment met) and three people with teams, posts and hours — through the modules' rules.
/// </summary>
public static class DemoPeople
{
    private sealed record UnitDemo(string Unit, string Community, string[] Posts, string[] Resources, int ServiceItems, bool Accept, string? MetEvidence);

    private sealed record PersonDemo(string Community, PersonKind Kind, string Name, string Phone, string WorkUnit, string? UnitId, string Team, string? Post,
        (int DaysAgo, decimal Hours, string What)[] Hours);

    private static readonly UnitDemo[] Reports =
    [
        new("baosheng-property", "dongqili", ["楼道灯具维修岗", "停车秩序引导岗"], ["宝盛网格驿站活动室", "党建联建活动经费"], 12, true,
            "宝盛小区3号楼楼道灯已全部换新，居民回访满意。"),
        new("caiyuan-health-centre", "sanlian", ["健康义诊岗"], ["健康义诊", "慢病老人上门随访"], 12, true, null),
        new("daizong-law-firm", "dongqili", ["法律咨询岗"], ["免费法律咨询"], 4, false, null),
    ];

    private static readonly PersonDemo[] People =
    [
        new("sanlian", PersonKind.PartyMember, "王建国", "13805386621", "泰安市救助管理站", "taian-rescue-station", "xueleifeng", "楼栋长",
            [(9, 3m, "为独居老人送午饭"), (2, 2m, "清理楼道杂物")]),
        new("sanlian", PersonKind.Volunteer, "孙丽", "13805386622", "泰山宝盛置业有限公司", "baosheng-property", "jinguo", null,
            [(5, 4m, "陪伴高龄老人聊天、读报")]),
        new("dongqili", PersonKind.PartyMember, "吴志强", "13805386612", "山东岱宗律师事务所", "daizong-law-firm", "falv", "政策宣讲岗",
            [(12, 2.5m, "社区法律咨询坐诊")]),
    ];

    public static async Task<(int Reports, int People)> SeedAsync(UnitReportStore reports, PersonStore people, PersonKeys keys,
        IReadOnlyDictionary<string, string> unitNames, IReadOnlyDictionary<string, string> resourceIds, DateTimeOffset now, CancellationToken ct)
    {
        var beijing = now.ToOffset(TimeSpan.FromHours(8));
        foreach (var r in Reports)
        {
            var id = UnitReportModule.IdFor(r.Unit, r.Community, beijing.Year);
            var staff = new Actor(ActorRole.Dispatcher, r.Community, "社区派单员");
            var state = (await reports.ExecuteAsync(id, new ReportUnit
            {
                By = new Actor(ActorRole.Liaison, r.Unit), ReportId = id, UnitId = r.Unit, UnitName = unitNames[r.Unit], CommunityId = r.Community,
                StreetId = DemoData.Caiyuan.Id, Year = beijing.Year, Posts = r.Posts, ResourceIds = [.. r.Resources.Select(t => resourceIds[t])],
                ServiceItemsPerYear = r.ServiceItems,
            }, ct, expectNew: true)).Require("unit report " + id);
            if (r.Accept) state = (await reports.ExecuteAsync(id, new AcceptUnitReport { By = staff }, ct)).Require("acceptance of " + id);
            if (r.MetEvidence is { } evidence)
                (await reports.ExecuteAsync(id, new MarkCommitmentMet { By = staff, CommitmentId = state.Commitments[0].Id, Evidence = evidence }, ct))
                    .Require("commitment of " + id);
        }
        foreach (var p in People)
        {
            var key = keys.Of(p.Phone);
            var id = PersonModule.IdFor(p.Community, key);
            var staff = new Actor(ActorRole.Dispatcher, p.Community, "社区派单员");
            (await people.ExecuteAsync(id, new RegisterPerson
            {
                By = PersonModule.Self, PersonId = id, PersonKey = key, CommunityId = p.Community, StreetId = DemoData.Caiyuan.Id, Kind = p.Kind,
                Name = p.Name, Phone = p.Phone, WorkUnit = p.WorkUnit, UnitId = p.UnitId, CodeHash = OrderAccess.HashTrackingCode(OrderIds.NewTrackingCode()),
            }, ct, expectNew: true)).Require("person in " + p.Community);
            (await people.ExecuteAsync(id, new ConfirmPerson { By = staff }, ct)).Require("confirmation");
            (await people.ExecuteAsync(id, new JoinTeam { By = PersonModule.Self, TeamId = p.Team, TeamName = PersonTeams.NameOf(p.Team)! }, ct)).Require("team");
            if (p.Post is { } post) (await people.ExecuteAsync(id, new TakePost { By = PersonModule.Self, Post = post }, ct)).Require("post");
            foreach (var (daysAgo, hours, what) in p.Hours)
                (await people.ExecuteAsync(id, new LogServiceHours
                {
                    By = staff, EntryId = "h" + Guid.NewGuid().ToString("N")[..10], Date = DateOnly.FromDateTime(beijing.AddDays(-daysAgo).DateTime), Hours = hours, What = what,
                }, ct)).Require("hours");
        }
        return (Reports.Length, People.Length);
    }
}
