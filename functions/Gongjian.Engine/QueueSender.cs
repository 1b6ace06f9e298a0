namespace Gongjian.Engine;

/// <summary>
/// Sends queue messages that become visible at a given time, at most 7 days ahead (longer waits hop), and tells this
/// process's listener of that queue when (<see cref="QueueWakeups"/>), so an idle listener need not poll to be on time.
/// </summary>
public sealed class QueueSender(IEngineStorage storage, TimeProvider clock, QueueWakeups? wakeups = null)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task SendAsync(string queue, string body, DateTimeOffset visibleAt, CancellationToken ct)
    {
        var delay = visibleAt - clock.GetUtcNow();
        // Queue visibility is in whole seconds: round up so a timer never becomes visible before it is due.
        delay = delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
        // TTL -1: a timer must not expire in the queue before it fires.
        await storage.Queue(queue).SendMessageAsync(body, delay, TimeSpan.FromSeconds(-1), ct);
        // Counted from the answer: the service started the delay when it took the message, which was before that.
        wakeups?.Expect(queue, clock.GetUtcNow() + delay);
    }
}
