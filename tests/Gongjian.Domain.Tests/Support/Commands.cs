using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Support;

/// <summary>The twelve things that can be asked of an order.</summary>
public enum CommandKind { Place, Dispatch, Accept, Decline, Complete, Confirm, Reopen, Cancel, Reject, Withdraw, Showcase, Erase }

/// <summary>Well-formed commands from the person who may give them; tests change one thing with <c>with</c>.</summary>
internal static class Commands
{
    public const string ShowcaseId = "showcase-2025-06";

    public static PlaceOrder Place(Actor? by = null) => new()
    {
        By = by ?? Fixture.Resident, OrderId = Fixture.OrderId, Text = "小区门口路灯不亮，晚上出行不便。",
        Category = Fixture.Category, CommunityId = Fixture.CommunityId, StreetId = Fixture.StreetId,
        Address = "三联小区3号楼2单元301", Contact = new Contact("张三", "13812345678"),
        PhotoIds = ["photo-before-1"], TrackingCodeHash = "hash-of-tracking-code", Origin = OrderOrigin.Direct,
    };

    public static DispatchOrder Dispatch(MemberUnit? unit = null, Actor? by = null) => new()
    {
        By = by ?? Fixture.Dispatcher, Unit = unit ?? Fixture.Unit, Note = "请两天内处理",
    };

    public static AcceptOrder Accept(Actor? by = null) => new() { By = by ?? Fixture.LiaisonOf(Fixture.Unit) };

    public static DeclineOrder Decline(Actor? by = null) => new()
    {
        By = by ?? Fixture.LiaisonOf(Fixture.Unit), Reason = "本单位暂无维修人员",
    };

    public static CompleteOrder Complete(Actor? by = null) => new()
    {
        By = by ?? Fixture.LiaisonOf(Fixture.Unit), Note = "已更换路灯灯泡", PhotoIds = ["photo-after-1"],
    };

    public static ConfirmOrder Confirm(Actor? by = null) => new() { By = by ?? Fixture.Resident, Rating = 5, Comment = "很满意" };

    public static ReopenOrder Reopen(Actor? by = null) => new() { By = by ?? Fixture.Resident, Reason = "路灯又坏了" };

    public static CancelOrder Cancel(Actor? by = null) => new() { By = by ?? Fixture.Resident, Reason = "已自行解决" };

    public static RejectOrder Reject(Actor? by = null) => new() { By = by ?? Fixture.Dispatcher, Reason = "属于物业职责" };

    public static WithdrawDispatch Withdraw(Actor? by = null) => new() { By = by ?? Fixture.System, Reason = "超时未接单" };

    public static IncludeInShowcase Showcase(Actor? by = null, string showcaseId = ShowcaseId) => new()
    {
        By = by ?? Fixture.Organizer, ShowcaseId = showcaseId,
    };

    public static ErasePersonalData Erase(Actor? by = null) => new() { By = by ?? Fixture.Resident, Reason = "不再需要保留" };

    /// <summary>A valid command of the kind; <paramref name="by"/> replaces its usual sender.</summary>
    public static OrderCommand Of(CommandKind kind, Actor? by = null) => kind switch
    {
        CommandKind.Place => Place(by),
        CommandKind.Dispatch => Dispatch(by: by),
        CommandKind.Accept => Accept(by),
        CommandKind.Decline => Decline(by),
        CommandKind.Complete => Complete(by),
        CommandKind.Confirm => Confirm(by),
        CommandKind.Reopen => Reopen(by),
        CommandKind.Cancel => Cancel(by),
        CommandKind.Reject => Reject(by),
        CommandKind.Withdraw => Withdraw(by),
        CommandKind.Showcase => Showcase(by),
        CommandKind.Erase => Erase(by),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static CommandKind KindOf(OrderCommand command) => command switch
    {
        PlaceOrder => CommandKind.Place,
        DispatchOrder => CommandKind.Dispatch,
        AcceptOrder => CommandKind.Accept,
        DeclineOrder => CommandKind.Decline,
        CompleteOrder => CommandKind.Complete,
        ConfirmOrder => CommandKind.Confirm,
        ReopenOrder => CommandKind.Reopen,
        CancelOrder => CommandKind.Cancel,
        RejectOrder => CommandKind.Reject,
        WithdrawDispatch => CommandKind.Withdraw,
        IncludeInShowcase => CommandKind.Showcase,
        ErasePersonalData => CommandKind.Erase,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public static Decision DecideOn(this OrderCommand command, OrderState state) =>
        OrderDecider.Decide(state, command, Fixture.Now);
}
