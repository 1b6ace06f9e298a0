using System.Globalization;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;

namespace Gongjian.Bot.WeCom;

/// <summary>What an inbound WeCom callback asks of the channel.</summary>
public enum WeComInboundKind
{
    /// <summary>A turn for the bot: text, or a card's button (its key is the command's words).</summary>
    Turn,
    /// <summary>A picture: fetched with <c>media/get</c>, then a turn.</summary>
    Image,
    /// <summary>Nothing to do (other events and message types).</summary>
    Ignore,
}

/// <summary>
/// A decrypted WeCom callback as the channel reads it: the member's userid, a stable id for dedupe (MsgId; for a card's
/// button the card's TaskId and the button's key, so one button of one card is taken once however often it arrives), and
/// the activity for the bot's turn pipeline (ids are the conversation's, never the userid).
/// </summary>
public sealed record WeComInbound(WeComInboundKind Kind, string UserId, string DedupeId, Activity? Activity, string? MediaId, WeComCardTap? Tap)
{
    public const int MaxKeyLength = 1024;

    public static WeComInbound? Read(IReadOnlyDictionary<string, string> f, string corpId, ChannelAccount bot)
    {
        if (!f.TryGetValue("FromUserName", out var userId) || userId.Length is 0 or > 64) return null;
        if (!f.TryGetValue("MsgType", out var type) || !f.TryGetValue("CreateTime", out var created)
            || !long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return null;
        var msgId = f.GetValueOrDefault("MsgId");
        var conversationId = WeComChannel.ConversationIdOf(corpId, userId);
        var conversation = new ConversationReference(WeComChannel.ChannelId, WeComChannel.ServiceUrl, conversationId, bot, new ChannelAccount(conversationId, null, "user"));
        Activity Message(string dedupe, string? text) => conversation.UserMessage(dedupe, seconds, text);
        var messageDedupe = msgId is { Length: > 0 } ? "wcm:" + msgId : $"wcm:{created}:{type}";
        switch (type)
        {
            case "text":
                return new(WeComInboundKind.Turn, userId, messageDedupe, Message(messageDedupe, f.GetValueOrDefault("Content") ?? ""), null, null);
            case "image" when f.GetValueOrDefault("MediaId") is { Length: > 0 and <= 256 } mediaId:
                return new(WeComInboundKind.Image, userId, messageDedupe, Message(messageDedupe, ""), mediaId, null);
            // 位置 (a grid worker's 随手拍): the same Place entity as WeChat's location message.
            case "location" when Coordinate(f, "Location_X") is { } lat && Coordinate(f, "Location_Y") is { } lon && lat is >= -90 and <= 90 && lon is >= -180 and <= 180:
                return new(WeComInboundKind.Turn, userId, messageDedupe,
                    conversation.UserMessage(messageDedupe, seconds, "", null, [new SharedPlace(f.GetValueOrDefault("Label"), lat, lon).ToEntity()]), null, null);
            case "event" when f.GetValueOrDefault("Event") == "template_card_event":
                if (f.GetValueOrDefault("EventKey") is not { Length: > 0 and <= MaxKeyLength } key || f.GetValueOrDefault("TaskId") is not { Length: > 0 and <= 128 } taskId)
                    return null;
                var dedupe = $"wccard:{taskId}:{key}";
                var intent = Intents.Parse(key, null);
                var tap = intent.Kind switch
                {
                    IntentKind.Accept => new WeComCardTap(intent.OrderId!, WeComCardTap.Accept, f.GetValueOrDefault("ResponseCode") ?? ""),
                    IntentKind.Decline => new WeComCardTap(intent.OrderId!, WeComCardTap.Decline, f.GetValueOrDefault("ResponseCode") ?? ""),
                    _ => null,
                };
                return new(WeComInboundKind.Turn, userId, dedupe, Message(dedupe, key), null, tap);
            default:
                return new(WeComInboundKind.Ignore, userId, messageDedupe, null, null, null);
        }
    }

    private static double? Coordinate(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
