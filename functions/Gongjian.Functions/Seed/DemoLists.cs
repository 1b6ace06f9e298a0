using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Resources;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 财源街道's 需求清单 and 资源清单 in miniature (seed 000 counts 157 needs and 313 resources from 157 units;
/// seed 001 names the 未成年人庇护工场, the 漂流书屋 and the 网格驿站): three needs per demo community and a few
/// resources per demo unit, loaded through the modules' rules, some of them matched or met.
/// </summary>
public static class DemoLists
{
    private sealed record NeedDemo(string Community, string Category, string Text, (string Group, int Count)[] Who, string? MatchUnit = null, string? MetNote = null);

    private static readonly NeedDemo[] Needs =
    [
        new("dongqili", "legal", "辖区困难家庭和老年人在赡养、继承、房屋买卖方面咨询较多，希望每月有律师到社区坐诊。", [("困难家庭", 25), ("老年人", 40)], "daizong-law-firm"),
        new("dongqili", "culture", "宝盛小区居民希望有固定场地开展读书分享和文艺排练。", [("居民", 25)]),
        new("dongqili", "party", "小区党员希望与驻地单位联建，每季度开展一次主题党日。", [("居民", 20)]),
        new("sanlian", "health", "独居和高龄老人较多，希望每月有医生上门测血压、血糖并建立健康档案。", [("老年人", 35)]),
        new("sanlian", "elderly", "腿脚不便的独居老人希望每周有人帮忙送两次午饭。", [("老年人", 12)], "caiyuan-volunteers", "学雷锋志愿服务队每周二、周五送餐，已坚持两个月。"),
        new("sanlian", "hardship", "部分困难家庭冬季取暖和生活物资短缺。", [("困难家庭", 15)]),
        new("qingshan", "children", "假期孩子无人照看，家长希望社区有课后托管和作业辅导。", [("儿童", 30)]),
        new("qingshan", "culture", "青少年课外阅读场所少，希望就近有免费开放的书屋。", [("青少年", 40)]),
        new("qingshan", "hardship", "困境儿童家庭需要生活救助和心理陪伴。", [("儿童", 8), ("困难家庭", 8)], "taian-rescue-station"),
    ];

    private static readonly (string Unit, ResourceDetails Details)[] Resources =
    [
        ("caiyuan-health-centre", new() { Kind = ResourceKind.Service, Category = "health", Title = "健康义诊", Description = "全科医生、护士到社区测血压血糖，建立健康档案。", Availability = "每月一次，提前一周预约" }),
        ("caiyuan-health-centre", new() { Kind = ResourceKind.Venue, Category = "health", Title = "健康教室", Description = "可开展健康讲座，配投影。", Availability = "工作日可预约", Capacity = 40, OpeningHours = "工作日 8:30–17:00" }),
        ("caiyuan-health-centre", new() { Kind = ResourceKind.Service, Category = "elderly", Title = "慢病老人上门随访", CommunityIds = ["sanlian", "dongqili"], Availability = "每周三下午" }),
        ("daizong-law-firm", new() { Kind = ResourceKind.Service, Category = "legal", Title = "免费法律咨询", Description = "律师到社区坐诊，解答婚姻家庭、劳动、继承等问题。", CommunityIds = ["dongqili", "sanlian"], Availability = "每月第一个周六上午" }),
        ("daizong-law-firm", new() { Kind = ResourceKind.Service, Category = "legal", Title = "法治宣传讲座", Availability = "每季度一次" }),
        ("taian-rescue-station", new() { Kind = ResourceKind.Service, Category = "children", Title = "未成年人庇护工场", Description = "困境儿童主动保护、课业辅导和心理陪伴。", CommunityIds = ["qingshan"], Availability = "周末和寒暑假" }),
        ("taian-rescue-station", new() { Kind = ResourceKind.Materials, Category = "hardship", Title = "困难群众应急救助物资", Description = "棉被、米面油等生活物资。", Availability = "随时申请，三个工作日内发放" }),
        ("caiyuan-volunteers", new() { Kind = ResourceKind.Volunteers, Category = "elderly", Title = "学雷锋志愿服务队", Description = "助老送餐、陪伴聊天、清扫楼道。", Availability = "每周二、周五", Count = 30 }),
        ("caiyuan-volunteers", new() { Kind = ResourceKind.Materials, Category = "culture", Title = "漂流书屋图书", Description = "定期流动更换的少儿和文学图书，全天免费开放。", Availability = "每季度更换一批" }),
        ("baosheng-property", new() { Kind = ResourceKind.Venue, Category = "culture", Title = "宝盛网格驿站活动室", Description = "可开展读书分享、文艺排练和议事活动。", CommunityIds = ["dongqili"], Availability = "提前一天预约", Capacity = 30, OpeningHours = "每天 9:00–20:00" }),
        ("baosheng-property", new() { Kind = ResourceKind.Funds, Category = "party", Title = "党建联建活动经费", Description = "支持小区主题党日和志愿活动。", CommunityIds = ["dongqili"], Availability = "每年 2 万元，按活动申请" }),
    ];

    /// <summary>Loads the lists; answers the number of needs and the new resources' ids by title.</summary>
    public static async Task<(int Needs, IReadOnlyDictionary<string, string> ResourceIds)> SeedAsync(NeedStore needs, ResourceStore resources,
        IReadOnlyDictionary<string, string> unitNames, CancellationToken ct)
    {
        var resourceIds = new Dictionary<string, string>();
        foreach (var (unit, details) in Resources)
        {
            var id = ResourceAccess.NewId();
            (await resources.ExecuteAsync(id, new OfferResource
            {
                By = new Actor(ActorRole.Liaison, unit), ResourceId = id, UnitId = unit, UnitName = unitNames.GetValueOrDefault(unit, unit),
                StreetId = DemoData.Caiyuan.Id, Details = details,
            }, ct, expectNew: true)).Require("resource " + id);
            resourceIds[details.Title] = id;
        }
        foreach (var n in Needs)
        {
            var id = NeedAccess.NewId();
            var by = new Actor(ActorRole.Dispatcher, "seed", "社区派单员");
            (await needs.ExecuteAsync(id, new RecordNeed
            {
                By = by, NeedId = id, StreetId = DemoData.Caiyuan.Id, CommunityId = n.Community, Category = n.Category, Description = n.Text,
                Beneficiaries = n.Who.Select(w => new Beneficiaries(w.Group, w.Count)).ToList(),
            }, ct, expectNew: true)).Require("need " + id);
            if (n.MatchUnit is { } unit)
                (await needs.ExecuteAsync(id, new MatchNeed { By = by, UnitId = unit, UnitName = unitNames.GetValueOrDefault(unit, unit) }, ct)).Require("need " + id);
            if (n.MetNote is { } note) (await needs.ExecuteAsync(id, new MeetNeed { By = by, Note = note }, ct)).Require("need " + id);
        }
        return (Needs.Length, resourceIds);
    }
}
