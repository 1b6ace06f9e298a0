namespace Gongjian.Engine;

/// <summary>
/// In-process word that a queue message becomes visible at a given time (a timer armed, a notice queued for retry), so
/// the process's idle queue listener wakes then instead of polling often: an idle app polls each queue only every
/// maxPollingInterval, yet what this process sent is received on time. Messages sent by another process are found by
/// polling, as before. Keyed by the queue's logical name (before the storage prefix).
/// </summary>
public sealed class QueueWakeups(TimeProvider clock)
{
    /// <summary>Times remembered per queue (timers can be days ahead); past this the farthest are forgotten and found by polling.</summary>
    private const int Remembered = 10_000;

    /// <summary>After the visible time: the message's own clock (the storage service's) may run a little behind ours.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private sealed class Expected
    {
        public readonly SortedSet<DateTimeOffset> At = [];
        public TaskCompletionSource Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Dictionary<string, Expected> _queues = new(StringComparer.Ordinal);

    /// <summary>A message on <paramref name="queue"/> becomes visible at <paramref name="visibleAt"/> (or earlier).</summary>
    public void Expect(string queue, DateTimeOffset visibleAt)
    {
        TaskCompletionSource changed;
        lock (_queues)
        {
            var q = Of(queue);
            q.At.Add(visibleAt);
            if (q.At.Count > Remembered) q.At.Remove(q.At.Max);
            (changed, q.Changed) = (q.Changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        changed.TrySetResult();
    }

    /// <summary>
    /// An idle listener's wait: <paramref name="idle"/>, or less if a message of <paramref name="queue"/> is expected
    /// sooner (also one expected while waiting). The times it wakes for are forgotten: the receive that follows takes them.
    /// </summary>
    public async Task WaitAsync(string queue, TimeSpan idle, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + idle;
        while (true)
        {
            Task changed;
            var now = clock.GetUtcNow();
            lock (_queues)
            {
                var q = Of(queue);
                var wake = q.At.Count > 0 && q.At.Min + Slack < until ? q.At.Min + Slack : until;
                if (wake <= now)
                {
                    q.At.RemoveWhere(t => t + Slack <= now);
                    return;
                }
                changed = q.Changed.Task;
                idle = wake - now;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delay = Task.Delay(idle, clock, stop.Token);
            var first = await Task.WhenAny(delay, changed);
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
            if (first != delay) continue; // expected sooner now? wait again, towards the same end
            lock (_queues)
            {
                var at = clock.GetUtcNow();
                Of(queue).At.RemoveWhere(t => t + Slack <= at);
            }
            return;
        }
    }

    private Expected Of(string queue) => _queues.TryGetValue(queue, out var q) ? q : _queues[queue] = new Expected();
}
