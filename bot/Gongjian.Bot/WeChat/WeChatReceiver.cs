using Gongjian.Bot.Conversations;
using Gongjian.Bot.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// Hands a checked, decrypted WeChat message to the bot's one turn pipeline (the same gate, queue, dialogs
/// and dedupe as every channel) and waits, within WeChat's 5 seconds, for the answer to send back in the
/// response. What it returns is the passive reply's texts; null means answer <c>success</c> (nothing to say
/// now: a re-sent MsgId, an event, or an answer that was not ready and goes out as a customer-service message).
/// </summary>
public sealed class WeChatReceiver(InboundGate gate, WeChatUsers users, WeChatPassiveReplies passive, IOptions<WeChatOptions> options,
    TimeProvider clock, ILogger<WeChatReceiver> log)
{
    public const string Unheard = "抱歉，这段语音没有听清。请再说一遍，或者打字告诉我。";

    public async Task<IReadOnlyList<string>?> ReceiveAsync(WeChatInbound inbound, CancellationToken ct)
    {
        var conversationId = WeChatChannel.ConversationIdOf(options.Value.AppId!, inbound.OpenId);
        switch (inbound.Kind)
        {
            case WeChatInboundKind.Unfollow:
                await users.ForgetAsync(conversationId, ct);
                log.LogInformation("WeChat resident unfollowed; their openid is forgotten");
                return null;
            case WeChatInboundKind.Consent:
                await users.TouchAsync(conversationId, inbound.OpenId, clock.GetUtcNow(), ct);
                foreach (var (template, accepted) in inbound.Consents)
                {
                    if (accepted) await users.AddConsentAsync(conversationId, template, ct);
                    else await users.ClearConsentAsync(conversationId, ct);
                }
                return null;
            case WeChatInboundKind.Ignore:
                return null;
            case WeChatInboundKind.Unheard:
                await users.TouchAsync(conversationId, inbound.OpenId, clock.GetUtcNow(), ct);
                return [Unheard];
        }

        var activity = inbound.Activity!;
        await users.TouchAsync(conversationId, inbound.OpenId, clock.GetUtcNow(), ct);
        using var waiter = passive.Wait(activity.Id!);
        switch (await gate.AcceptAsync(activity, inbound.DedupeId, ct))
        {
            case InboundOutcome.Duplicate:
                log.LogInformation("WeChat re-sent a message already taken; not processed again");
                return passive.Recall(activity.Id!)
                    ?? await users.RecallPassiveAsync(conversationId, activity.Id!, clock.GetUtcNow(), WeChatPassiveReplies.Kept, ct);
            case InboundOutcome.Busy:
                return [Texts.Busy];
        }
        var answer = await waiter.ForAsync(options.Value.PassiveReplyBudget, clock, ct);
        if (answer is not null)
        {
            passive.Remember(activity.Id!, answer);
            await users.RememberPassiveAsync(conversationId, activity.Id!, answer, clock.GetUtcNow(), ct);
        }
        return answer;
    }
}
