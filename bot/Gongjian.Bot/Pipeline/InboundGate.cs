using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Pipeline;

public enum InboundOutcome { Accepted, Duplicate, TooLong, Busy }

/// <summary>
/// Where every inbound activity enters, whichever channel brought it: oversized text is answered
/// politely and not kept; a re-sent activity (same id) is recognised by an atomic insert and
/// dropped; everything else is queued for the bot and the channel is answered at once.
/// </summary>
public sealed class InboundGate(ConversationStore store, TurnQueue queue, ActivitySender sender, IOptions<BotOptions> options, ILogger<InboundGate> log)
{
    public bool IsTooLong(Activity activity) => (activity.Text?.Length ?? 0) > options.Value.MaxTextLength;

    /// <param name="dedupeId">What identifies a re-send; null when the caller checked already (<see cref="IsFirstAsync"/>).</param>
    public async Task<InboundOutcome> AcceptAsync(Activity activity, string? dedupeId, CancellationToken ct)
    {
        var reference = ConversationReference.From(activity);
        if (IsTooLong(activity))
        {
            await SayTooLongAsync(reference, activity.Id, ct);
            return InboundOutcome.TooLong;
        }
        if (dedupeId is not null && !await IsFirstAsync(reference, dedupeId, ct)) return InboundOutcome.Duplicate;
        if (queue.TryEnqueue(activity)) return InboundOutcome.Accepted;
        // Not taken on: forget it, so the channel's retry is processed.
        if (dedupeId is not null) await store.ForgetSeenAsync(reference.Key, dedupeId, ct);
        return InboundOutcome.Busy;
    }

    /// <summary>True the first time an activity id is seen in a conversation (an atomic insert; 409 means seen).</summary>
    public Task<bool> IsFirstAsync(ConversationReference reference, string dedupeId, CancellationToken ct) =>
        store.TryMarkSeenAsync(reference.Key, dedupeId, ct);

    public Task SayTooLongAsync(ConversationReference reference, string? replyToId, CancellationToken ct) =>
        TrySayAsync(reference, Texts.TooLong(options.Value.MaxTextLength), replyToId, ct);

    public Task SayBusyAsync(ConversationReference reference, string? replyToId, CancellationToken ct) =>
        TrySayAsync(reference, Texts.Busy, replyToId, ct);

    /// <summary>
    /// The gate's own short answers are a courtesy: the activity was received either way, so a reply
    /// the channel cannot take (its serviceUrl unreachable or refusing) is logged, not a failed request.
    /// </summary>
    private async Task TrySayAsync(ConversationReference reference, string text, string? replyToId, CancellationToken ct)
    {
        try { await sender.SendAsync(reference, [new Reply(text)], replyToId, ct); }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            log.LogWarning(e, "Gate reply not delivered to channel {ChannelId}", reference.ChannelId);
        }
    }
}
