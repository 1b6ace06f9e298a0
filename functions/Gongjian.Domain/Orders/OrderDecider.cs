using Gongjian.Domain.Community;
using Gongjian.Domain.Privacy;
using static Gongjian.Domain.Orders.OrderStatus;

namespace Gongjian.Domain.Orders;

/// <summary>
/// The rules of the cycle, in one place. The switch below is the transition table:
/// a (status, command) pair that is not listed is refused with the order's current status.
/// </summary>
public static class OrderDecider
{
    public static Decision Decide(OrderState state, OrderCommand command, DateTimeOffset now)
    {
        if (state.Status == None && command is not PlaceOrder) return Rejections.OrderNotFound();
        if (Authorize(command) is { } forbidden) return forbidden;

        return (state.Status, command) switch
        {
            (None, PlaceOrder c) => Place(c, now),
            (_, PlaceOrder) => Rejections.OrderExists(),

            (Placed or Declined, DispatchOrder c) => Dispatch(state, c, now),
            (Placed or Declined, RejectOrder c) => Reject(state, c, now),
            (Placed or Declined or Dispatched, CancelOrder c) => Cancel(state, c, now),
            (Dispatched, AcceptOrder c) => Accept(state, c, now),
            (Dispatched, DeclineOrder c) => Decline(state, c, now),
            (Dispatched, WithdrawDispatch c) => Withdraw(state, c, now),
            (Accepted or Reopened, CompleteOrder c) => Complete(state, c, now),
            (Completed, ConfirmOrder c) => Confirm(state, c, now),
            (Completed, ReopenOrder c) => Reopen(state, c, now),
            (Completed or Confirmed, IncludeInShowcase c) => Showcase(state, c, now),
            (_, ExpireDeadline c) => Expire(state, c, now),
            (_, ErasePersonalData c) => Erase(state, c, now),

            (var status, _) => Rejections.WrongState(status, ActionName(command)),
        };
    }

    private static Decision? Authorize(OrderCommand command)
    {
        var role = command.By.Role;
        var allowed = command switch
        {
            PlaceOrder => role is ActorRole.Resident or ActorRole.Dispatcher or ActorRole.Admin or ActorRole.System,
            DispatchOrder or RejectOrder => role is ActorRole.Dispatcher or ActorRole.Admin,
            AcceptOrder or DeclineOrder or CompleteOrder => role is ActorRole.Liaison,
            ConfirmOrder or ReopenOrder or CancelOrder => role is ActorRole.Resident,
            WithdrawDispatch => role is ActorRole.System or ActorRole.Dispatcher or ActorRole.Admin,
            IncludeInShowcase => role is ActorRole.Organizer or ActorRole.Admin,
            ExpireDeadline => role is ActorRole.System,
            ErasePersonalData => role is ActorRole.Resident or ActorRole.Admin or ActorRole.System,
            _ => false,
        };
        return allowed ? null : Rejections.RoleNotAllowed(ActionName(command));
    }

    private static string ActionName(OrderCommand command) => command switch
    {
        PlaceOrder => "提交工单",
        DispatchOrder => "派单",
        AcceptOrder => "接单",
        DeclineOrder => "拒单",
        CompleteOrder => "办结",
        ConfirmOrder => "评价",
        ReopenOrder => "申请重新办理",
        CancelOrder => "取消",
        RejectOrder => "不予受理",
        WithdrawDispatch => "撤回派单",
        IncludeInShowcase => "加入晒单",
        ExpireDeadline => "执行超时处理",
        ErasePersonalData => "删除个人信息",
        _ => "执行此操作",
    };

