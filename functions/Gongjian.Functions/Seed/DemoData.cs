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

    /// <summary>
    /// 仙营街道 (济宁市任城区, seed 003): its party members and residents 认领微心愿. The seed speaks of its five
    /// community party committees without naming them, so the two communities here are named as placeholders; the
    /// claiming organisations are the ones the seed names (商务楼宇联合党委, 数字经济产业链党建联盟).
    /// </summary>
    public static readonly Street Xianying = new("xianying", "仙营街道", "济宁市任城区");

    public static readonly IReadOnlyList<CommunityArea> XianyingCommunities =
    [
        new("xianying-1", "仙营一社区", Xianying.Id),
        new("xianying-2", "仙营二社区", Xianying.Id),
    ];

    public static readonly IReadOnlyList<MemberUnit> XianyingUnits =
    [
        new("xianying-building-party", "仙营街道商务楼宇联合党委", Xianying.Id, UnitLevel.Street, UnitKind.SocialOrganisation,
            ["culture", "other"], ["xianying-1", "xianying-2"]),
        new("xianying-digital-alliance", "数字经济产业链党建联盟", Xianying.Id, UnitLevel.District, UnitKind.SocialOrganisation,
            ["culture", "other"], ["xianying-1", "xianying-2"]),
    ];

    /// <summary>A few 微心愿: what the resident wrote, what staff publish, and the unit that claims it (null: still waiting).</summary>
    public static readonly IReadOnlyList<(string CommunityId, string Category, string Text, string Name, string Phone, string PublicText, string DisplayName, string? ClaimUnitId)> Wishes =
    [
        ("xianying-1", "study", "孙子上三年级，书包破了，想要一个新书包。", "王奶奶", "13905371234", "三年级的小朋友想要一个新书包。", "小宇奶奶", "xianying-building-party"),
        ("xianying-1", "care", "老伴腿脚不好，想要一副助行器，方便下楼晒太阳。", "刘大爷", "13905372345", "行动不便的老人想要一副助行器。", "某居民", null),
        ("xianying-2", "service", "八十多岁了，理发店太远，想请人上门理一次发。", "陈奶奶", "0537-2221234", "八十多岁的老人想请人上门理发。", "陈奶奶", "xianying-digital-alliance"),
        ("xianying-2", "culture", "想学用智能手机视频通话，和外地的孩子说说话。", "赵阿姨", "13905373456", "想学会用手机和外地的孩子视频。", "某居民", null),
    ];
}
