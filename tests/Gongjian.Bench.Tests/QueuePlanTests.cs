using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>Which queues the bench empties during the levels, from the queues the app consumes.</summary>
public sealed class QueuePlanTests
{
    [Fact]
    public void Only_the_timers_are_emptied_and_only_without_keep_queues()
    {
        var consumed = new HashSet<string> { AppQueues.OrderTimers, AppQueues.Notifications };

        Assert.Equal([AppQueues.OrderTimers], QueuePlan.For(consumed, keepQueues: false).Emptied);
        Assert.Empty(QueuePlan.For(consumed, keepQueues: true).Emptied);
    }

    [Theory]
    [InlineData(AppQueues.Notifications)]
    [InlineData(AppQueues.OrderTimers)]
    public void A_queue_the_app_no_longer_consumes_stops_the_run_and_names_the_queue(string missing)
    {
        var consumed = new HashSet<string> { AppQueues.OrderTimers, AppQueues.Notifications };
        consumed.Remove(missing);

        var e = Assert.Throws<InvalidOperationException>(() => QueuePlan.For(consumed, keepQueues: false));
        Assert.Contains($"'{missing}'", e.Message);
        Assert.Contains("AppQueues.cs", e.Message);
    }
}
