using System.Globalization;
using System.Text.Json;

namespace Gongjian.Bot.Activities;

/// <summary>
/// Everything needed to message a conversation later (proactively): where its channel is and who
/// is in it. Taken from an authenticated inbound activity, never from user input.
/// </summary>
public sealed record ConversationReference(
    string ChannelId, string ServiceUrl, string ConversationId, ChannelAccount Bot, ChannelAccount User, string? Locale = null)
{
    /// <summary>A stable key for storage: channel and conversation id.</summary>
    public string Key => $"{ChannelId}\n{ConversationId}";

    public static ConversationReference From(Activity inbound) => new(
        inbound.ChannelId!, inbound.ServiceUrl!, inbound.Conversation!.Id!,
        inbound.Recipient ?? new ChannelAccount("bot"), inbound.From ?? new ChannelAccount("user"), inbound.Locale);

    /// <summary>A message from the bot into this conversation; a reply when <paramref name="replyToId"/> is set.</summary>
    public Activity Message(string? text, string? replyToId = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(ConversationId),
        From = Bot,
        Recipient = User,
        ReplyToId = replyToId,
        Text = text,
        TextFormat = "plain",
        Locale = "zh-CN",
    };

    /// <summary>
    /// A message the user sent into this conversation, as a channel the bot receives itself (WeChat, WeCom) hands it to
    /// the turn pipeline: <paramref name="id"/> is its dedupe id, <paramref name="sentAt"/> the platform's Unix seconds.
    /// </summary>
    public Activity UserMessage(string id, long sentAt, string? text, IReadOnlyList<Attachment>? attachments = null, IReadOnlyList<JsonElement>? entities = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(sentAt).ToString("O", CultureInfo.InvariantCulture),
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(ConversationId),
        From = User,
        Recipient = Bot,
        Text = text,
        Locale = "zh-CN",
        Attachments = attachments,
        Entities = entities,
    };
}
