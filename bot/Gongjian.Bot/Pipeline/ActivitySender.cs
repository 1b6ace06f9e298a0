using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Connector;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.DirectLine;

namespace Gongjian.Bot.Pipeline;

/// <summary>
/// Delivers the bot's activities to a conversation, wherever it lives: appended to the transcript
/// for the app's own Direct Line, handed to the WeChat channel for the Official Account and to the WeCom channel for liaisons
/// in the WeCom app, posted to the
/// Bot Connector for every other channel.
/// </summary>
public sealed class ActivitySender(ConnectorClient connector, TranscriptStore transcripts, WeChat.WeChatOutbox wechat, WeCom.WeComOutbox wecom)
{
    public async Task SendAsync(ConversationReference to, IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        if (activities.Count == 0) return;
        if (DirectLineChannel.IsLocal(to))
        {
            await transcripts.AppendAsync(to.ConversationId,
                [.. activities.Select(a => JsonSerializer.SerializeToNode(a, ActivityJson.Default.Activity)!.AsObject())], ct);
            return;
        }
        if (WeChat.WeChatChannel.Is(to))
        {
            await wechat.SendAsync(to, activities, ct);
            return;
        }
        if (WeCom.WeComChannel.Is(to))
        {
            await wecom.SendAsync(to, activities, ct);
            return;
        }
        foreach (var activity in activities) await connector.SendAsync(activity, ct);
    }

    /// <summary>
    /// False for a Direct Line conversation that no longer exists (ended by the retention job): nobody
    /// could read a message there. Other channels are assumed reachable; their Connector says otherwise.
    /// </summary>
    public async Task<bool> ReachesAsync(ConversationReference to, CancellationToken ct) =>
        !DirectLineChannel.IsLocal(to) || await transcripts.ExistsAsync(to.ConversationId, ct);

    public Task SendAsync(ConversationReference to, IReadOnlyList<Reply> replies, string? replyToId, CancellationToken ct) =>
        SendAsync(to, [.. replies.Select(r => ToActivity(to, r, replyToId))], ct);

    public Task SendTypingAsync(ConversationReference to, string? replyToId, CancellationToken ct) =>
        SendAsync(to, [to.Message(null, replyToId) with { Type = ActivityTypes.Typing, TextFormat = null, Locale = null }], ct);

    public static Activity ToActivity(ConversationReference to, Reply reply, string? replyToId) =>
        to.Message(reply.Text, replyToId) with
        {
            SuggestedActions = reply.Suggestions is { Count: > 0 } s ? Buttons.Suggest(s) with { To = to.User.Id is { } id ? [id] : null } : null,
            Attachments = reply.Attachments,
            InputHint = reply.Suggestions is { Count: > 0 } ? "expectingInput" : "acceptingInput",
        };
}
