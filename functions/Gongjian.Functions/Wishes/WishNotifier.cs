using Gongjian.Bot.Notifications;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Wishes;

/// <summary>
/// The wish module's fan-out: the community's staff (their console inbox, and the community's group robot if
/// any) hear of a new wish to review, a claim, a released claim, a fulfilment, and the reminders. Notices name
/// the wish by its public text (or its category before it is published), never the resident or a person claimer.
/// Safe to run twice: notification ids derive from the event or timer id.
/// </summary>
public sealed class WishNotifier(CommunityDirectory directory, NotificationSender sender) : INotifier<WishState>
{
    public async Task NotifyAsync(EventMessage message, WishState state, CancellationToken ct)
    {
        var community = (await directory.GetAsync(ct)).CommunityName(state.CommunityId);
        var (kind, text) = message.Type switch
        {
            nameof(WishSubmitted) => ("wish_submitted", $"{community}有一个新的微心愿（{WishCategory.NameOf(state.Category)}）待审核，审核后发布到心愿墙。"),
            nameof(WishClaimed) => ("wish_claimed", $"微心愿“{Label(state)}”已由{state.Claimer?.PublicName}认领。"),
            nameof(WishClaimReleased) => ("wish_released", $"微心愿“{Label(state)}”的认领已放弃，心愿重新待认领。"),
            nameof(WishFulfilled) => ("wish_fulfilled", $"微心愿“{Label(state)}”已实现，请联系居民确认。"),
            _ => (null, null),
        };
        if (kind is not null)
        {
            var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
            // No order id: the console's inbox would link the notice as an order and a group robot would call it 工单号.
            await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, kind, text!, ct, title: "微心愿", sequence: message.Sequence);
        }
        await ToResidentAsync(message, state, ct);
    }

    /// <summary>
    /// The resident hears, in the chat that posted the wish (the bot finds it by the wish's id, as for an order), when it is
    /// published or not, claimed, given up and fulfilled. The sequence keeps a late notice from reading out of order.
    /// </summary>
    private async Task ToResidentAsync(EventMessage message, WishState state, CancellationToken ct)
    {
        var mine = state.PublicText is { } shown ? $"您的微心愿“{(shown.Length <= 15 ? shown : shown[..15] + "…")}”" : $"您的微心愿（{WishCategory.NameOf(state.Category)}）";
        // The wall's words (no personal data) once published; the category before: a notice may wait on a queue.
        var (kind, text) = message.Type switch
        {
            nameof(WishPublished) => ("wish_published", $"{mine}已通过审核，发布到心愿墙了（显示为“{state.DisplayName}”，不含您的姓名和电话）。有人认领时我会告诉您。"),
            nameof(WishRejected) => ("wish_rejected", $"{mine}这次没有通过审核：{state.Reason?.TrimEnd('。', '.')}。如有疑问，可以联系社区工作人员。"),
            nameof(WishClaimed) => ("wish_claimed", $"好消息！{mine}已由{state.Claimer?.PublicName}认领，社区会和您联系具体安排。"),
            nameof(WishClaimReleased) => ("wish_released", $"{mine}的认领人因故放弃了，心愿已重新放回心愿墙，等待新的认领。"),
            nameof(WishFulfilled) => ("wish_fulfilled", $"{mine}，{state.Claimer?.PublicName}说已经帮您实现了。如果收到了，请点“确认心愿已实现”。"),
            _ => (null, null),
        };
        if (kind is null) return;
        var to = new Recipient(RecipientKind.Resident, state.Id);
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, kind, text!, ct, title: "微心愿", sequence: message.Sequence);
    }


    public async Task RemindAsync(TimerMessage timer, WishState state, CancellationToken ct)
    {
        var text = state.Status == WishStatus.Published
            ? $"微心愿“{Label(state)}”发布后还没有人认领，可以邀请党员、志愿者或共建单位认领。"
            : $"微心愿“{Label(state)}”认领后还没有实现，请与{state.Claimer?.PublicName}联系跟进。";
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "wish_reminder", text, ct, title: "微心愿", sequence: state.Version);
    }

    private static string Label(WishState s) => s.PublicText is { } t ? (t.Length <= 20 ? t : t[..20] + "…") : WishCategory.NameOf(s.Category);
}
