namespace Gongjian.Understanding.Classification;

/// <summary>
/// Words that, when present, almost always decide the category (from the glossary's typical orders
/// and the words residents use for them). They add evidence to the n-gram model rather than
/// overrule it, so "孩子" in "孩子都在外地，老人一个人在家" can still end up as elderly.
/// </summary>
internal static class KeywordCues
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCategory = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["repair"] = ["坏了", "不亮", "漏水", "堵了", "堵塞", "下水道", "水管", "电梯", "电悌", "路灯", "楼道灯", "声控灯", "维修", "修一下", "坑洼", "井盖", "漏雨", "门禁", "暖气", "破损", "掉皮", "松了", "破了", "电线", "停水", "来水", "漏风", "关不上"],
        ["environment"] = ["垃圾", "烟头", "蚊子", "苍蝇", "蟑螂", "老鼠", "消杀", "打药", "绿化", "修剪", "杂草", "卫生", "发臭", "臭味", "异味", "狗屎", "粪便", "小广告", "油烟", "脏", "屎", "马蜂", "塑料瓶", "烧树叶", "呛", "扔"],
        ["parking"] = ["停车", "车位", "僵尸车", "消防通道", "乱停", "占道", "堵车", "车库", "充电桩", "道闸", "减速带", "挡路", "停到", "停在", "乱放", "车太多", "双闪"],
        ["elderly"] = ["老人", "老伴", "独居", "空巢", "送餐", "送饭", "助餐", "老年餐", "陪同", "陪着", "上门理发", "理发", "助浴", "养老", "高龄", "行动不便", "腿脚", "照料", "照看", "老年人"],
        ["health"] = ["义诊", "血压", "血糖", "血脂", "体检", "康复", "心理", "疏导", "抑郁", "失眠", "疫苗", "医生", "大夫", "看病", "家庭医生", "诊所", "开药", "换药", "护理", "健康", "疼", "药", "咳嗽", "发烧", "筛查", "理疗", "随访", "医院"],
        ["legal"] = ["法律", "律师", "合同", "遗嘱", "继承", "遗产", "工资", "欠薪", "劳动", "工伤", "起诉", "告他", "打官司", "维权", "赔偿", "公证", "赡养", "离婚", "押金", "房产证", "中介", "协议", "借条", "补偿"],
        ["children"] = ["孩子", "小孩", "儿童", "小朋友", "托管", "辅导", "作业", "放学", "放假", "暑假", "寒假", "课后", "留守", "家教", "监护", "孩子们", "学生"],
        ["hardship"] = ["困难", "低保", "救助", "帮扶", "微心愿", "书包", "棉被", "买不起", "交不起", "没钱", "失业", "下岗", "补助", "补贴", "慰问", "特困", "过不下去", "学费", "路费", "欠了", "没收入", "找份工作", "条件不好", "穷"],
        ["culture"] = ["书法", "读书会", "演出", "培训", "合唱", "广场舞", "跳舞", "舞蹈", "太极", "剪纸", "国画", "京剧", "摄影", "兴趣", "图书室", "讲座", "学习班", "老年大学", "电脑", "课", "节目", "比赛", "书画", "毛笔字", "二胡", "乐器", "电影", "朗诵", "唱"],
        ["safety"] = ["噪音", "吵", "扰民", "邻居", "邻里", "纠纷", "调解", "小偷", "被盗", "偷", "监控", "陌生人", "诈骗", "骗", "打架", "骂人", "飞线", "跟踪", "冒充", "不安全", "砸", "打起来", "煤气", "燃气", "吵架", "音响", "嗡嗡", "谁都能进", "着火", "害怕", "咬"],
        ["party"] = ["党员", "党日", "党支部", "党课", "党费", "党组织", "入党", "组织关系", "报到", "共建", "联建", "党建", "党委", "支部", "组织生活", "学习强国", "党"],
        ["other"] = ["证明", "户口", "身份证", "社保", "快递", "志愿者报名", "当志愿者", "表扬", "锦旗", "丢了", "捡到", "捡了", "建议", "登记", "老年卡", "保险", "准生证", "投诉", "网格群", "上班", "信号", "补办", "在哪交", "办个", "开个"],
    };

    /// <summary>How many distinct cue words of each category occur in the text.</summary>
    public static void Count(string text, IReadOnlyList<string> labels, Span<int> hits)
    {
        for (var c = 0; c < labels.Count; c++)
        {
            hits[c] = 0;
            if (!ByCategory.TryGetValue(labels[c], out var cues)) continue;
            foreach (var cue in cues)
                if (text.Contains(cue, StringComparison.Ordinal)) hits[c]++;
        }
    }
}