    private static Decision Place(PlaceOrder c, DateTimeOffset now)
    {
        if (Text(c.Text, "text", "诉求内容", OrderLimits.TextMax) is { } badText) return badText;
        if (Text(c.Address, "address", "地址", OrderLimits.AddressMax) is { } badAddress) return badAddress;
        if (Text(c.Contact.Name, "contact_name", "联系人姓名", OrderLimits.NameMax) is { } badName) return badName;
        if (c.Category is not null && !ServiceCategory.IsKnown(c.Category)) return Rejections.UnknownCategory();
        if (c.PhotoIds.Count > OrderLimits.PhotosMax) return Rejections.TooManyPhotos();
        if (!PhoneNumber.TryNormalize(c.Contact.Phone, out var phone)) return Rejections.InvalidPhone();

        return new OrderPlaced
        {
            OrderId = c.OrderId, OccurredAt = now, By = c.By, Text = c.Text.Trim(), Category = c.Category,
            CommunityId = c.CommunityId, StreetId = c.StreetId, Address = c.Address.Trim(),
            Contact = new Contact(c.Contact.Name.Trim(), phone), PhotoIds = c.PhotoIds,
            TrackingCodeHash = c.TrackingCodeHash, Origin = c.Origin,
        };
    }

    private static Decision Dispatch(OrderState s, DispatchOrder c, DateTimeOffset now)
    {
        var category = c.Category ?? s.Category;
        if (category is null) return Rejections.CategoryRequired();
        if (!ServiceCategory.IsKnown(category)) return Rejections.UnknownCategory();
        if (!c.Unit.Serves(category)) return Rejections.UnitDoesNotServe();
        if (!c.Unit.Covers(s.CommunityId)) return Rejections.UnitDoesNotCover();
        if (Optional(c.Note, "note", "派单说明", OrderLimits.NoteMax) is { } badNote) return badNote;
        return new OrderDispatched
        {
            OrderId = s.Id, OccurredAt = now, By = c.By, UnitId = c.Unit.Id, UnitName = c.Unit.Name, UnitStreetId = c.Unit.StreetId,
            Category = category, Note = c.Note?.Trim(),
        };
    }

    private static Decision Accept(OrderState s, AcceptOrder c, DateTimeOffset now) =>
        c.By.Id != s.UnitId ? Rejections.NotAssignedUnit()
        : new OrderAccepted { OrderId = s.Id, OccurredAt = now, By = c.By, UnitId = s.UnitId };

    private static Decision Decline(OrderState s, DeclineOrder c, DateTimeOffset now)
    {
        if (c.By.Id != s.UnitId) return Rejections.NotAssignedUnit();
        if (Text(c.Reason, "reason", "拒单理由", OrderLimits.ReasonMax) is { } bad) return bad;
        return new OrderDeclined { OrderId = s.Id, OccurredAt = now, By = c.By, UnitId = s.UnitId, Reason = c.Reason.Trim() };
    }

    private static Decision Withdraw(OrderState s, WithdrawDispatch c, DateTimeOffset now)
    {
        if (Text(c.Reason, "reason", "撤回理由", OrderLimits.ReasonMax) is { } bad) return bad;
        return new DispatchWithdrawn { OrderId = s.Id, OccurredAt = now, By = c.By, UnitId = s.UnitId!, Reason = c.Reason.Trim() };
    }

    private static Decision Complete(OrderState s, CompleteOrder c, DateTimeOffset now)
    {
        if (c.By.Id != s.UnitId) return Rejections.NotAssignedUnit();
        if (Text(c.Note, "note", "办结说明", OrderLimits.NoteMax) is { } bad) return bad;
        if (c.PhotoIds.Count == 0) return Rejections.CompletionPhotoRequired();
        if (c.PhotoIds.Count > OrderLimits.PhotosMax) return Rejections.TooManyPhotos();
        return new OrderCompleted { OrderId = s.Id, OccurredAt = now, By = c.By, Note = c.Note.Trim(), PhotoIds = c.PhotoIds };
    }

    private static Decision Confirm(OrderState s, ConfirmOrder c, DateTimeOffset now)
    {
        if (c.Rating is < 1 or > 5) return Rejections.RatingOutOfRange();
        if (Optional(c.Comment, "comment", "评价内容", OrderLimits.CommentMax) is { } bad) return bad;
        return new OrderConfirmed { OrderId = s.Id, OccurredAt = now, By = c.By, Rating = c.Rating, Comment = c.Comment?.Trim() };
    }

