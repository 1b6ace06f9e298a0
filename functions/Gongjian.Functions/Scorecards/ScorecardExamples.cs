using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>The module indicators' and 年度评议's examples in the published contract (财源街道, 2026).</summary>
public static class ScorecardExamples
{
    public static readonly ApiTag Tag = new("年度评议 Evaluation",
        "年度评议：街道组织方制定评分方案（指标、分值、封顶、评议分、等级分数线，按版本保存），计算、排名、发布成绩，每一分都能追溯到记录；导出 Excel。" +
        "The annual evaluation: versioned schemes, scores, ranks and grades, traceable to the records; Excel export.");

    private static readonly DateTimeOffset At = new(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly RecordFact[] Facts =
    [
        new("project_claim_pj0123456789ab_3", RecordKinds.ProjectClaim, "pj0123456789ab", "dongqili", "caiyuan-hospital", null, At, "健康服务在身边"),
        new("activity_hosted_ac01_5", RecordKinds.ActivityHosted, "ac01", "dongqili", "caiyuan-hospital", 4, At.AddDays(2), "义诊进社区"),
        new("activity_attended_ac01_5_3f2a9c0d", RecordKinds.ActivityAttended, "ac01", "dongqili", null, 2, At.AddDays(2), "义诊进社区"),
        new("activity_attended_ac01_5_9b1e0c7a", RecordKinds.ActivityAttended, "ac01", "dongqili", null, 2, At.AddDays(2), "义诊进社区"),
    ];

    public static readonly ModuleIndicatorsView Modules = new("caiyuan", "2026-Q2", "2026年第二季度", At.AddDays(60),
        new("", "合计", ModuleIndicatorSet.Values(Facts, null), Facts.Length),
        [new("caiyuan-hospital", "财源街道社区卫生服务中心", ModuleIndicatorSet.Values(Facts, "caiyuan-hospital"), Facts.Length)],
        [new("dongqili", "东七里社区", ModuleIndicatorSet.Values(Facts, null), Facts.Length)], ModuleIndicatorSet.Definitions);
}
