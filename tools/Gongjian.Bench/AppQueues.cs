namespace Gongjian.Bench;

/// <summary>
/// The app's queues the bench looks at, by the names the app gives them (Hosting/QueueNames.cs in the
/// app). The bench does not reference the app, so <see cref="AppLayout"/> checks at the start of each
/// run that the app still consumes them, and Gongjian.Bench.Tests compares them with the app's constants.
/// </summary>
public static class AppQueues
{
    /// <summary>Durable SLA timers (deadlines hours or days away during the cycles).</summary>
    public const string OrderTimers = "order-timers";
    /// <summary>Messages to people, queued by the relay of each change; a cycle is complete once they are delivered.</summary>
    public const string Notifications = "notifications";
}
