using Gongjian.Domain.Community;
using Gongjian.Functions.Communities;

namespace Gongjian.Functions.Open311;

/// <summary>
/// The domain's service categories as Open311 services: the stable category code is the
/// service_code, its Chinese name the service_name. Every service has one attribute, the community
/// the request is for (a residents' request is handled by its community), so metadata is true.
/// </summary>
public static class ServiceCatalog
{
    public const string CommunityAttribute = "community";

    private sealed record Entry(string Group, string Description, string Keywords);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["repair"] = new("城市管理", "楼道灯、水管、门窗、电梯等公共设施损坏需要维修", "维修,路灯,楼道灯,水管,电梯"),
        ["environment"] = new("城市管理", "垃圾清运、卫生死角、绿化养护等环境问题", "垃圾,卫生,绿化,清扫"),
        ["parking"] = new("城市管理", "乱停车、占用消防通道、道路交通秩序问题", "停车,消防通道,交通"),
        ["elderly"] = new("民生服务", "助餐、助浴、陪诊、探访等养老助老服务", "老人,助餐,陪诊,探访"),
        ["health"] = new("民生服务", "义诊、健康咨询、慢病随访等医疗健康服务", "义诊,体检,健康"),
        ["legal"] = new("文化法治", "法律咨询、法律援助、纠纷指导", "法律,咨询,援助"),
        ["children"] = new("民生服务", "困境儿童关爱、课后托管、未成年人保护", "儿童,托管,关爱"),
        ["hardship"] = new("民生服务", "困难家庭帮扶、临时救助、微心愿", "困难,帮扶,微心愿"),
        ["culture"] = new("文化法治", "文体活动、课堂讲座、图书阅读", "文化,讲座,活动,教育"),
        ["safety"] = new("文化法治", "邻里纠纷调解、安全隐患排查", "调解,纠纷,安全隐患"),
        ["party"] = new("党建与其他", "党建联建、志愿服务对接", "党建,志愿服务"),
        ["other"] = new("党建与其他", "其他需要社区协调的事项", "其他"),
    };

    public static string GroupOf(string code) => Entries.TryGetValue(code, out var e) ? e.Group : "党建与其他";

    public static Open311Object Service(ServiceCategory category)
    {
        var entry = Entries.GetValueOrDefault(category.Code) ?? new Entry("党建与其他", category.Name, "");
        return new Open311Object([
            ("service_code", new Open311Value(category.Code)),
            ("service_name", new Open311Value(category.Name)),
            ("description", new Open311Value(entry.Description)),
            ("metadata", new Open311Value(true)),
            ("type", new Open311Value("realtime")),
            ("keywords", new Open311Value(entry.Keywords)),
            ("group", new Open311Value(entry.Group)),
        ]);
    }

    /// <summary>The service definition: the community attribute, its values every community (grouped by street in its name).</summary>
    public static Open311Object Definition(ServiceCategory category, CommunityDirectory.Snapshot directory)
    {
        var values = directory.Communities.Values.Where(c => !c.IsRetired)
            .OrderBy(c => c.StreetId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => (Open311Node)new Open311Object([
                ("key", new Open311Value(c.Id)),
                ("name", new Open311Value(directory.Streets.TryGetValue(c.StreetId, out var s) ? $"{c.Name}（{s.Name}）" : c.Name)),
            ]))
            .ToList();
        var community = new Open311Object([
            ("variable", new Open311Value(true)),
            ("code", new Open311Value(CommunityAttribute)),
            ("datatype", new Open311Value("singlevaluelist")),
            ("required", new Open311Value(true)),
            ("datatype_description", new Open311Value("请选择诉求所在的社区")),
            ("order", new Open311Value(1)),
            ("description", new Open311Value("所在社区：由该社区受理和派单")),
            ("values", new Open311List("value", values)),
        ]);
        return new Open311Object([
            ("service_code", new Open311Value(category.Code)),
            ("attributes", new Open311List("attribute", [community])),
        ]);
    }
}
