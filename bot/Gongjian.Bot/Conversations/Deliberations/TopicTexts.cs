using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Deliberations;

/// <summary>What the bot says about 议事 (Simplified Chinese, short sentences).</summary>
public static class TopicTexts
{
    public const string Raise = "我想提个议题";
    public const string MyTopics = "我的议题";

    public const string AskText = "好的！请用几句话说说您想提的议题：是什么事、涉及哪些邻居、您希望怎么办。\n比如“宝盛小区东门想加装电动车充电桩，楼道里充电太危险了”。";
    public const string TooShort = "请再多说几句：是什么事、您希望怎么办？";
    public const string TooLong = "议题请写在 2000 字以内，挑最要紧的说就行。";
    public const string AskName = "请问怎么称呼您？留个姓名，社区审核时可能会联系您（只给社区工作人员看）。";
    public const string BadName = "请告诉我您的姓名，比如“王秀兰”。";
    public const string AskPhone = "请留一个手机号，社区审核、开议事会时联系您（只给社区工作人员看）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）。";

    public static string Raised(RaisedTopic t, string community, string maskedPhone) =>
        $"议题已提交！“{t.Title}”已送到{community}（联系电话 {maskedPhone}）。\n" +
        "社区会按“提、审、议、办、评”五步办理：先审核，需要协商的会召集居民代表、党员、物业和共建单位开议事会，决议落实后请您评价。\n" +
        $"议题编号：{t.DeliberationId}，查询码：{t.Code}，请保存好。发送“{MyTopics}”可以随时查看进度。";

    public static string NotRaised(string reason) => $"抱歉，议题没有提交成功：{reason}";

    public const string NoTopics = "您还没有在这里提过议题。发送“我想提个议题”，说说您希望社区和邻居们一起商量的事。";

    public static string Line(TopicProgress p) => $"“{p.Title}”（{p.DeliberationId}）\n进度：{p.StepName} · {p.StatusName}\n{p.Message}";
}
