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

    public static readonly SchemeRequest Scheme = new(2026, 100,
        [new("response_rate", 20, 20), new("satisfaction_rate", 20, 20), new("projects_claimed", 5, 15), new("commitments_met", 2, 10),
            new("volunteer_hours", 0.5, 15), new("escalations", -2, 10)],
        new GradeThresholds(90, 75, 60), new ManualPart("居民代表评议", 20));

    public static readonly EvaluationScheme Saved = new()
    {
        StreetId = "caiyuan", Year = 2026, Version = 2, Total = Scheme.Total, Items = Scheme.Items, Manual = Scheme.Manual, Grades = Scheme.Grades,
        CreatedAt = At.AddMonths(6), CreatedBy = "财源街道党工委",
    };

    public static readonly SchemesView Schemes = new("caiyuan", 2026, Saved,
        [new(1, At.AddMonths(5), "财源街道党工委"), new(2, Saved.CreatedAt, Saved.CreatedBy)], null, ScoringIndicators.All);

    public static readonly ManualScoreRequest Manual = new(2026, "caiyuan-hospital", 18.5);
    public static readonly ManualScoreView ManualSaved = new("caiyuan", 2026, "caiyuan-hospital", 18.5, At.AddMonths(7));
    public static readonly PublishRequest Publish = new(2026);

    private static readonly IReadOnlyList<UnitScore> Lines = Scorecard.Score(Saved,
    [
        new("caiyuan-hospital", "财源街道社区卫生服务中心", new Dictionary<string, double?> { ["response_rate"] = 0.96, ["satisfaction_rate"] = 0.92,
            ["projects_claimed"] = 2, ["commitments_met"] = 4, ["volunteer_hours"] = 36.5, ["escalations"] = 1 }),
        new("baosheng-property", "泰山宝盛置业有限公司", new Dictionary<string, double?> { ["response_rate"] = 0.8, ["satisfaction_rate"] = 0.75,
            ["projects_claimed"] = 1, ["commitments_met"] = 2, ["volunteer_hours"] = 8, ["escalations"] = 3 }),
    ], new Dictionary<string, double> { ["caiyuan-hospital"] = 18.5, ["baosheng-property"] = 15 });

    public static readonly ScorecardView Card = new("caiyuan", 2026, "published", 2, Saved, At.AddMonths(7), At.AddMonths(7), "财源街道党工委", Lines, Lines.Count,
        ScoringIndicators.Of(Saved));

    public static readonly TraceView Trace = new("caiyuan", 2026, "caiyuan-hospital", "财源街道社区卫生服务中心", "activity_attendance", "活动参与人次",
        ModuleIndicatorSet.Find("activity_attendance")!.Definition, 2,
        [new("ac01", RecordKinds.ActivityAttended, "参加活动", "义诊进社区", At.AddDays(2), 1), new("ac01", RecordKinds.ActivityAttended, "参加活动", "义诊进社区", At.AddDays(2), 1)]);

    public static readonly ExportRecordsView Exports = new("caiyuan",
        [new("indicators", "考核指标", "2026-Q3", "2026年第三季度", "xlsx", null, null, null, null, "organizer", "组织方", "王晓红", "caiyuan-2026-Q3-考核指标.xlsx", At.AddDays(3)),
         new("scorecard", "评议成绩", "2026", "2026年度", "csv", "caiyuan-hospital", "财源街道社区卫生服务中心", null, null, "liaison", "单位联络员", "刘医生", "caiyuan-2026-年度评议.csv", At.AddDays(1))]);
}
