using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;

namespace Gongjian.Functions.Orders;

/// <summary>
/// Shapes an order for one caller: contact details only for those who need them. Those who may not see
/// the contact read every free text (request, reasons, notes, rating comment) through <see cref="FreeTextRedactor"/>:
/// a phone or house number typed into the text is masked like the contact itself.
/// </summary>
public static class OrderViewMapper
{
    public static OrderView ToView(OrderState s, Caller? caller, string communityName, SlaPolicy policy, DateTimeOffset now,
        IReadOnlyList<OrderEvent>? history = null, IReadOnlyList<TimelineEntry>? notes = null, bool withhold = false)
    {
        var deadline = Sla.Current(s, policy);
        var allowed = OrderAccess.MaySeeContact(caller, s);
        var visible = allowed && !withhold;
        var erased = s.PersonalDataErasedAt is not null;
        string Photo(string id) => $"/api/orders/{s.Id}/photos/{id}";
        var known = KnownPersonalData.Of(s);
        string? Free(string? text) => visible || erased ? text : FreeTextRedactor.RedactOptional(text, known);
        return new OrderView
        {
            Id = s.Id,
            Status = s.Status.Code(),
            StatusName = s.Status.Chinese(),
            Category = s.Category,
            CategoryName = ServiceCategory.NameOf(s.Category),
            Text = Free(s.Text)!,
            CommunityId = s.CommunityId,
            CommunityName = communityName,
            Address = visible || erased ? s.Address : AddressMask.Mask(s.Address),
            Contact = visible || erased
                ? new ContactView(s.Contact.Name, s.Contact.Phone)
                : new ContactView(AddressMask.MaskName(s.Contact.Name), PhoneNumber.Mask(s.Contact.Phone)),
            ContactVisible = visible,
            ContactWithheld = allowed && withhold && s.PersonalDataErasedAt is null,
            Unit = s.UnitId is null ? null : new UnitRef(s.UnitId, s.UnitName ?? ""),
            PlacedAt = s.PlacedAt,
            DispatchedAt = s.DispatchedAt,
            AcceptedAt = s.AcceptedAt,
            CompletedAt = s.CompletedAt,
            ClosedAt = s.ClosedAt,
            Rating = s.Rating,
            RatingComment = Free(s.RatingComment),
            ReopenCount = s.ReopenCount,
            BeforePhotos = s.BeforePhotoIds.Select(Photo).ToList(),
            AfterPhotos = s.AfterPhotoIds.Select(Photo).ToList(),
            ShowcaseIds = s.ShowcaseIds,
            Version = s.Version,
            PersonalDataErasedAt = s.PersonalDataErasedAt,
            Deadline = deadline is null ? null : new DeadlineView(deadline.Step.ToString().ToLowerInvariant(), deadline.Step.Chinese(),
                deadline.DueAt, deadline.RemindAt, deadline.IsOverdue(now), s.EscalatedStep == deadline.Step),
            Timeline = history?.Select((e, i) => Entry(e, i + 1)).Concat(notes ?? []).OrderBy(t => t.At)
                .Select(t => t with { Description = Free(t.Description)!, Reason = Free(t.Reason) }).ToList(),
        };
    }

    /// <summary>Timeline entries are written out field by field so personal data in events never leaks into them.</summary>
    private static TimelineEntry Entry(OrderEvent e, int sequence)
    {
        var (type, description, reason) = e switch
        {
            OrderPlaced p => ("placed", $"居民提交诉求（{ServiceCategory.NameOf(p.Category)}）", null),
            OrderDispatched d => ("dispatched", $"派单给{d.UnitName}（{ServiceCategory.NameOf(d.Category)}）", d.Note),
            OrderAccepted => ("accepted", "单位已接单", null),
            OrderDeclined d => ("declined", "单位拒单，退回社区重新派单", d.Reason),
            DispatchWithdrawn w => ("withdrawn", "派单已撤回，退回社区重新派单", w.Reason),
            OrderCompleted c => ("completed", $"单位已办结（附照片 {c.PhotoIds.Count} 张）", c.Note),
            OrderConfirmed { Rating: { } rating } c => ("confirmed", $"居民已评价：{rating} 分", c.Comment),
            OrderConfirmed c => ("confirmed", "超过期限未评价，系统自动确认", c.Comment),
            OrderEscalated esc => ("escalated", $"{esc.Step.Chinese()}超时，已提请街道督办", (string?)null),
            OrderReopened r => ("reopened", "居民不满意，申请重新办理", r.Reason),
            OrderCancelled c => ("cancelled", "居民已取消", c.Reason),
            OrderRejected r => ("rejected", "社区不予受理", r.Reason),
            OrderShowcased => ("showcased", "已入选晒单", (string?)null),
            PersonalDataErased x => ("erased", "个人信息已删除", x.Reason),
            _ => ("unknown", "", null),
        };
        var by = new ActorView(Caller.RoleCode(e.By.Role), e.By.Role == ActorRole.Resident ? "居民" : e.By.Name);
        // An erased order's stored events keep their course but not what the resident wrote: "" is no reason.
        return new TimelineEntry(sequence, type, e.OccurredAt, by, description, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
