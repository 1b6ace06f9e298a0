using Gongjian.Bot.Notifications;
using Gongjian.Domain.Deliberations;
using Gongjian.Engine;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Deliberations;

/// <summary>
/// The deliberation module's fan-out to the community's staff inbox: a new topic to review (审), the vote's result, a decision
/// delivered (办结, time to ask residents to rate it); reminders: a topic still waiting for review, and the meeting tomorrow.
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
        if (text is null) return;
        var to = new Recipient(RecipientKind.Dispatcher, state.CommunityId);
        await sender.SendAsync($"{message.Id}:{to.Kind}:{to.Id}".ToLowerInvariant(), null, to, "deliberation_" + message.Type.ToLowerInvariant(), text, ct,
            title: Title, sequence: message.Sequence);
    }

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
