using System.Text.RegularExpressions;

namespace Gongjian.Bot.Conversations;

/// <summary>活动 (list, 报名, 取消报名, 我的报名), 预约 (book a room, 我的预约, 取消预约) and 双报到 (报到, 服务时长) by their words.</summary>
public static partial class Intents
{
    private static readonly HashSet<string> MyActivityWords = ["我的活动", "我的报名", "报名的活动", "我报名的活动", "我报了哪些活动", "报名情况"];
    private static readonly HashSet<string> MyBookingWords = ["我的预约", "预约记录", "我预约的", "查预约", "我的预约记录"];
    private static readonly HashSet<string> ReportWords = ["我要报到", "报到", "双报到", "我要双报到", "党员报到", "在职党员报到", "志愿者报到", "我要去社区报到", "社区报到"];
    private static readonly HashSet<string> HoursWords = ["我的服务时长", "服务时长", "我的时长", "我的积分", "查时长", "我的志愿时长", "我的志愿服务时长", "服务积分", "查积分"];
    // How people ask about activities ("这周有什么活动", "最近有啥活动吗", "周末有活动吗", "社区活动"): phrases, not single
    // words, so that a wish about a place ("活动广场的灯坏了") stays a wish.
    private static readonly string[] ActivityAsks =
        ["什么活动", "哪些活动", "啥活动", "有活动", "活动吗", "活动呢", "活动安排", "活动预告", "社区活动", "近期活动", "最近的活动", "本周活动", "这周活动",
         "周末活动", "下周活动", "查活动", "看看活动", "活动有哪些", "活动有什么", "活动可以报名", "能报名的活动"];
    private static readonly string[] ProblemWords = ["坏", "修", "漏", "堵", "投诉", "脏", "吵", "乱"];
    private static readonly string[] BookingVerbs = ["预约", "我要预约", "我想预约", "借", "我想借", "我要借", "订", "我想订", "我要订", "想借", "想订", "想预约", "申请"];
    private static readonly string[] RoomWords = ["活动室", "会议室", "场地", "多功能厅", "活动场地", "教室", "球场", "阅览室"];

    private static Intent? CommunityLife(string plain, string bare)
    {
        var upper = plain.ToUpperInvariant();
        if (ActivityIdPattern().Match(upper) is { Success: true } activity)
            return bare.StartsWith("取消", StringComparison.Ordinal) ? new Intent(IntentKind.CancelRegistration, activity.Value)
                : bare.StartsWith("报名", StringComparison.Ordinal) || bare.StartsWith("我要报名", StringComparison.Ordinal) ? new Intent(IntentKind.JoinActivity, activity.Value)
                : new Intent(IntentKind.MyActivities);
        if (BookingIdPattern().Match(plain) is { Success: true } booking)
            return bare.StartsWith("取消", StringComparison.Ordinal) ? new Intent(IntentKind.CancelBooking, booking.Value) : new Intent(IntentKind.MyBookings);
        if (bare is "取消报名" or "不去了" or "我不去了" or "退出报名" or "取消活动报名") return new Intent(IntentKind.CancelRegistration);
        if (bare is "取消预约" or "不用预约了" or "退订") return new Intent(IntentKind.CancelBooking);
        if (MyActivityWords.Contains(bare)) return new Intent(IntentKind.MyActivities);
        if (MyBookingWords.Contains(bare)) return new Intent(IntentKind.MyBookings);
        if (ReportWords.Contains(bare)) return new Intent(IntentKind.Report);
        if (HoursWords.Contains(bare) || bare.Length <= 12 && bare.Contains("服务时长")) return new Intent(IntentKind.MyHours);
        if (bare is "预约" or "我要预约" or "我想预约" or "预约资源" or "共享资源" or "资源预约" or "预约场地"
            || bare.Length <= 12 && RoomWords.Any(bare.Contains) && BookingVerbs.Any(v => bare.StartsWith(v, StringComparison.Ordinal)))
            return new Intent(IntentKind.BookRoom);
        if (bare is "活动" or "报名" or "我要报名" or "活动报名" or "报名活动" or "参加活动" or "我要参加活动") return new Intent(IntentKind.ListActivities);
        // "活动室" is a place (a wish about it is a wish), not an activity.
        if (bare.Length <= 14 && ActivityAsks.Any(bare.Contains) && !RoomWords.Any(bare.Contains) && !ProblemWords.Any(bare.Contains))
            return new Intent(IntentKind.ListActivities);
        return null;
    }

    [GeneratedRegex(@"HD\d{6}-[23456789A-HJ-NP-Z]{6}")]
    private static partial Regex ActivityIdPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])bk\d{8}-[0-9a-f]{8}(?![0-9A-Za-z])")]
    private static partial Regex BookingIdPattern();
}
