using System.Collections.Concurrent;
using System.Text.Json;

namespace Gongjian.Bench;

/// <summary>Timer lateness: the withdrawal's time on the order's timeline minus the accept deadline (dueAt).</summary>
public sealed record TimerResult(int Orders, int Fired, double AcceptWithinSeconds, LatencySummary LatenessMs);

/// <summary>
/// Against an app started with <c>Sla__AcceptWithin=00:00:05</c>: places and dispatches orders
/// (4 at a time) and never accepts them, so each one's due timer withdraws it (超时未接单). Polls
/// each order once it is due (at most 30 s past the last deadline) for its <c>withdrawn</c> entry.
/// </summary>
public static class TimerLateness
{
    public static readonly TimeSpan AcceptWithin = TimeSpan.FromSeconds(5);

    public static async Task<TimerResult> RunAsync(int orders, CycleClient client, CancellationToken ct)
    {
        var due = new ConcurrentDictionary<string, DateTimeOffset>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < orders)
            {
                var (id, _) = await client.PlaceAsync(ct);
                due[id] = await client.DispatchAsync(id, ct);
            }
        }, ct)));

        var pending = new Dictionary<string, DateTimeOffset>(due);
        var lateness = new List<double>();
        var giveUpAt = (due.IsEmpty ? DateTimeOffset.UtcNow : due.Values.Max()) + TimeSpan.FromSeconds(30);
        while (pending.Count > 0 && DateTimeOffset.UtcNow < giveUpAt)
        {
            await Task.Delay(500, ct);
            foreach (var (id, dueAt) in pending.Where(p => p.Value <= DateTimeOffset.UtcNow).ToList())
            {
                using var order = await client.GetAsync(id, ct);
                if (WithdrawnAt(order) is not { } at) continue;
                lateness.Add((at - dueAt).TotalMilliseconds);
                pending.Remove(id);
            }
        }
        return new TimerResult(orders, lateness.Count, AcceptWithin.TotalSeconds, LatencySummary.Of(lateness));
    }

    private static DateTimeOffset? WithdrawnAt(JsonDocument order) =>
        order.RootElement.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "withdrawn")
            .Select(e => (DateTimeOffset?)e.GetProperty("at").GetDateTimeOffset())
            .FirstOrDefault();
}
