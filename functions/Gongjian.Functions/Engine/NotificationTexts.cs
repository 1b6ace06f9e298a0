using Gongjian.Bot.Notifications;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Engine;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Who hears about an order event and what they read. Texts never carry the resident's phone or
/// address: a unit sees the request itself (to decide whether to accept), and every free text in a
/// notice (request, reasons) goes through <see cref="FreeTextRedactor"/>, whoever receives it — notices
/// reach group chats and phones, not only the person entitled to the contact.
/// </summary>
public static class NotificationTexts
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static IEnumerable<(Recipient To, string Kind, string Text)> For(EventMessage m, OrderState s, string community)
    {
        var what = $"{community}{ServiceCategory.NameOf(s.Category)}诉求“{Summary(s)}”（工单 {s.Id}）";
        var unit = s.UnitName ?? "承办单位";
        var reason = FreeTextRedactor.RedactOptional(m.Fact("reason"), KnownPersonalData.Of(s));
        switch (m.Type)
        {
            case nameof(OrderPlaced):
                yield return (new(RecipientKind.Dispatcher, s.CommunityId), "placed", $"【待派单】{what}，请及时派单。");
                break;
            case nameof(OrderDispatched):
                // s is the order now: an event handled late (after an outage) may find it declined or withdrawn, with no unit.
                if (s.UnitId is { } dispatchedTo) yield return (new(RecipientKind.Unit, dispatchedTo), "dispatched", $"【新工单】{what}，请尽快接单。");
                break;
            case nameof(OrderAccepted):
                yield return (new(RecipientKind.Resident, s.Id), "accepted", $"您的诉求已由{unit}接单，正在办理中。");
                break;
            case nameof(OrderDeclined):
                yield return (new(RecipientKind.Dispatcher, s.CommunityId), "declined", $"【拒单】{what}被退回，理由：{reason}。请重新派单。");
                break;
            case nameof(DispatchWithdrawn):
                yield return (new(RecipientKind.Dispatcher, s.CommunityId), "withdrawn", $"【超时未接单】{what}已撤回，请重新派单。");
                if (m.Fact("previousUnitId") is { } previous)
                    yield return (new(RecipientKind.Unit, previous), "withdrawn", $"{what}因超时未接单，已由社区收回。");
                break;
            case nameof(OrderCompleted):
                yield return (new(RecipientKind.Resident, s.Id), "completed", $"您的诉求已由{unit}办结。问题解决了吗？请为这次服务打分（1–5 分）。");
                break;
            case nameof(OrderConfirmed):
                if (s.UnitId is { } rated)
                    yield return (new(RecipientKind.Unit, rated), "confirmed", s.Rating is { } r ? $"居民对{what}的评价：{r} 分。" : $"{what}已自动确认办结。");
                break;
            case nameof(OrderReopened):
                if (s.UnitId is { } reopenedFor) yield return (new(RecipientKind.Unit, reopenedFor), "reopened", $"【重新办理】居民对{what}不满意：{reason}。");
                break;
            case nameof(OrderCancelled):
                yield return (new(RecipientKind.Dispatcher, s.CommunityId), "cancelled", $"居民已取消{what}。");
                if (s.UnitId is { } assigned) yield return (new(RecipientKind.Unit, assigned), "cancelled", $"居民已取消{what}，无需再办理。");
                break;
            case nameof(OrderRejected):
                yield return (new(RecipientKind.Resident, s.Id), "rejected", $"很抱歉，您的诉求暂不受理：{reason}。如有疑问请联系社区。");
                break;
            case nameof(OrderEscalated):
                yield return (new(RecipientKind.Organizer, s.StreetId), "escalation", $"【督办】{what}已超过办理期限，请督促处理。");
                yield return s.UnitId is { } late && s.Status is OrderStatus.Accepted or OrderStatus.Reopened
                    ? (new(RecipientKind.Unit, late), "escalation", $"【督办】{what}已超过办结期限，街道已督办，请尽快办结。")
                    : (new(RecipientKind.Dispatcher, s.CommunityId), "escalation", $"【督办】{what}已超过派单期限，街道已督办，请尽快派单。");
                break;
        }
    }

    public static (Recipient To, string Text) Reminder(OrderState s, Deadline d, string community)
    {
        var what = $"{community}{ServiceCategory.NameOf(s.Category)}诉求“{Summary(s)}”（工单 {s.Id}）";
        var due = Local(d.DueAt);
        return d.Step switch
        {
            SlaStep.Dispatch => (new(RecipientKind.Dispatcher, s.CommunityId), $"【催办】{what}请在 {due} 前派单。"),
            SlaStep.Accept => (new(RecipientKind.Unit, s.UnitId!), $"【催办】{what}请在 {due} 前接单，逾期将由社区收回。"),
            SlaStep.Complete => (new(RecipientKind.Unit, s.UnitId!), $"【催办】{what}请在 {due} 前办结。"),
            _ => (new(RecipientKind.Resident, s.Id), $"您的诉求已办结，请在 {due} 前评价，逾期将自动确认。"),
        };
    }

    public static string Local(DateTimeOffset at) => at.ToOffset(Beijing).ToString("M月d日 HH:mm");

    /// <summary>The first 20 characters of the request, personal data masked first (so a cut never leaves half a phone).</summary>
    public static string Summary(OrderState s)
    {
        var masked = FreeTextRedactor.Redact(s.Text.ReplaceLineEndings(" ").Trim(), KnownPersonalData.Of(s));
        return masked.Length <= 20 ? masked : masked[..20] + "…";
    }
}
