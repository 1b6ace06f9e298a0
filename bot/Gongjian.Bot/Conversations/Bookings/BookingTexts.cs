using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Bookings;

/// <summary>What the bot says about 预约 shared rooms (Simplified Chinese, short sentences; days and times in Beijing time).</summary>
public static class BookingTexts
{
    public const string Book = "预约活动室";
    public const string Mine = "我的预约";
    public const string CancelWord = "取消预约";
    public const string Confirm = "确认预约";
    public const string CardTitle = "请确认您的预约";

    public static string NoResources(string community) => $"{community}暂时没有开放预约的共享场地。需要的话，可以联系社区工作人员问问。";
    public static string AskResource(string community) => $"{community}可以预约这些场地，请选一个：";
    public const string BadResource = "没找到这个场地，请点下面的按钮选一个：";
    public static string AskDay(string title) => $"好的，预约“{title}”。哪一天用？（可以点按钮，也可以直接说“12月10日”）";
    public const string BadDay = "没看懂这个日期，请点按钮或者说“明天”“12月10日”。";
    public const string PastDay = "这一天已经过去了，请选今天或以后的日子。";
    public static string Closed(string title, string day) => $"“{title}”{day}不开放，请换一天：";
    public static string Full(string title, string day) => $"“{title}”{day}已经约满了，请换一天：";
    public static string AskTime(string title, string day, string? hours) =>
        $"“{title}”{day}的空闲时段如下（北京时间{(hours is null ? "" : "，开放时间 " + hours)}），请选一个，也可以直接说“14:00-16:00”：";
    public const string BadTime = "没看懂这个时段，请点按钮，或者按“14:00-16:00”的样子告诉我。";
    public const string AskPurpose = "用来做什么？比如“楼栋议事会”“老年合唱队排练”。";
    public const string BadPurpose = "请简单说一下用途，100 字以内。";
    public const string AskPeople = "大概多少人参加？请回复数字，比如“15”。";
    public const string BadPeople = "请回复人数的数字，比如“15”。";
    public const string AskName = "请问预约人的姓名？（只给场地所属单位看）";
    public const string BadName = "请告诉我预约人的姓名，比如“王建国”。";
    public const string AskPhone = "请留一个手机号，场地单位有事联系您（只给场地所属单位看）。";
    public const string BadPhone = "这个号码好像不对，请输入 11 位手机号（如 13812345678）。";
    public const string ConfirmPrompt = "请核对预约信息，没问题就点“确认预约”。";

    public static string Approved(BookedSlot b) =>
        $"预约成功！“{b.Title}”{Beijing.Day(b.Day)}{b.Start}–{b.End} 已为您留好，请按时使用。\n预约号：{b.BookingId}。不用了请发送“{CancelWord}”，把时段让给别人。";

    public static string Pending(BookedSlot b) =>
        $"预约申请已提交：“{b.Title}”{Beijing.Day(b.Day)}{b.Start}–{b.End}，正在等场地所属单位审批，这个时段先为您保留。\n" +
        $"预约号：{b.BookingId}。审批结果发送“{Mine}”就能查看。";

    public static string TryAnotherTime(string reason) => $"抱歉，没能预约：{reason}请换一个时段：";
    public static string NotBooked(string reason) => $"抱歉，没能预约：{reason}";

    public const string NothingBooked = "您在这里还没有预约过。发送“预约活动室”就可以预约社区的共享场地。";
    public const string WhichToCancel = "您有几个预约，要取消哪一个？";
    public const string CancelTitle = "不用了的话，可以取消预约，把时段让给别人：";
    public static string Cancelled(BookedSlot b) => $"已取消“{b.Title}”{Beijing.Day(b.Day)}{b.Start}–{b.End} 的预约。";
    public static string CancelFailed(string reason) => $"抱歉，没能取消：{reason}";

    public static string Line(BookedSlot b) =>
        $"“{b.Title}”{Beijing.Day(b.Day)}{b.Start}–{b.End}：{b.StatusName}" + (b.Reason is { Length: > 0 } r && b.Status == "declined" ? $"（{r}）" : "");

    public static string Bookings(IReadOnlyList<BookedSlot> all) => "您的预约：\n" + string.Join("\n", all.Select((b, i) => $"{i + 1}. {Line(b)}"));
}
