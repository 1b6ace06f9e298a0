using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Engine;

namespace Gongjian.Functions.Observability;

/// <summary>
/// The engine's metrics on meter <c>Gongjian</c>. Tags are codes only (event type, status, rejection
/// code, queue, SLA step, street id): never anything a resident typed or owns.
/// </summary>
public static class OrderMetrics
{
    /// <summary>Seconds, from a blink to a day: the SDK's default buckets are made for milliseconds.</summary>
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21600, 86400],
    };

    private static readonly Counter<long> Transitions = Telemetry.Meter.CreateCounter<long>(
        "gongjian.orders.transitions", "{event}", "Order events committed, by event type and the status the order is left in.");
    private static readonly Counter<long> Rejections = Telemetry.Meter.CreateCounter<long>(
        "gongjian.orders.rejections", "{command}", "Order commands refused by the rules, by rejection code.");
    private static readonly Histogram<double> QueueLag = Telemetry.Meter.CreateHistogram(
        "gongjian.queue.lag", "s", "From a message's insertion (or its fireAt, when later) to the start of its processing.", null, SecondsBuckets);
    private static readonly Histogram<double> TimerLateness = Telemetry.Meter.CreateHistogram(
        "gongjian.timer.lateness", "s", "From a durable timer's fireAt to its processing.", null, SecondsBuckets);

    /// <summary>
    /// Overdue open orders per street, as last counted. Set by the daily digest (which queries the
    /// overdue rows of each street anyway) and raised by one when a timer escalates an order; so it is
    /// exact after each digest and may over-count orders resolved since. Chosen over a table scan per
    /// scrape. A street not counted yet by this instance reports nothing (unknown, not zero).
    /// </summary>
    private static readonly ConcurrentDictionary<string, long> OverdueByStreet = new();

    static OrderMetrics() =>
        Telemetry.Meter.CreateObservableGauge("gongjian.orders.overdue",
            () => OverdueByStreet.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("street", s.Key))),
            "{order}", "Overdue open orders per street: exact at the daily digest, plus escalations since.");

    public static void Committed(IReadOnlyList<OrderEvent> events, OrderStatus status)
    {
        if (!Transitions.Enabled) return;
        foreach (var e in events)
            Transitions.Add(1, new KeyValuePair<string, object?>("type", e.GetType().Name), new KeyValuePair<string, object?>("status", status.Code()));
    }

    public static void Rejected(string code) => Rejections.Add(1, new KeyValuePair<string, object?>("code", code));

    public static void QueueMessageStarted(string queue, DateTimeOffset insertedAt, DateTimeOffset? fireAt, DateTimeOffset now)
    {
        var from = fireAt > insertedAt ? fireAt.Value : insertedAt;
        // Negative: a hop of a long timer arriving before its fireAt; it is re-armed, not processed.
        if (now >= from) QueueLag.Record((now - from).TotalSeconds, new KeyValuePair<string, object?>("queue", queue));
    }

    public static void TimerFired(Gongjian.Engine.TimerMessage timer, DateTimeOffset now) =>
        TimerLateness.Record(Math.Max(0, (now - timer.FireAt).TotalSeconds),
            new KeyValuePair<string, object?>("step", timer.Step ?? "Retention"), new KeyValuePair<string, object?>("stage", timer.Stage.ToString()));

    public static void OverdueCounted(string streetId, int count) => OverdueByStreet[streetId] = count;

    public static void DeadlineExpired(string streetId, IReadOnlyList<OrderEvent> events)
    {
        if (!events.Any(e => e is OrderEscalated)) return;
        // Only on top of a count this instance made: "1" for a street never counted would look exact.
        while (OverdueByStreet.TryGetValue(streetId, out var n) && !OverdueByStreet.TryUpdate(streetId, n + 1, n)) { }
    }
}
