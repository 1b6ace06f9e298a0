namespace Gongjian.Understanding.Slots;

/// <summary>
/// Something at stake that makes a wish urgent (docs/UNDERSTANDING.md, "Urgency"): one of the words in
/// <see cref="Alone"/>, or a thing of <see cref="Things"/> together with a state of <see cref="States"/>
/// (燃气 + 味, 电线 + 裸露). A thing alone is no danger: 燃气费 and 电线 are not urgent.
/// </summary>
internal sealed record Stake(string Name, string[] Alone, string[] Things, string[] States)
{
    public static readonly Stake[] All =
    [
        new("trapped", ["电梯困人", "困人", "被困", "困在", "关在电梯", "卡在电梯", "困电梯"],
            // Cannot leave home because something failed (电梯坏了 … 下不了楼); a chronic 下不了楼 alone is not urgent.
            ["电梯", "门锁", "单元门", "防盗门"], ["出不去", "出不来", "下不了楼", "出不了门", "上下不了楼", "下不去", "进不去家"]),
        new("person down", ["摔倒", "摔了", "跌倒", "晕倒", "昏倒", "昏迷", "不省人事", "喘不上气", "心脏病", "起不来", "动不了", "救命", "急救"], [], []),
        new("gas", ["漏气", "煤气泄漏", "燃气泄漏"], ["煤气", "燃气", "天然气", "液化气"], ["味", "味儿", "味道", "漏", "泄漏", "闻到", "闻着", "冲鼻", "呛"]),
        new("fire", ["着火", "起火", "失火", "火灾", "冒烟", "烧起来"], [], []),
        new("electric", ["漏电", "触电", "冒火花", "打火花", "电火花", "停电", "断电", "没电了"],
            ["电线", "电线杆", "电箱", "配电箱", "电表箱", "插座", "线"], ["裸露", "露", "露着", "耷拉", "掉下来", "冒烟", "烧焦", "断了", "掉"]),
        new("water", ["漏水", "跑水", "爆管", "冒水", "淹了", "泡了", "渗水", "渗下去", "往下渗"],
            ["水管", "管子", "暖气", "自来水", "暖气片", "水管子"], ["爆", "爆了", "裂", "裂了", "喷", "冒水", "哗哗"]),
        new("collapse", ["塌了", "坍塌", "倒塌", "要倒", "要塌", "塌方"],
            ["墙", "墙皮", "外墙", "广告牌", "招牌", "阳台", "房顶", "楼板", "树"], ["掉下来", "往下掉", "砸", "砸着", "摇摇晃晃", "晃", "倒了"]),
        new("violence", ["打架", "打起来", "动刀", "持刀", "砍人", "拿刀"], [], []),
        new("missing person", ["走丢", "走失", "找不着人", "找不到人"], [], []),
    ];
}
