using System.Globalization;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.WeChat;

/// <summary>What an inbound WeChat message asks of the channel.</summary>
public enum WeChatInboundKind
{
    /// <summary>A turn for the bot (text, photo, location, voice with recognition, a menu click, 关注).</summary>
    Turn,
    /// <summary>取消关注: forget the resident.</summary>
    Unfollow,
    /// <summary>订阅通知 consent given or withdrawn (<c>subscribe_msg_popup_event</c>, <c>subscribe_msg_change_event</c>).</summary>
    Consent,
    /// <summary>Nothing to do (other events, e.g. a subscription message's delivery report).</summary>
    Ignore,
    /// <summary>A voice message WeChat could not turn into words: answered by the channel.</summary>
    Unheard,
}

/// <summary>
/// An inbound WeChat message (the decrypted XML's fields) as the channel reads it: the resident's openid,
/// a stable id for dedupe (MsgId, or sender + CreateTime for events, as WeChat advises), and the activity
/// the bot's turn pipeline takes. The activity never carries the openid: its ids are the conversation's.
/// </summary>
public sealed record WeChatInbound(WeChatInboundKind Kind, string OpenId, string DedupeId, Activity? Activity, IReadOnlyList<(string TemplateId, bool Accepted)> Consents)
{
    public static WeChatInbound? Read(IReadOnlyDictionary<string, string> f, string appId, ChannelAccount bot)
    {
        if (!f.TryGetValue("FromUserName", out var openId) || openId.Length is 0 or > 128) return null;
        if (!f.TryGetValue("MsgType", out var type) || !f.TryGetValue("CreateTime", out var created) || !long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return null;
        var msgId = f.GetValueOrDefault("MsgId") ?? f.GetValueOrDefault("MsgID");
        var dedupe = msgId is { Length: > 0 } ? "wx:" + msgId : $"wxev:{created}:{f.GetValueOrDefault("Event")}:{f.GetValueOrDefault("EventKey")}";
        var conversationId = WeChatChannel.ConversationIdOf(appId, openId);
        var conversation = new ConversationReference(WeChatChannel.ChannelId, WeChatChannel.ServiceUrl, conversationId, bot, new ChannelAccount(conversationId, null, "user"));
        Activity Message(string? text, IReadOnlyList<Attachment>? attachments = null, IReadOnlyList<System.Text.Json.JsonElement>? entities = null) =>
            conversation.UserMessage(dedupe, seconds, text, attachments, entities);
        WeChatInbound Turn(Activity a) => new(WeChatInboundKind.Turn, openId, dedupe, a, []);

        switch (type)
        {
            case "text":
                return Turn(Message(f.GetValueOrDefault("Content") ?? ""));
            case "image" when f.GetValueOrDefault("PicUrl") is { Length: > 0 } picUrl:
                return Turn(Message("", [new Attachment { ContentType = "image/jpeg", ContentUrl = picUrl, Name = "wechat.jpg" }]));
            case "location" when Coordinate(f, "Location_X") is { } lat && Coordinate(f, "Location_Y") is { } lon:
                return Turn(Message("", null, [new SharedPlace(f.GetValueOrDefault("Label"), lat, lon).ToEntity()]));
            case "voice":
                return f.GetValueOrDefault("Recognition") is { Length: > 0 } words
                    ? Turn(Message(words))
                    : new(WeChatInboundKind.Unheard, openId, dedupe, null, []);
            case "video" or "shortvideo" or "file" or "link":
                // Not a photo: the bot's own answer for attachments it cannot take.
                return Turn(Message("", [new Attachment { ContentType = type == "link" ? "text/uri-list" : "application/octet-stream", Name = type }]));
            case "event":
                return Event(f, openId, dedupe, Message, Turn);
            default:
                return new(WeChatInboundKind.Ignore, openId, dedupe, null, []);
        }
    }

    private static WeChatInbound Event(IReadOnlyDictionary<string, string> f, string openId, string dedupe,
        Func<string?, IReadOnlyList<Attachment>?, IReadOnlyList<System.Text.Json.JsonElement>?, Activity> message, Func<Activity, WeChatInbound> turn)
    {
        switch (f.GetValueOrDefault("Event"))
        {
            case "subscribe":
                var greet = message(null, null, null);
                return turn(greet with
                {
                    Type = ActivityTypes.ConversationUpdate, Text = null,
                    MembersAdded = [greet.From!],
                });
            case "unsubscribe":
                return new(WeChatInboundKind.Unfollow, openId, dedupe, null, []);
            case "CLICK" when f.GetValueOrDefault("EventKey") is { Length: > 0 } key:
                // A menu button: its key is the words it stands for (e.g. "我要点单", "查进度").
                return turn(message(key, null, null));
            case "subscribe_msg_popup_event" or "subscribe_msg_change_event":
                var consents = new List<(string, bool)>();
                // One template per event here (WeChat sends a List per template); several arrive as List, List/… under one name.
                if ((f.GetValueOrDefault("SubscribeMsgPopupEvent/List/TemplateId") ?? f.GetValueOrDefault("SubscribeMsgChangeEvent/List/TemplateId")) is { Length: > 0 } template)
                {
                    var status = f.GetValueOrDefault("SubscribeMsgPopupEvent/List/SubscribeStatusString") ?? f.GetValueOrDefault("SubscribeMsgChangeEvent/List/SubscribeStatusString");
                    consents.Add((template, status == "accept"));
                }
                return new(WeChatInboundKind.Consent, openId, dedupe, null, consents);
            default:
                return new(WeChatInboundKind.Ignore, openId, dedupe, null, []);
        }
    }

    private static double? Coordinate(IReadOnlyDictionary<string, string> f, string name) =>
        f.TryGetValue(name, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
