using Gongjian.Bot.Desk;

namespace Gongjian.Bot.Conversations.Resident;

/// <summary>What the bot says about a resident's orders: progress, rating, reopening.</summary>
public static class ResidentTexts
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public const string NoOrders =
        "您在这里还没有提交过工单。如果您有工单号和查询码，直接发给我就能查，例如“GJ261122-7KQ3MZ K7M3-QX9P”。";
    public const string NothingToRate = "目前没有待评价的工单。工单办结后，我会请您打分。";
    public const string AskStars = "请为这次服务打个分吧（1～5 分，5 分最满意）：";
    public const string BadStars = "请选择 1～5 分；如果问题还没解决，请点“重新办理”。";
    public const string AskComment = "谢谢您的打分！还有什么想说的吗？直接输入即可，也可以点“跳过”。";
    public const string Thanks = "感谢您的评价！您的意见会帮助共建单位做得更好。";
    public const string AskReopenReason = "很抱歉问题还没解决。请简单说说哪里还没解决？";
    public const string ReasonTooShort = "请简单写几个字说明原因。";

    public static string Progress(IReadOnlyList<OrderSummary> orders) =>
        "您的工单进度：\n" + string.Join("\n", orders.Select((o, i) => $"{i + 1}. {o.OrderId}（{o.CategoryName}）{o.Summary}：{Status(o)}"));

    public static string Status(OrderSummary o)
    {
        var text = o.StatusName;
        if (o.UnitName is { Length: > 0 } unit && o.Status is "dispatched" or "accepted" or "reopened" or "completed") text += $"，承办单位：{unit}";
        // A finished order has nothing left to wait for: no "预计…前处理" (a deadline remembered from a reminder is stale).
        if (o.Status == "completed") text += "，发送“我的评价”就可以打分";
        else if (IsOpen(o.Status) && o.NextDueAt is { } due) text += $"，预计 {Local(due)} 前{o.NextStep ?? "处理"}";
        return text;
    }

    /// <summary>Whether the order still waits for someone other than the resident (派单, 接单, 办结).</summary>
    public static bool IsOpen(string status) => status is "placed" or "dispatched" or "accepted" or "declined" or "reopened";

    public static string Tracked(OrderSummary o) => $"找到了！工单 {o.OrderId}（{o.CategoryName}）：{Status(o)}。以后发送“查进度”就能看到它。";

    public const string StarsHint = "请点选 1～5 分（5 分最满意）；如果问题没解决，请点“重新办理”。";

    public const string ReopenHint = "5 分最满意；如果问题没解决，请点“重新办理”。";

    /// <summary>The engine's completion notice already asks for the stars: then only what the buttons mean is added.</summary>
    public static string RatePrompt(string orderId, string? notice) =>
        (notice is { Length: > 0 } ? notice : $"您的工单 {orderId} 已办结。") + "\n" + (notice?.Contains("打分") == true ? ReopenHint : StarsHint);

    public static string Reopened(string orderId) => $"已为您申请重新办理，工单 {orderId} 会再次交给承办单位，有进展我会告诉您。";

    public static string Local(DateTimeOffset at) => at.ToOffset(Beijing).ToString("M月d日 HH:mm");

    public static string Failed(string reason) => $"抱歉，没有办成：{reason}";
}
