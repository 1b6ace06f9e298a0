using Gongjian.Bot.Notifications;
using Gongjian.Domain.Activities;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Activities;

/// <summary>
/// The activity module's fan-out. To the community's staff inbox: a cancelled activity, and the day-before reminder with
/// the number registered, so staff can call those who registered elsewhere. To each participant who registered in chat
/// (<see cref="RegistrationLinks"/>; the delivery finds no chat for the others and sends nothing): the reminder with their
/// check-in code, a move up from the waiting list, a new place, a cancellation. Staff notices name the activity, never a participant.
/// Safe to run twice: notification ids derive from the event or timer id and the recipient.
/// </summary>
public sealed class ActivityNotifier(NotificationSender sender) : INotifier<ActivityState>
{
    public async Task NotifyAsync(EventMessage message, ActivityState state, CancellationToken ct)
    {
        if (message.Type == nameof(RegistrationCancelled) && message.Fact("promotedKey") is { } promoted
            && state.Registered.FirstOrDefault(p => p.PersonKey == promoted) is { } moved)
            await ToParticipantAsync(message.Id, state, moved, "activity_promoted",
                $"有人取消了报名，您已从候补转为正式报名：“{state.Title}”，{When(state)}，{state.Place}。签到码 {moved.CheckInCode}，请准时参加。", message.Sequence, ct);
        if (message.Type == nameof(ActivityRevised) && message.Fact("placeChanged") == "true")
            foreach (var p in state.Registered.Concat(state.Waiting))
                await ToParticipantAsync(message.Id, state, p, "activity_revised",
                    $"您报名的“{state.Title}”（{When(state)}）地点改为：{state.Place}。时间不变，请留意。", message.Sequence, ct);
        if (message.Type != nameof(ActivityCancelled)) return;
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        var text = $"活动“{state.Title}”已取消（{state.CancelReason}），已报名 {state.Registered.Count} 人、候补 {state.Waiting.Count} 人，请通知他们。";
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "activity_cancelled", text, ct, title: "活动报名", sequence: message.Sequence);
        foreach (var p in state.Registered.Concat(state.Waiting))
            await ToParticipantAsync(message.Id, state, p, "activity_cancelled",
                $"很抱歉，您报名的“{state.Title}”（{When(state)}）已取消：{state.CancelReason}。", message.Sequence, ct);
    }

    public async Task RemindAsync(TimerMessage timer, ActivityState state, CancellationToken ct)
    {
        var text = $"活动“{state.Title}”将于 {When(state)} 在{state.Place}开始，已报名 {state.Registered.Count} 人，请提醒报名的居民准时参加。";
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "activity_reminder", text, ct, title: "活动报名", sequence: state.Version);
        foreach (var p in state.Registered)
            await ToParticipantAsync(timer.Id, state, p, "activity_reminder",
                $"提醒：您报名的“{state.Title}”将于 {When(state)} 在{state.Place}开始，签到码 {p.CheckInCode}，请准时参加。", state.Version, ct);
    }

    private Task ToParticipantAsync(string cause, ActivityState state, Participant p, string kind, string text, int sequence, CancellationToken ct) =>
        sender.SendAsync($"{cause}:resident:{p.PersonKey}", null, new Recipient(RecipientKind.Resident, RegistrationLinks.Key(state.Id, p.PersonKey)), kind, text, ct,
            title: "活动报名", sequence: sequence);

    private static string When(ActivityState s) => $"{ActivityModule.ToChina(s.StartsAt):M月d日 HH:mm}";
}
