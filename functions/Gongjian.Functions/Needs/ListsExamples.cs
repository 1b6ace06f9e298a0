using Gongjian.Functions.Dispatching;
using Gongjian.Functions.Http.Contract;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Needs;

/// <summary>The tags and examples of 需求清单 and 资源清单 in the published contract.</summary>
public static class ListsExamples
{
    public static readonly ApiTag NeedsTag = new("需求清单 Needs",
        "社区、街道工作人员记录或转入的群众需求（受益人只记人群和人数），对接单位或项目后满足或关闭。Community needs recorded or promoted by staff, matched to units or projects.");

    public static readonly ApiTag ResourcesTag = new("资源清单 Resources",
        "成员单位提供的场地、专业服务、志愿者、物资和资金，联络员维护本单位的条目。What member units offer: venues, services, volunteers, materials, funds.");

    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly RecordNeedRequest Record = new()
    {
        Category = "legal", Description = "辖区困难家庭较多，希望定期开展免费法律咨询，解答赡养、继承方面的问题。",
        Beneficiaries = [new() { Group = "困难家庭", Count = 25 }, new() { Group = "老年人", Count = 40 }],
    };

    public static readonly PromoteNeedRequest Promote = new()
    {
        SourceKind = "order", SourceId = "GJ260301-ABC123", Category = "health", Beneficiaries = [new() { Group = "老年人", Count = 30 }],
    };

    public static readonly MatchNeedRequest Match = new() { UnitId = "daizong-law-firm" };

    public static readonly NeedTextRequest Text = new() { Text = "律师事务所每月第一个周六到社区坐诊，已服务 3 次。" };

    public static readonly NeedView Need = new("nd0123456789ab", "matched", "已对接", "legal", "法律服务", "caiyuan", "dongqili", "东七里社区",
        Record.Description, Record.Beneficiaries, 65, null, null, "daizong-law-firm", "山东岱宗律师事务所", null, null, At, At.AddDays(2), null, 2);

    public static readonly NeedPage Needs = new([new("nd0123456789ab", "open", "待对接", "legal", "法律服务", "dongqili", Record.Description,
        "困难家庭 25 人、老年人 40 人", 65, null, null, null, null, 2026, At, At)], null);

    public static readonly ResourceSuggestionsView Suggestions = new("need", "nd0123456789ab", "legal", "法律服务", "dongqili", 65,
        [new(1, "daizong-law-firm", "山东岱宗律师事务所", ["rs0123456789ab"], true, true, "提供 法律服务：免费法律咨询；覆盖 东七里社区")]);

    public static readonly ResourceRequest Offer = new()
    {
        Kind = "service", Category = "legal", Title = "免费法律咨询", Description = "律师每月到社区坐诊一次，解答婚姻家庭、劳动、继承等问题。",
        CommunityIds = ["dongqili", "sanlian"], Availability = "每月第一个周六上午",
    };

    public static readonly ResourceTextRequest Retire = new() { Text = "律师团队调整，暂停坐诊。" };

    public static readonly ResourceView Resource = new("rs0123456789ab", "active", "可用", "daizong-law-firm", "山东岱宗律师事务所", "caiyuan", "service", "专业服务",
        "legal", "法律服务", "免费法律咨询", Offer.Description!, ["dongqili", "sanlian"], false, "每月第一个周六上午", null, null, null, At, At, null, 1);

    public static readonly ResourcePage Resources = new([new("rs0123456789ab", "active", "可用", "daizong-law-firm", "山东岱宗律师事务所", "service", "专业服务",
        "legal", "法律服务", "免费法律咨询", Offer.Description!, ["dongqili", "sanlian"], "每月第一个周六上午", null, null, null, 1, 2026, At)], null);
}
