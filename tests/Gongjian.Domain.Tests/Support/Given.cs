using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Support;

/// <summary>
/// Orders built the only way real ones are: by replaying events through <see cref="OrderState.Evolve"/>.
/// </summary>
internal static class Given
{
    private static readonly DateTimeOffset Start = Fixture.Now.AddDays(-3);

    public static OrderState OrderIn(OrderStatus status) => OrderState.Replay(HistoryOf(status));

    /// <summary>The shortest ordinary history that leaves an order in the status; None has none.</summary>
    public static IReadOnlyList<OrderEvent> HistoryOf(OrderStatus status) => status switch
    {
        OrderStatus.None => [],
        OrderStatus.Placed => [Placed()],
        OrderStatus.Dispatched => [.. HistoryOf(OrderStatus.Placed), Dispatched()],
        OrderStatus.Accepted => [.. HistoryOf(OrderStatus.Dispatched), Accepted()],
        OrderStatus.Completed => [.. HistoryOf(OrderStatus.Accepted), Completed()],
        OrderStatus.Confirmed => [.. HistoryOf(OrderStatus.Completed), Confirmed()],
        OrderStatus.Declined => [.. HistoryOf(OrderStatus.Dispatched), Declined()],
        OrderStatus.Reopened => [.. HistoryOf(OrderStatus.Completed), Reopened()],
        OrderStatus.Cancelled => [.. HistoryOf(OrderStatus.Placed), Cancelled()],
        OrderStatus.Rejected => [.. HistoryOf(OrderStatus.Placed), Rejected()],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A completed order that the resident has sent back <paramref name="reopens"/> times.</summary>
    public static OrderState CompletedAfterReopens(int reopens) =>
        OrderIn(OrderStatus.Completed).Then(Enumerable.Range(1, reopens)
            .SelectMany(i => new OrderEvent[] { Reopened(), Completed($"photo-after-{i + 1}") }));

    public static OrderState Then(this OrderState state, params IEnumerable<OrderEvent> events) =>
        events.Aggregate(state, OrderState.Evolve);

    public static OrderPlaced Placed(string? category = Fixture.Category) => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start, By = Fixture.Resident,
        Text = "楼道灯坏了，晚上看不见路。", Category = category,
        CommunityId = Fixture.CommunityId, StreetId = Fixture.StreetId, Address = "三联小区3号楼2单元301",
        Contact = new Contact("张三", "13812345678"), PhotoIds = ["photo-before-1"],
        TrackingCodeHash = "hash-of-tracking-code",
    };

    public static OrderDispatched Dispatched(Community.MemberUnit? unit = null)
    {
        unit ??= Fixture.Unit;
        return new()
        {
            OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(1), By = Fixture.Dispatcher,
            UnitId = unit.Id, UnitName = unit.Name, Category = Fixture.Category, Note = "请尽快处理",
        };
    }

    public static OrderAccepted Accepted(string? unitId = null) => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(2), By = Fixture.LiaisonOf(unitId ?? Fixture.Unit.Id),
        UnitId = unitId ?? Fixture.Unit.Id,
    };

    public static OrderDeclined Declined(string? unitId = null) => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(2), By = Fixture.LiaisonOf(unitId ?? Fixture.Unit.Id),
        UnitId = unitId ?? Fixture.Unit.Id, Reason = "本单位无此服务能力",
    };

    public static DispatchWithdrawn Withdrawn(string? unitId = null) => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(26), By = Fixture.System,
        UnitId = unitId ?? Fixture.Unit.Id, Reason = "超时未接单",
    };

    public static OrderCompleted Completed(string photoId = "photo-after-1") => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddDays(1), By = Fixture.LiaisonOf(Fixture.Unit),
        Note = "已更换灯泡", PhotoIds = [photoId],
    };

    public static OrderConfirmed Confirmed() => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddDays(2), By = Fixture.Resident, Rating = 5, Comment = "很及时",
    };

    public static OrderReopened Reopened() => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddDays(2), By = Fixture.Resident, Reason = "灯又不亮了",
    };

    public static OrderCancelled Cancelled() => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(1), By = Fixture.Resident, Reason = "自己修好了",
    };

    public static OrderRejected Rejected() => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddHours(1), By = Fixture.Dispatcher, Reason = "不属于服务范围",
    };

    public static OrderShowcased Showcased(string showcaseId) => new()
    {
        OrderId = Fixture.OrderId, OccurredAt = Start.AddDays(3), By = Fixture.Organizer, ShowcaseId = showcaseId,
    };
}
