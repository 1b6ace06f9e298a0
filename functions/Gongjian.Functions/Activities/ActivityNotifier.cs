using Gongjian.Bot.Notifications;
using Gongjian.Domain.Activities;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Activities;

/// <summary>
/// The activity module's fan-out, to the community's staff inbox only (registrations come without a chat to answer in,
/// so people are not messaged): a cancelled activity, and the day-before reminder with the number registered, so staff
/// can call or message them from the participant list. Notices name the activity, never a participant.
/// Safe to run twice: notification ids derive from the event or timer id.
/// </summary>
public sealed class ActivityNotifier(NotificationSender sender) : INotifier<ActivityState>
{
    public async Task NotifyAsync(EventMessage message, ActivityState state, CancellationToken ct)
    {
        if (message.Type != nameof(ActivityCancelled)) return;
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        var text = $"活动“{state.Title}”已取消（{state.CancelReason}），已报名 {state.Registered.Count} 人、候补 {state.Waiting.Count} 人，请通知他们。";
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "activity_cancelled", text, ct, title: "活动报名", sequence: message.Sequence);
    }

    public async Task RemindAsync(TimerMessage timer, ActivityState state, CancellationToken ct)
    {
        var starts = ActivityModule.ToChina(state.StartsAt);
        var text = $"活动“{state.Title}”将于 {starts:M月d日 HH:mm} 在{state.Place}开始，已报名 {state.Registered.Count} 人，请提醒报名的居民准时参加。";
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "activity_reminder", text, ct, title: "活动报名", sequence: state.Version);
    }
}
