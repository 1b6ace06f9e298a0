using Gongjian.Bot.Notifications;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Deliberations;

/// <summary>
/// The deliberation module's fan-out to the community's staff inbox: a new topic to review (审), the vote's result, a decision
/// delivered (办结, time to ask residents to rate it); reminders: a topic still waiting for review, and the meeting tomorrow.
/// And to the resident who raised it in chat (the bot finds the chat by the topic's id): each step of 提审议办评 as it happens.
/// Notices name the topic, never its raiser. Safe to run twice: ids derive from the event or timer id.
/// </summary>
public sealed class DeliberationNotifier(NotificationSender sender) : INotifier<DeliberationState>
{
    public const string Title = "议事";

    public async Task NotifyAsync(EventMessage message, DeliberationState state, CancellationToken ct)
    {
        var text = message.Type switch
        {
            nameof(TopicRaised) => $"{TopicSource.Chinese(state.Source)}提出了新议题“{state.Title}”（{state.Id}），请审核：受理、直接答复或说明不予受理的理由。",
            nameof(VoteClosed) when state.Vote is { } v =>
                $"议题“{state.Title}”的表决已截止：赞成 {state.Tally.For}、反对 {state.Tally.Against}、弃权 {state.Tally.Abstain}，{(state.VotePassed == true ? "通过" : "未通过")}（{VoteRule.Chinese(v.Rule)}）。请记录会议纪要和决议。",
            nameof(ActionCompleted) when message.Fact("delivered") == "true" =>
                $"议题“{state.Title}”的决议事项已全部办结，请邀请居民评价办理结果。",
            _ => null,
        };
        if (text is not null)
        {
            var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
            await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "deliberation_" + message.Type.ToLowerInvariant(), text, ct,
                title: Title, sequence: message.Sequence);
        }
        await ToRaiserAsync(message, state, ct);
    }

    /// <summary>
    /// The resident who raised the topic hears where it stands: accepted, declined (why) or answered, the meeting's time and
    /// place, the decision, and its delivery. The sequence keeps a late notice from reading out of order.
    /// </summary>
    private async Task ToRaiserAsync(EventMessage message, DeliberationState state, CancellationToken ct)
    {
        if (state.Source != TopicSource.Resident) return;
        var mine = $"您提出的议题“{(state.Title.Length <= 20 ? state.Title : state.Title[..20] + "…")}”";
        var text = message.Type switch
        {
            nameof(TopicAccepted) => $"{mine}已被社区受理，社区会召集相关各方开议事会商量，定好时间后告诉您。",
            nameof(TopicDeclined) => $"{mine}这次没有受理：{Shown(state.Reply)?.TrimEnd('。', '.')}。如有疑问，可以联系社区工作人员。",
            nameof(TopicAnswered) => $"社区答复了{mine}：{Shown(state.Reply)}",
            nameof(MeetingScheduled) when state.Meeting is { } m =>
                $"{mine}定于 {DeliberationModule.ToChina(m.At):M月d日 HH:mm} 在{m.Place}开议事会商量。有了结果我会告诉您。",
            nameof(DecisionRecorded) => $"{mine}已形成决议：{Shown(state.Decision)?.TrimEnd('。', '.')}。接下来按决议办理，办好后告诉您。",
            nameof(ActionCompleted) when message.Fact("delivered") == "true" =>
                $"{mine}的决议事项已全部办好。发送“我的议题”可以查看办理结果，欢迎您评价。",
            _ => null,
        };
        if (text is null) return;
        var to = new Recipient(RecipientKind.Resident, state.Id);
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "deliberation_" + message.Type.ToLowerInvariant(), text, ct,
            title: Title, sequence: message.Sequence);
    }

    /// <summary>Staff's words as a chat may show them: a phone, ID or house number of someone else is masked.</summary>
    private static string? Shown(string? text) => text is null ? null : FreeTextRedactor.Redact(text);

    public async Task RemindAsync(TimerMessage timer, DeliberationState state, CancellationToken ct)
    {
        var text = state.Status == DeliberationStatus.Raised
            ? $"议题“{state.Title}”（{state.Id}）提出已 3 天，还没有审核，请尽快受理或答复。"
            : state.Meeting is { } m
                ? $"议事会提醒：议题“{state.Title}”将于 {DeliberationModule.ToChina(m.At):M月d日 HH:mm} 在{m.Place}召开，请通知{string.Join("、", m.Parties.Select(DeliberationParty.Chinese))}参加。"
                : null;
        if (text is null) return;
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        await sender.SendAsync($"{timer.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "deliberation_reminder", text, ct, title: Title, sequence: state.Version);
    }
}
