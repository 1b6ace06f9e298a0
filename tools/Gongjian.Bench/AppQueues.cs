namespace Gongjian.Bench;

/// <summary>
/// The app's queues the bench looks at, by the names the app gives them (Hosting/QueueNames.cs in the
/// app). The bench does not reference the app, so <see cref="AppLayout"/> checks at the start of each
/// run that the app still consumes them, and Gongjian.Bench.Tests compares them with the app's constants.
/// </summary>
public static class AppQueues
{
    /// <summary>Every committed order event; a cycle is complete once its events are consumed.</summary>
    public const string OrderEvents = "order-events";
    /// <summary>Durable SLA timers (deadlines hours or days away during the cycles).</summary>
    public const string OrderTimers = "order-timers";
    /// <summary>Messages to people; consumed by the app only when it delivers them itself.</summary>
    public const string Notifications = "notifications";
}
