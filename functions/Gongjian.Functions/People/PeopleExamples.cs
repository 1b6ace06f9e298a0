using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.People;

/// <summary>The 双报到 tag and examples in the published contract.</summary>
public static class PeopleExamples
{
    public static readonly ApiTag Tag = new("双报到 People",
        "成员单位和在职党员、志愿者到社区报到：单位承诺岗位和资源，个人加入队伍、认领岗位、累计服务时长和积分。Units and people report to communities; commitments, teams, hours.");

    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly UnitReportRequest Report = new() { CommunityId = "dongqili", Year = 2026, Posts = ["政策宣讲岗", "环境整治岗"], ServiceItemsPerYear = 12 };

    public static readonly EvidenceRequest Evidence = new() { Evidence = "3月5日在小区广场开展政策宣讲一次，40 余名居民参加。" };

    public static readonly UnitReportView UnitReport = new("baosheng-property-dongqili-2026", "accepted", "已接收", "baosheng-property", "泰山宝盛置业有限公司",
        "dongqili", "东七里社区", "caiyuan", 2026, 12,
        [new("post-1", "post", "政策宣讲岗", true, At.AddDays(4), Evidence.Evidence), new("post-2", "post", "环境整治岗", false, null, null),
         new("service-items", "serviceitems", "全年服务 12 项", false, null, null)], 3, 1, At, At.AddDays(1));

    public static readonly UnitReportPage UnitReports = new([new("baosheng-property-dongqili-2026", "accepted", "已接收", "baosheng-property", "泰山宝盛置业有限公司",
        "dongqili", 2026, 3, 1, At)], null);

    public static readonly PersonRequest Register = new()
    {
        CommunityId = "dongqili", Kind = "partyMember", Name = "李志强", Phone = "13905381234", WorkUnit = "泰山区税务局",
    };

    public static readonly TeamRequest Team = new() { TeamId = "xueleifeng" };
    public static readonly PostRequest Post = new() { Post = "楼栋长" };
    public static readonly HoursRequest Hours = new() { Date = "2026-03-05", Hours = 2.5m, What = "清理楼道杂物" };

    public static readonly PersonView Person = new("dongqili-3f9a0c1d2e4b5a6c", "confirmed", "已确认", "partyMember", "在职党员", "dongqili", "东七里社区",
        "李志强", "13905381234", "泰山区税务局", null, [new("xueleifeng", "学雷锋志愿服务队", 0)], ["楼栋长"], 2.5, 25, 0,
        [new("h0123456789abcdef", "2026-03-05", 2.5, "清理楼道杂物")], At, At.AddHours(2), null);

    public static readonly PersonPage People = new([new("dongqili-3f9a0c1d2e4b5a6c", "confirmed", "已确认", "partyMember", "在职党员", "李志强", "13905381234",
        ["学雷锋志愿服务队"], 2.5, At)], null);

    public static readonly TeamsView Teams = new("dongqili",
        [.. PersonTeams.Kinds.Select((k, i) => new CommunityTeamView(k.Id, k.Name, i == 0 ? 12 : 0, true, null, false)),
         new("t3f2a9c41d0", "红色物业服务队", 5, false, "物业党员和居民志愿者一起巡查楼道、维修公共设施。", false)]);

    public static readonly TeamCreateRequest NewTeam = new() { Name = "红色物业服务队", Purpose = "物业党员和居民志愿者一起巡查楼道、维修公共设施。" };

    public static readonly CommunityTeamView CreatedTeam = new("t3f2a9c41d0", "红色物业服务队", 0, false, "物业党员和居民志愿者一起巡查楼道、维修公共设施。", false);
}
