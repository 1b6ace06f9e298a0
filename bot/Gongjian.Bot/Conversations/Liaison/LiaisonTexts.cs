using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Liaison;

/// <summary>What the bot says to a unit's liaison.</summary>
public static class LiaisonTexts
{
    public const string NotBound = "您还没有绑定单位。请发送“绑定”加社区给您的 6 位绑定码，例如“绑定 123456”。";
    public const string UnknownCode = "绑定码不正确，请核对后重新发送，例如“绑定 123456”。";
    public const string ExpiredCode = "这个绑定码已过期，请联系社区工作人员重新获取。";
    public const string UsedCode = "这个绑定码已经用过了，每个绑定码只能用一次。请联系社区工作人员重新获取。";
    public const string TooManyAttempts = "绑定码输错次数太多，请一小时后再试，或联系社区工作人员。";
    public const string Unbound = "已解除绑定，这里不会再收到单位的工单了。";
    public const string AskDeclineReason = "请简单说明拒单原因（比如“不在服务范围内”）：";
    public const string Declined = "已拒单，原因已转告社区，社区会重新派单。";
    public const string AskNote = "请简单描述办理情况（比如“已更换楼道灯泡”）：";
    public const string AskPhoto = "请发一张办结后的现场照片（点输入框旁的回形针上传）。";
    public const string Completed = "已办结，辛苦了！居民会收到评价邀请。";
    public const string WhichOrder = "您要办结哪一张工单？";
    public const string NoAcceptedOrder = "请发送“办结”加工单号，例如“办结 GJ261122-7KQ3MZ”。";
    public const string NoteTooShort = "请写几个字说明办理情况。";
    public const string ReasonTooShort = "请写几个字说明拒单原因。";

    public static string Bound(string unit) =>
        $"绑定成功！您现在是「{unit}」的联络员。派给本单位的工单会发到这里，点“接单”或“拒单”即可处理。";

    public static string Accepted(AcceptedOrder a) =>
        $"已接单！工单 {a.Order.OrderId}（{a.Order.CategoryName}）{a.Order.Summary}\n" +
        $"居民：{a.ContactName}，电话：{a.ContactPhone}\n地址：{a.Address}\n" +
        $"办完后请发送“办结 {a.Order.OrderId}”，并附上现场照片。";

    public static string Failed(string reason) => $"没有办成：{reason}";

    public static string DispatchedTitle(string? title) => "新工单待接单" + (title is { Length: > 0 } ? "：" + title : "");
}
