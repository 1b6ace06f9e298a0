using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Activities;

/// <summary>What the bot says about activities and 报名 (Simplified Chinese, short sentences).</summary>
public static class ActivityTexts
{
    public const string List = "这周有什么活动";
    public const string Mine = "我的报名";
    public const string CancelWord = "取消报名";
    public const string JoinWord = "报名活动";

    public static string ListIntro(string community) => $"{community}近期的活动如下，点“报名”就能报名：";
    public static string CardTitle(string community) => $"{community}近期活动";
    public static string NoActivities(string community) => $"{community}近期还没有发布活动。社区发布新活动后，您再来问我就行。";

    public const string AskName = "好的！报名需要登记您的真实姓名（只给主办方看，用于签到），请问您叫什么名字？";
    public const string BadName = "请告诉我您的姓名，比如“王建国”。";
    public const string AskPhone = "请留一个手机号，主办方有变动时联系您（只给主办方看）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）。";

    public static string Registered(ActivityRegistration r) =>
        $"报名成功！“{r.Title}”\n时间：{Beijing.At(r.StartsAt)}\n地点：{r.Place}\n" +
        $"签到码：{r.CheckInCode}，活动当天请出示给工作人员签到。\n不能参加的话，请发送“{CancelWord}”，把名额让给别人。";

    public static string Waiting(ActivityRegistration r) =>
        $"“{r.Title}”的名额已经满了，已为您登记候补，您是候补第{r.WaitingPosition}位。\n" +
        $"有人取消时会按顺序递补，递补后请凭签到码 {r.CheckInCode} 参加。发送“{Mine}”可以看是否已递补。";

    public static string NotRegistered(string reason) => $"抱歉，没能报名：{reason}";

    public static string Cancelled(string title) => $"已取消“{title}”的报名。欢迎下次再来参加！";

    public static string CancelFailed(string reason) => $"抱歉，没能取消报名：{reason}";

    public const string NothingRegistered = "您在这里还没有报名活动。发送“这周有什么活动”看看近期活动吧。";

    public const string WhichToCancel = "您报名了几个活动，要取消哪一个？";
    public const string CancelTitle = "不能参加的话，可以取消报名：";

    public static string Status(ActivityRegistration r) => r.Status switch
    {
        "registered" => $"已报名，签到码 {r.CheckInCode}",
        "waiting" => $"候补第{r.WaitingPosition}位",
        "cancelled" => "已取消报名",
        "activity_cancelled" => "活动已取消",
        "ended" => "活动已结束",
        _ => "没有找到这个报名",
    };

    public static string Registrations(IReadOnlyList<ActivityRegistration> all) =>
        "您报名的活动：\n" + string.Join("\n", all.Select((r, i) => $"{i + 1}. “{r.Title}”，{Beijing.At(r.StartsAt)}，{r.Place}：{Status(r)}"));
}
