using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Resident;
using Gongjian.Bot.Desk;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Conversations.Deliberations;

/// <summary>What the bot asks while taking a topic, in order.</summary>
public enum TopicSlot { Community, Text, Name, Phone }

/// <summary>
/// A resident raising a topic for 议事: the words (<paramref name="Text"/>), then what is missing — the community (once,
/// remembered), the name and phone (once, remembered as the contact; personal data, for the community's staff only).
/// </summary>
public sealed record RaisingTopic(string? Text, TopicSlot Asking, string DraftId) : DialogStep;

/// <summary>A topic raised here: its number and tracking code, to follow it with “我的议题”.</summary>
public sealed record ResidentTopic(string DeliberationId, string Code, string Title);

/// <summary>
/// 议事 in chat: “我想提个议题：…” raises a topic for the resident's community through the 议事 module (提), and “我的议题”
/// tells where each topic raised here stands in 提审议办评 — the community's reply, the meeting, the decision. The chat is
/// linked to the topic, so the raiser is told of each step as it happens (as for an order or a wish).
/// </summary>
public sealed class TopicDialog(IDeliberationDesk desk, IOrderDesk orders, ConversationLinks links)
{
    public const int TopicsKept = 10;

    public async Task<TurnResult> StartAsync(Turn turn, string? text, CancellationToken ct)
    {
        var step = new RaisingTopic(string.IsNullOrWhiteSpace(text) ? null : text.Trim(), TopicSlot.Text, Guid.NewGuid().ToString("N"));
        return await NextAsync(turn.Data, step, turn.Reference, ct);
    }

    public async Task<TurnResult> AnswerAsync(Turn turn, RaisingTopic step, CancellationToken ct)
    {
        var typed = turn.Text.Trim();
        var data = turn.Data;
        switch (step.Asking)
        {
            case TopicSlot.Community:
                var communities = await orders.CommunitiesAsync(ct);
                if (WishReader.Community(typed, communities) is not { } chosen)
                    return TurnResult.Say(data, new Reply(LifeTexts.BadCommunity, [.. communities.Select(c => c.Name)]));
                data = data with { Home = new HomeCommunity(chosen.Id, chosen.Name) };
                break;
            case TopicSlot.Text:
                if (typed.Length < 6) return TurnResult.Say(data, TopicTexts.TooShort);
                if (typed.Length > 2000) return TurnResult.Say(data, TopicTexts.TooLong);
                step = step with { Text = typed };
                break;
            case TopicSlot.Name:
                if (PersonAnswers.FullName(typed) is not { } name) return TurnResult.Say(data, TopicTexts.BadName);
                data = data with { Contact = new PersonContact(name, data.Contact?.Phone ?? "") };
                break;
            case TopicSlot.Phone:
                if (PersonAnswers.Phone(typed) is not { } phone) return TurnResult.Say(data, TopicTexts.BadPhone);
                data = data with { Contact = new PersonContact(data.Contact?.Name ?? "", phone) };
                break;
        }
        return await NextAsync(data, step, turn.Reference, ct);
    }

    /// <summary>Asks for what is missing, or raises the topic once nothing is.</summary>
    private async Task<TurnResult> NextAsync(ConversationData data, RaisingTopic step, ConversationReference chat, CancellationToken ct)
    {
        TopicSlot? missing = step.Text is null ? TopicSlot.Text
            : data.Home is null ? TopicSlot.Community
            : data.Contact is not { Name.Length: > 0 } ? TopicSlot.Name
            : data.Contact is not { Phone.Length: > 0 } ? TopicSlot.Phone
            : null;
        if (missing is { } slot) return TurnResult.Say(data with { Step = step with { Asking = slot } }, await AskAsync(slot, ct));

        var done = await desk.RaiseAsync(new TopicRaise(data.Home!.Id, step.Text!, data.Contact!.Name, data.Contact.Phone, step.DraftId), ct);
        data = data with { Step = Idle.Instance };
        if (done.Value is not { } topic) return TurnResult.Say(data, new Reply(TopicTexts.NotRaised(done.Refusal!), Texts.Menu));
        await links.LinkOrderAsync(topic.DeliberationId, chat, ct);
        var mine = new ResidentTopic(topic.DeliberationId, topic.Code, topic.Title);
        data = data with { Topics = [mine, .. data.Topics.Where(t => t.DeliberationId != mine.DeliberationId).Take(TopicsKept - 1)] };
        return TurnResult.Say(data, new Reply(TopicTexts.Raised(topic, data.Home.Name, PersonAnswers.Masked(data.Contact.Phone)), [TopicTexts.MyTopics, .. Texts.Menu]));
    }

    public async Task<Reply> ProgressAsync(ConversationData data, CancellationToken ct)
    {
        if (data.Topics.Count == 0) return new Reply(TopicTexts.NoTopics, [TopicTexts.Raise, .. Texts.Menu]);
        var lines = new List<string>();
        foreach (var t in data.Topics)
        {
            var found = await desk.ProgressAsync(t.DeliberationId, t.Code, ct);
            lines.Add(found.Value is { } p ? TopicTexts.Line(p) : $"“{t.Title}”（{t.DeliberationId}）：暂时查不到，{found.Refusal}");
        }
        return new Reply(string.Join("\n\n", lines), Texts.Menu);
    }

    public async Task<Reply> RepeatAsync(RaisingTopic step, CancellationToken ct) => await AskAsync(step.Asking, ct);

    private async Task<Reply> AskAsync(TopicSlot slot, CancellationToken ct) => slot switch
    {
        TopicSlot.Community => new Reply(LifeTexts.AskCommunity, [.. (await orders.CommunitiesAsync(ct)).Select(c => c.Name)]),
        TopicSlot.Text => TopicTexts.AskText,
        TopicSlot.Name => TopicTexts.AskName,
        _ => TopicTexts.AskPhone,
    };
}
