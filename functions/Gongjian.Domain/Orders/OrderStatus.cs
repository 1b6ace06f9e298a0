namespace Gongjian.Domain.Orders;

/// <summary>
/// Where an order is in the cycle. <see cref="Declined"/> means "back with the dispatcher":
/// the unit refused it or the dispatch was withdrawn, and it waits to be dispatched again.
/// </summary>
public enum OrderStatus
{
    None,
    Placed,
    Dispatched,
    Accepted,
    Completed,
    Confirmed,
    Declined,
    Reopened,
    Cancelled,
    Rejected,
}

public static class OrderStatusNames
{
    public static string Code(this OrderStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out OrderStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && status != OrderStatus.None
            && code!.All(char.IsAsciiLetterLower);

    public static string Chinese(this OrderStatus status) => status switch
    {
        OrderStatus.Placed => "待派单",
        OrderStatus.Dispatched => "待接单",
        OrderStatus.Accepted => "办理中",
        OrderStatus.Completed => "待评价",
        OrderStatus.Confirmed => "已评价",
        OrderStatus.Declined => "待重新派单",
        OrderStatus.Reopened => "重新办理中",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Rejected => "不予受理",
        _ => "未知",
    };

    public static bool IsClosed(this OrderStatus status) =>
        status is OrderStatus.Confirmed or OrderStatus.Cancelled or OrderStatus.Rejected;
}
