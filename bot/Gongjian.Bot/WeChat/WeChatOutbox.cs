using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// Where the bot's messages to a WeChat conversation go: back in the waiting HTTP response when there is
/// one (被动回复); otherwise as customer-service messages (客服消息) while the 48-hour window since the
/// resident's last message is open; outside it, an order update (no reply-to) becomes a subscription message
/// (订阅通知) when the resident agreed to one. What cannot be delivered is logged (without openid or text) and dropped.
/// </summary>
public sealed class WeChatOutbox(WeChatPassiveReplies passive, WeChatUsers users, WeChatApi api, IOptions<WeChatOptions> options, TimeProvider clock, ILogger<WeChatOutbox> log)
{
    public const int SubscribeThingMax = 20;

    public async Task SendAsync(ConversationReference to, IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var messages = activities.Where(a => a.Type == ActivityTypes.Message).Select(WeChatText.Render).Where(t => t.Length > 0).ToList();
        if (messages.Count == 0) return; // typing: WeChat shows nothing for it here
        var replyTo = activities[0].ReplyToId;
        if (replyTo is not null && passive.TryHandOver(replyTo, messages)) return;

        if (await users.GetAsync(to.ConversationId, ct) is not { } user)
        {
            log.LogInformation("WeChat message not sent: the resident has unfollowed the account");
            return;
        }
        var o = options.Value;
        if (clock.GetUtcNow() - user.LastInboundAt < o.ServiceWindow)
        {
            foreach (var text in messages)
            {
                var code = await api.PostAsync(WeChatApi.CustomSend,
                    new JsonObject { ["touser"] = user.OpenId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } }, ct);
                switch (code)
                {
                    case 0: continue;
                    case 45015: // out of the window after all (WeChat's clock): an update may still go as a subscription message
                        if (replyTo is null) await SubscribeAsync(user, messages[^1], ct);
                        return;
                    case 43004: // no longer following
                        await users.ForgetAsync(to.ConversationId, ct);
                        return;
                    case 45047: // too many messages without an answer from the resident
                        log.LogWarning("WeChat customer-service messages to this resident are capped until they write again");
                        return;
                    default:
                        throw new WeChatApiException(WeChatApi.CustomSend, code);
                }
            }
            return;
        }
        if (replyTo is null) await SubscribeAsync(user, messages[^1], ct);
        else log.LogInformation("WeChat reply not sent: the 48-hour window has closed");
    }

    private async Task SubscribeAsync(WeChatUser user, string text, CancellationToken ct)
    {
        var o = options.Value;
        if (o.SubscribeTemplateId is not { Length: > 0 } template || !await users.UseConsentAsync(user.ConversationId, template, ct))
        {
            log.LogInformation("WeChat update not sent: outside the 48-hour window and no subscription consent");
            return;
        }
        var china = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime);
        var code = await api.PostAsync(WeChatApi.SubscribeSend, new JsonObject
        {
            ["touser"] = user.OpenId,
            ["template_id"] = template,
            ["data"] = new JsonObject
            {
                [o.SubscribeTextField] = new JsonObject { ["value"] = Thing(text) },
                [o.SubscribeTimeField] = new JsonObject { ["value"] = china.ToString("yyyy-MM-dd HH:mm") },
            },
        }, ct);
        if (code == 43101) await users.ClearConsentAsync(user.ConversationId, ct); // the resident turned it off
        else if (code != 0) throw new WeChatApiException(WeChatApi.SubscribeSend, code);
    }

    /// <summary>A template's <c>thing</c> field: the first line without links, at most 20 characters.</summary>
    public static string Thing(string text)
    {
        var first = System.Text.RegularExpressions.Regex.Replace(text.Split('\n')[0], "<[^>]*>", "").Trim();
        return first.Length <= SubscribeThingMax ? first : first[..(SubscribeThingMax - 1)] + "…";
    }

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}