    private static Decision Reopen(OrderState s, ReopenOrder c, DateTimeOffset now)
    {
        if (s.ReopenCount >= OrderLimits.ReopensMax) return Rejections.ReopenLimitReached();
        if (Text(c.Reason, "reason", "重新办理的原因", OrderLimits.ReasonMax) is { } bad) return bad;
        return new OrderReopened { OrderId = s.Id, OccurredAt = now, By = c.By, Reason = c.Reason.Trim() };
    }

    private static Decision Cancel(OrderState s, CancelOrder c, DateTimeOffset now)
    {
        if (Optional(c.Reason, "reason", "取消原因", OrderLimits.ReasonMax) is { } bad) return bad;
        return new OrderCancelled { OrderId = s.Id, OccurredAt = now, By = c.By, Reason = c.Reason?.Trim() };
    }

    private static Decision Reject(OrderState s, RejectOrder c, DateTimeOffset now)
    {
        if (Text(c.Reason, "reason", "不予受理的理由", OrderLimits.ReasonMax) is { } bad) return bad;
        return new OrderRejected { OrderId = s.Id, OccurredAt = now, By = c.By, Reason = c.Reason.Trim() };
    }

    private static Decision Showcase(OrderState s, IncludeInShowcase c, DateTimeOffset now) =>
        s.ShowcaseIds.Contains(c.ShowcaseId) ? Rejections.AlreadyInShowcase()
        : new OrderShowcased { OrderId = s.Id, OccurredAt = now, By = c.By, ShowcaseId = c.ShowcaseId };

    /// <summary>
    /// A due deadline: an unaccepted dispatch goes back to the dispatcher (超时未接单), an unrated
    /// completion is closed for the resident, and any other late step is escalated to the street once.
    /// </summary>
    private static Decision Expire(OrderState s, ExpireDeadline c, DateTimeOffset now)
    {
        var current = Sla.Current(s, c.Policy);
        if (current is null || current.Step != c.Step || current.StartedAt != c.StepStartedAt) return Rejections.TimerStale();
        if (now < current.DueAt) return Rejections.TimerEarly();
        return c.Step switch
        {
            SlaStep.Accept => new DispatchWithdrawn { OrderId = s.Id, OccurredAt = now, By = c.By, UnitId = s.UnitId!, Reason = "超时未接单" },
            SlaStep.Confirm => new OrderConfirmed { OrderId = s.Id, OccurredAt = now, By = c.By, Rating = null, Comment = "超过期限未评价，系统自动确认" },
            _ when s.EscalatedStep == c.Step => Rejections.AlreadyEscalated(),
            _ => new OrderEscalated { OrderId = s.Id, OccurredAt = now, By = c.By, Step = c.Step, DueAt = current.DueAt },
        };
    }

    /// <summary>
    /// PIPL: only a closed order may lose its personal data (an open one still needs it to be served; the
    /// resident who wants out cancels first). The retention timer names the close it was set for.
    /// </summary>
    private static Decision Erase(OrderState s, ErasePersonalData c, DateTimeOffset now)
    {
        if (s.PersonalDataErasedAt is not null) return Rejections.AlreadyErased();
        if (c.ClosedAt is { } closedAt && (!s.Status.IsClosed() || s.ClosedAt != closedAt)) return Rejections.TimerStale();
        if (!s.Status.IsClosed()) return Rejections.OrderNotClosed();
        if (Optional(c.Reason, "reason", "删除原因", OrderLimits.ReasonMax) is { } bad) return bad;
        return new PersonalDataErased { OrderId = s.Id, OccurredAt = now, By = c.By, Reason = c.Reason?.Trim(), PhotoIds = s.BeforePhotoIds };
    }

    private static Decision? Text(string? value, string field, string label, int max) =>
        string.IsNullOrWhiteSpace(value) ? Rejections.Required(field, label)
        : value.Trim().Length > max ? Rejections.TooLong(field, label, max)
        : null;

    private static Decision? Optional(string? value, string field, string label, int max) =>
        value is not null && value.Trim().Length > max ? Rejections.TooLong(field, label, max) : null;
}
