using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.Records;

/// <summary>The records API's tag and example in the published contract.</summary>
public static class RecordExamples
{
    public static readonly ApiTag Tag = new("评议记录 Records",
        "年度评议的记录：项目认领、节点进展、实现微心愿、办结工单，按街道、单位和年份查询。Records the annual evaluation scores, per street, unit and year.");

    private static readonly DateTimeOffset At = new(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly EvaluationRecord[] Sample =
    [
        new() { Id = "project_claim_pj0123456789ab_3", Kind = RecordKinds.ProjectClaim, SourceId = "pj0123456789ab", StreetId = "caiyuan", UnitId = "caiyuan-hospital",
            UnitName = "财源街道社区卫生服务中心", ClaimerKind = "unit", Title = "健康服务在身边", At = At },
        new() { Id = "wish_fulfilled_WX260510-7KQ3MZ_4", Kind = RecordKinds.WishFulfilled, SourceId = "WX260510-7KQ3MZ", StreetId = "caiyuan", CommunityId = "dongqili",
            ClaimerKind = "partyMember", PersonKey = "3f2a9c0d1b7e4a55", Title = "三年级的小朋友想要一个新书包。", At = At.AddDays(3) },
    ];

    public static readonly RecordsView Records = ListRecordsFunction.ToView("caiyuan", 2026, null, Sample);
}
