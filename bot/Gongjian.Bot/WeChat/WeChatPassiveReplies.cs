using System.Collections.Concurrent;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// Messages whose HTTP request is still open, waiting for the bot's answer to go back in the response (被动回复).
/// The turn hands its answer over if the request still waits; once the request gave up (its budget spent,
/// WeChat answered <c>success</c>), the hand-over fails and the answer goes out as a customer-service message.
/// Both sides race on one <see cref="TaskCompletionSource{T}"/>, so exactly one of them wins.
/// A passive answer is also kept for a minute: when WeChat re-sends the message because the response was lost
/// on the way, the retry (deduplicated, not processed again) gets the same answer instead of nothing — from memory on
/// this instance, from the resident's row (<see cref="WeChatUsers.RecallPassiveAsync"/>) on another.
/// </summary>
public sealed class WeChatPassiveReplies(TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<string>>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Messages, DateTimeOffset At)> _answered = new(StringComparer.Ordinal);

    public void Remember(string activityId, IReadOnlyList<string> messages)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _answered.Where(kv => now - kv.Value.At > Kept)) _answered.TryRemove(old);
        _answered[activityId] = (messages, now);
    }

    /// <summary>The passive answer given to this message a moment ago, if any (for WeChat's retry of it).</summary>
    public IReadOnlyList<string>? Recall(string activityId) =>
        _answered.TryGetValue(activityId, out var a) && clock.GetUtcNow() - a.At <= Kept ? a.Messages : null;

    public Waiter Wait(string activityId)
    {
        var source = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.TryAdd(activityId, source); // a retry arriving while the first post still waits does not take its answer
        return new Waiter(this, activityId, source);
    }

    public bool TryHandOver(string activityId, IReadOnlyList<string> messages) =>
        _waiting.TryGetValue(activityId, out var source) && source.TrySetResult(messages);

    public sealed class Waiter(WeChatPassiveReplies owner, string activityId, TaskCompletionSource<IReadOnlyList<string>> source) : IDisposable
    {
        /// <summary>The answer if it came within <paramref name="budget"/>; null when the request gives up (later answers go another way).</summary>
        public async Task<IReadOnlyList<string>?> ForAsync(TimeSpan budget, TimeProvider clock, CancellationToken ct)
        {
            if (!source.Task.IsCompleted)
            {
                try { await source.Task.WaitAsync(budget, clock, ct); }
                catch (TimeoutException) { }
                catch (OperationCanceledException) { }
            }
            return source.TrySetCanceled() ? null : source.Task.IsCompletedSuccessfully ? source.Task.Result : null;
        }

        public void Dispose()
        {
            source.TrySetCanceled();
            owner._waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource<IReadOnlyList<string>>>(activityId, source));
        }
    }
}
