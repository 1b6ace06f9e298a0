using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Projects;

/// <summary>The projects API's tag and examples in the published contract.</summary>
public static class ProjectExamples
{
    public static readonly ApiTag Tag = new("项目清单 Projects",
        "街道、社区发布服务项目，成员单位认领并按节点填报进展。Service projects published by a street or community, claimed by member units, reported per milestone.");

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly CreateProjectRequest Create = new()
    {
        Title = "健康服务在身边", Category = "医疗健康", Goal = "组织辖区医疗单位为老年人开展义诊和健康讲座。", NeedIds = [],
        StartsOn = Start, EndsOn = Start.AddMonths(6), UnitsWanted = 5,
        Milestones = [new() { Title = "首场义诊", DueAt = Start.AddMonths(1) }, new() { Title = "健康讲座", DueAt = Start.AddMonths(3) }],
    };

    public static readonly ClaimRequest Claim = new() { Commitment = "每月派两名医生到社区义诊。", ProvideBy = Start.AddMonths(1) };

    public static readonly ReportRequest Report = new() { Text = "首场义诊已完成，服务 40 人次。", Photos = [] };

    public static readonly ProjectTextRequest Text = new() { Text = "首场义诊已完成，服务 40 人次。" };

    public static readonly ProjectView Project = new("pj0123456789ab", "健康服务在身边", "医疗健康", "published", "认领中", "caiyuan", null,
        "组织辖区医疗单位为老年人开展义诊和健康讲座。", [], Start, Start.AddMonths(6), 5, 1, 0,
        [new("m1", "首场义诊", Start.AddMonths(1), false, [])],
        [new("cl0123456789", "caiyuan-hospital", "财源街道社区卫生服务中心", "每月派两名医生到社区义诊。", Start.AddMonths(1), "pending", Start.AddDays(1), null, null)],
        null, Start, 3);

    public static readonly ProjectPage Page = new([new("pj0123456789ab", "健康服务在身边", "医疗健康", "in_progress", null, 5, 3, 3,
        "财源街道社区卫生服务中心、东七里社区志愿服务队", Start.AddMonths(1), false, Start, Start.AddMonths(6))]);
}
