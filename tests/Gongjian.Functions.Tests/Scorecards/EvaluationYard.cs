using Gongjian.Functions.Records;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Scorecards;

/// <summary>
/// A known 2026 of evaluation records in 财源街道, written to table <c>records</c> by the app's own <see cref="RecordBook"/>
/// (the modules' notifiers write through it; RecordsTests checks they do): who did what, by hand.
/// </summary>
public static class EvaluationYard
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static EvaluationRecord R(string id, string kind, string source, string? unit, string? community, int month, double? hours = null,
        string? person = null, string title = "共建记录") => new()
    {
        Id = id, Kind = kind, SourceId = source, StreetId = "caiyuan", CommunityId = community, UnitId = unit, UnitName = unit,
        ClaimerKind = person is null ? "unit" : "volunteer", PersonKey = person, Title = title, Hours = hours,
        At = new DateTimeOffset(2026, month, 10, 10, 0, 0, China),
    };

    /// <summary>
    /// 宝盛: 2 claims (Mar, May), a milestone (May), 1 commitment met (Jun), hosts activity ac1 in dongqili (Apr, two attend, 2 h each);
    /// 卫生服务中心: 1 claim (Feb), 6.5 volunteer hours (Mar), a booking hosted (Jun); a person's wish in qingshan (Apr);
    /// 仙营's record never shows in 财源.
    /// </summary>
    public static readonly EvaluationRecord[] Year2026 =
    [
        R("r1", RecordKinds.ProjectClaim, "pj1", "baosheng-property", "dongqili", 3, title: "楼道亮灯"),
        R("r2", RecordKinds.ProjectClaim, "pj2", "baosheng-property", "sanlian", 5, title: "小区停车整治"),
        R("r3", RecordKinds.MilestoneReport, "pj1", "baosheng-property", "dongqili", 5, title: "楼道亮灯·一期"),
        R("r4", RecordKinds.CommitmentMet, "ur1", "baosheng-property", "dongqili", 6, title: "清理楼道杂物"),
        R("r5", RecordKinds.ActivityHosted, "ac1", "baosheng-property", "dongqili", 4, 4, title: "楼道清洁日"),
        R("r6", RecordKinds.ActivityAttended, "ac1", null, "dongqili", 4, 2, person: "p1", title: "楼道清洁日"),
        R("r7", RecordKinds.ActivityAttended, "ac1", null, "dongqili", 4, 2, person: "p2", title: "楼道清洁日"),
        R("r8", RecordKinds.ProjectClaim, "pj3", "caiyuan-health-centre", "qingshan", 2, title: "健康服务在身边"),
        R("r9", RecordKinds.ServiceHours, "pe1", "caiyuan-health-centre", "qingshan", 3, 6.5, person: "p3", title: "义诊"),
        R("r10", RecordKinds.BookingHosted, "bk1", "caiyuan-health-centre", null, 6, title: "健康教室·2026-06-10"),
        R("r11", RecordKinds.WishFulfilled, "w1", null, "qingshan", 4, person: "p4", title: "想要一个新书包"),
        R("x1", RecordKinds.ProjectClaim, "pj9", "xianying-building-party", "xianying-1", 3) with { StreetId = "xianying" },
    ];

    /// <summary>Writes the year's records, and adds 仙营街道 to the directory: another street, whose units 财源's organizer may not score.</summary>
    public static async Task WriteAsync(TestApp app)
    {
        var directory = app.Services.GetRequiredService<Gongjian.Functions.Communities.CommunityDirectory>();
        await directory.AddAsync(Gongjian.Functions.Seed.DemoData.Xianying, CancellationToken.None);
        foreach (var c in Gongjian.Functions.Seed.DemoData.XianyingCommunities) await directory.AddAsync(c, CancellationToken.None);
        foreach (var u in Gongjian.Functions.Seed.DemoData.XianyingUnits) await directory.AddAsync(u, CancellationToken.None);
        var book = app.Services.GetRequiredService<RecordBook>();
        foreach (var r in Year2026) await book.WriteAsync(r, CancellationToken.None);
    }
}
