using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.People;

/// <summary>What the bot says about 双报到 and service hours (Simplified Chinese, short sentences).</summary>
public static class ReportTexts
{
    public const string Report = "我要报到";
    public const string Hours = "我的服务时长";
    public const string PartyMember = "在职党员";
    public const string Volunteer = "志愿者";

    public static string AskKind(string community) =>
        $"欢迎到{community}报到！报到后可以加入社区服务队、认领岗位，参加活动的服务时长也会记在您名下。\n请问您是以什么身份报到？";
    public const string BadKind = "请点“在职党员”或“志愿者”。";
    public const string AskName = "请问您的姓名？（只给社区工作人员看）";
    public const string BadName = "请告诉我您的真实姓名，比如“王建国”。";
    public const string AskPhone = "请留一个手机号，社区确认报到时联系您（只给社区工作人员看）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）或带区号的座机号。";
    public const string AskWorkUnit = "请问您的工作单位是？（比如“泰安市第一人民医院”；退休或没有单位可以回复“无”）";
    public const string BadWorkUnit = "工作单位请写在 40 字以内；没有单位的话回复“无”。";
    public const string NoTeam = "暂不加入";

    public static string AskTeam(IReadOnlyList<string> teams) =>
        $"社区有这些服务队：{string.Join("、", teams)}。\n想加入哪一支？点队伍名就行，也可以回复“{NoTeam}”，以后再加入。";
    public const string BadTeam = "请点一支服务队的名字，或者回复“暂不加入”。";

    public static string Reported(ReportedPerson p, string maskedPhone) =>
        $"报到已提交！您已向{p.CommunityName}报到（手机 {maskedPhone}），现在是“{p.StatusName}”，社区工作人员确认后就生效。\n" +
        (p.TeamName is { } team ? $"您申请加入“{team}”，确认报到时一并加入。\n" : "") +
        $"报到编号：{p.PersonId}，查询码：{p.Code}，请保存好。发送“{Hours}”可以随时查看您的服务时长和积分。";

    public static string NotReported(string reason) => $"抱歉，报到没有成功：{reason}\n如果您已在社区报到过，请联系社区工作人员查询。";

    public const string NotReportedHere = "您还没有在这里报到，所以我查不到您的服务时长。发送“我要报到”就可以向社区报到。";

    public static string HoursOf(PersonHours h) =>
        $"您在{h.CommunityName}的报到（{h.KindName}）：{h.StatusName}。\n" +
        $"今年的服务时长：{h.Hours:0.#} 小时，积分 {h.Points} 分" + (h.Records > 0 ? $"（含参加活动等 {h.Records} 条服务记录）。" : "。") +
        (h.Teams.Count > 0 ? $"\n所在队伍：{string.Join("、", h.Teams)}。" : "") +
        "\n每服务 1 小时记 10 分，每条服务记录另加 5 分。";

    public static string HoursFailed(string reason) => $"抱歉，暂时查不到：{reason}";
}
