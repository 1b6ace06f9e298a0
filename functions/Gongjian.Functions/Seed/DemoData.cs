using Gongjian.Domain.Community;

namespace Gongjian.Functions.Seed;

/// <summary>
/// Demo data from the seed reports: 财源街道 in 泰安市泰山区, its communities, and member units
/// named there (泰安市救助管理站, 泰山宝盛置业), plus a health centre and a law firm.
/// </summary>
public static class DemoData
{
    public static readonly Street Caiyuan = new("caiyuan", "财源街道", "泰安市泰山区");

    public static readonly IReadOnlyList<CommunityArea> Communities =
    [
        new("sanlian", "三联社区", Caiyuan.Id),
        new("dongqili", "东七里社区", Caiyuan.Id),
        new("qingshan", "青山社区", Caiyuan.Id),
    ];

    private static readonly string[] AllCommunities = ["sanlian", "dongqili", "qingshan"];

    public static readonly IReadOnlyList<MemberUnit> Units =
    [
        new("taian-rescue-station", "泰安市救助管理站", Caiyuan.Id, UnitLevel.City, UnitKind.Government,
            ["children", "hardship"], AllCommunities),
        new("baosheng-property", "泰山宝盛置业有限公司", Caiyuan.Id, UnitLevel.District, UnitKind.Company,
            ["repair", "environment", "parking"], ["dongqili", "sanlian"]),
        new("caiyuan-health-centre", "财源街道社区卫生服务中心", Caiyuan.Id, UnitLevel.Street, UnitKind.Hospital,
            ["health", "elderly"], AllCommunities),
        new("daizong-law-firm", "山东岱宗律师事务所", Caiyuan.Id, UnitLevel.City, UnitKind.Company,
            ["legal", "safety"], AllCommunities),
        new("caiyuan-volunteers", "财源街道学雷锋志愿服务队", Caiyuan.Id, UnitLevel.Street, UnitKind.SocialOrganisation,
            ["elderly", "culture", "environment", "other"], AllCommunities),
    ];

    /// <summary>Wishes residents placed, in their words (text, category or null, community, address).</summary>
    public static readonly IReadOnlyList<(string Text, string? Category, string CommunityId, string Address, string Name, string Phone)> Orders =
    [
        ("三楼楼道灯坏了一个星期了，晚上上下楼看不见，老人怕摔。", "repair", "dongqili", "宝盛小区3号楼2单元", "李阿姨", "13805381234"),
        ("楼下独居的王大爷腿脚不便，想请人每周帮忙送两次午饭。", "elderly", "sanlian", "三联小区7号楼1单元", "赵先生", "13905382345"),
        ("孩子放假没人看，社区有没有假期托管或者课后辅导？", null, "qingshan", "青山小区12号楼", "孙女士", "0538-8221234"),
    ];
}
