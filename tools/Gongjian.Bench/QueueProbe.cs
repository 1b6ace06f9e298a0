using System.Diagnostics;
using Azure.Storage.Queues;

namespace Gongjian.Bench;

/// <summary>
/// Which queues the bench empties during the cycles: <c>order-timers</c> (deadlines hours or days away,
/// stale by the time they would fire). <c>notifications</c> is the work that follows each change: its
/// drain is part of the measurement, never emptied.
/// </summary>
public sealed record QueuePlan(IReadOnlyList<string> Emptied)
{
    /// <param name="consumedQueues">The queues the app's functions are triggered by (<see cref="AppLayout"/>).</param>
    public static QueuePlan For(IReadOnlySet<string> consumedQueues, bool keepQueues)
    {
        // The bench's figures rest on these two being consumed; a renamed queue must stop the run, not skew it.
        foreach (var queue in new[] { AppQueues.OrderTimers, AppQueues.Notifications })
            if (!consumedQueues.Contains(queue))
                throw new InvalidOperationException($"The app has no function triggered by '{queue}' (its queue triggers: "
                    + $"{string.Join(", ", consumedQueues.Order())}); update tools/Gongjian.Bench/AppQueues.cs to the app's queue names.");
        return new(keepQueues ? [] : [AppQueues.OrderTimers]);
    }
}

/// <summary>
/// Looks at the app's queues from outside: how many messages a queue still holds (Azurite counts
/// invisible, in-flight ones too, so 0 means every message was consumed and deleted), and empties
/// queues that only grow — Azurite slows with every message it stores; Azure does not.
/// </summary>
public sealed class QueueProbe(string connectionString, string prefix)
{
    private readonly QueueServiceClient _service = new(connectionString);

    public QueueClient Queue(string name) => _service.GetQueueClient((prefix + name).ToLowerInvariant());

    public async Task<int> CountAsync(string name, CancellationToken ct) =>
        (await Queue(name).GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;

    /// <summary>Waits (polling every 50 ms, at most <paramref name="limit"/>) until the queue is empty; returns how long that took, or null.</summary>
    public async Task<TimeSpan?> DrainAsync(string queue, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (await CountAsync(queue, ct) > 0)
        {
            if (clock.Elapsed > limit) return null;
            await Task.Delay(50, ct);
        }
        return clock.Elapsed;
    }

    /// <summary>Until cancelled, once a second, counts and clears the given queues; returns how many messages each held in all.</summary>
    public async Task<Dictionary<string, long>> EmptyWhileAsync(IReadOnlyList<string> queues, CancellationToken stop)
    {
        var emptied = queues.ToDictionary(q => q, _ => 0L);
        while (!stop.IsCancellationRequested && queues.Count > 0)
        {
            try { await Task.Delay(1000, stop); }
            catch (OperationCanceledException) { }
            foreach (var q in queues) emptied[q] += await ClearAsync(q);
        }
        return emptied;
    }

    /// <summary>Empties one queue; returns how many messages it held.</summary>
    public async Task<int> ClearAsync(string name)
    {
        var count = await CountAsync(name, CancellationToken.None);
        if (count > 0) await Queue(name).ClearMessagesAsync(CancellationToken.None);
        return count;
    }
}
