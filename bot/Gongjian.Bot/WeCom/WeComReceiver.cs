using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Pipeline;
using Gongjian.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace Gongjian.Bot.WeCom;

/// <summary>What became of a callback: taken (answered with an empty 200), seen before (the same), or not taken now (503: WeCom retries).</summary>
public enum WeComReceipt { Taken, Duplicate, Busy }

/// <summary>
/// Hands a checked, decrypted WeCom callback to the bot's one turn pipeline — the same gate, queue and dialogs as Web Chat,
/// so a card's 接单 is the liaison's "接单 GJ…" and binding is "绑定 123456". A callback seen before (in storage, whichever
/// instance took it) is not processed again. A tap's response code is kept for the outbox, which updates the card with the
/// outcome; a picture is fetched from WeCom first and travels in the activity (the photo path strips its EXIF later).
/// </summary>
public sealed class WeComReceiver(InboundGate gate, ConversationStore store, WeComMembers members, WeComCardTaps taps, WeComLiveCards live, WeComApi api,
    TimeProvider clock, ILogger<WeComReceiver> log)
{
    public async Task<WeComReceipt> ReceiveAsync(WeComInbound inbound, CancellationToken ct)
    {
        if (inbound.Kind == WeComInboundKind.Ignore) return WeComReceipt.Taken;
        var activity = inbound.Activity!;
        var reference = ConversationReference.From(activity);
        await members.TouchAsync(activity.Conversation!.Id!, inbound.UserId, clock.GetUtcNow(), ct);
        if (!await gate.IsFirstAsync(reference, inbound.DedupeId, ct))
        {
            log.LogInformation("WeCom re-sent a callback already taken; not processed again");
            return WeComReceipt.Duplicate;
        }
        if (inbound.Kind == WeComInboundKind.Image)
        {
            var bytes = await api.GetMediaAsync(inbound.MediaId!, PhotoReader.MaxBytes, ct);
            // Without the bytes the attachment has no URL: the photo path answers "这张照片没有收到，请重新上传。"
            activity = activity with
            {
                Attachments = [new Attachment { ContentType = "image/jpeg", Name = "wecom.jpg", ContentUrl = bytes is null ? null : "data:image/jpeg;base64," + Convert.ToBase64String(bytes) }],
            };
        }
        // The liaison answers this order themselves: their card shows their own outcome, not another's — a tap with its own
        // code; the command typed ("接单 GJ…") with the code the card came with, as if the card had been tapped.
        if (inbound.Tap is { } tap)
        {
            await taps.SaveAsync(reference.ConversationId, activity.Id!, tap, ct);
            await live.ForgetAsync(tap.OrderId, reference.ConversationId, ct);
        }
        else if (Typed(activity.Text) is { } typed && await live.TakeAsync(typed.OrderId, reference.ConversationId, ct) is { } code)
            await taps.SaveAsync(reference.ConversationId, activity.Id!, typed with { ResponseCode = code }, ct);
        switch (await gate.AcceptAsync(activity, null, ct))
        {
            case InboundOutcome.Busy:
                await store.ForgetSeenAsync(reference.Key, inbound.DedupeId, ct);
                return WeComReceipt.Busy;
            default:
                return WeComReceipt.Taken;
        }
    }

    /// <summary>A typed 接单/拒单 with the order's number, as the tap it stands for (its code still to be found).</summary>
    private static WeComCardTap? Typed(string? text) => text is { Length: > 0 } ? Intents.Parse(text, null) switch
    {
        { Kind: IntentKind.Accept, OrderId: { } id } => new WeComCardTap(id, WeComCardTap.Accept, ""),
        { Kind: IntentKind.Decline, OrderId: { } id } => new WeComCardTap(id, WeComCardTap.Decline, ""),
        _ => null,
    } : null;
}
