using System.Text.Json.Nodes;
using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Desk;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// Where the bot's messages to a WeCom liaison go: a card with command buttons becomes a template card, everything else a
/// text message (<c>/cgi-bin/message/send</c>). When the messages answer a card tap, the card is updated once with the
/// outcome (<c>update_template_card</c>, the tap's response code): 已接单, 已婉拒 (once the reason is in), 已被他人处理
/// (the order has moved on), or 未能处理. A sent card's own response code is kept (<see cref="WeComLiveCards"/>) so the card
/// follows the order when it moves on without this liaison's tap. Nothing is logged with the userid or the text.
/// </summary>
public sealed class WeComOutbox(WeComMembers members, WeComCardTaps taps, WeComLiveCards live, WeComApi api, IOrderDesk desk, IOptions<WeComOptions> options, ILogger<WeComOutbox> log)
{
    public const string Accepted = "已接单", Declined = "已婉拒", TakenElsewhere = "已被他人处理", NotDone = "未能处理";

    /// <summary>The member is not (or no longer) in the app's visible range, or the userid is unknown to WeCom.</summary>
    private static bool IsUnreachable(int code) => code is 81013 or 40003 or 60111;

    public async Task SendAsync(ConversationReference to, IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var messages = activities.Where(a => a.Type == ActivityTypes.Message).ToList();
        if (messages.Count == 0) return; // typing: WeCom shows nothing for it
        if (await members.UserIdAsync(to.ConversationId, ct) is not { } userId)
        {
            log.LogInformation("WeCom message not sent: no member known for this conversation");
            return;
        }
        foreach (var message in messages)
        {
            var cards = (message.Attachments ?? []).Select(a => a.Content).OfType<HeroCard>().Where(WeComCards.HasCommands).ToList();
            // A card's lead-in ("您有一张新工单，请处理：") is not sent on its own: the card says it.
            foreach (var card in cards)
            {
                var (sent, answer) = await SendAsync(userId, "template_card", WeComCards.ButtonInteraction(card, "gj" + Guid.NewGuid().ToString("N")), ct);
                if (!sent) return;
                if (WeComCards.OrderOf(card) is { } orderId && (string?)answer?["response_code"] is { Length: > 0 } responseCode)
                    await live.KeepAsync(orderId, to.ConversationId, userId, responseCode, ct);
            }
            if (cards.Count > 0) continue;
            var text = WeComText.Render(message);
            if (text.Length > 0 && !(await SendAsync(userId, "text", new JsonObject { ["content"] = text }, ct)).Sent) return;
        }
        await UpdateCardAsync(to.ConversationId, userId, activities[0].ReplyToId, messages[0].Text ?? "", ct);
    }

    /// <summary>False when the member cannot be reached (logged, the rest not sent); other error codes throw for the caller's retry.</summary>
    private async Task<(bool Sent, JsonObject? Answer)> SendAsync(string userId, string type, JsonObject content, CancellationToken ct)
    {
        var (code, answer) = await api.PostForAnswerAsync(WeComApi.MessageSend, new JsonObject
        {
            ["touser"] = userId, ["msgtype"] = type, ["agentid"] = options.Value.Agent, [type] = content,
        }, ct);
        if (code == 0) return (true, answer);
        if (IsUnreachable(code))
        {
            log.LogWarning("WeCom message not sent: the member is outside the app's visible range (errcode {ErrCode})", code);
            return (false, null);
        }
        throw new WeChatApiException(WeComApi.MessageSend, code);
    }

    /// <summary>When <paramref name="replyTo"/> was a card tap (or a 婉拒's reason), the card shows the outcome of <paramref name="reply"/>.</summary>
    private async Task UpdateCardAsync(string conversationId, string userId, string? replyTo, string reply, CancellationToken ct)
    {
        var failed = reply.StartsWith(LiaisonTexts.Failed(""), StringComparison.Ordinal) || reply == LiaisonTexts.NotBound;
        WeComCardTap? tap = replyTo is null ? null : await taps.TakeAsync(conversationId, replyTo, ct);
        if (tap is { Command: WeComCardTap.Decline } && reply == LiaisonTexts.AskDeclineReason)
        {
            await taps.AwaitReasonAsync(conversationId, tap, ct); // the card shows 已婉拒 once the reason is taken
            return;
        }
        if (tap is null && (reply == LiaisonTexts.Declined || failed)) tap = await taps.TakeDecliningAsync(conversationId, ct);
        if (tap is null) return;
        var outcome = !failed
            ? tap.Command == WeComCardTap.Accept ? Accepted : Declined
            : await IsTakenAsync(tap.OrderId, ct) ? TakenElsewhere : NotDone;
        var code = await api.PostAsync(WeComApi.UpdateTemplateCard, new JsonObject
        {
            ["userids"] = new JsonArray(userId), ["agentid"] = options.Value.Agent, ["response_code"] = tap.ResponseCode,
            ["button"] = new JsonObject { ["replace_name"] = outcome },
        }, ct);
        if (code != 0) log.LogWarning("WeCom card not updated (errcode {ErrCode})", code);
    }

    /// <summary>The order is no longer waiting for a unit's answer: someone has accepted, declined or closed it.</summary>
    private async Task<bool> IsTakenAsync(string orderId, CancellationToken ct) =>
        (await desk.StatusAsync([orderId], ct)) is [var order] && order.Status != "dispatched";
}
