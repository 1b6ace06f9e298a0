using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>Which queues the bench empties during the levels, from the queues the app consumes.</summary>
public sealed class QueuePlanTests
{
    [Fact]
    public void An_app_that_delivers_notifications_itself_has_only_its_timers_emptied_and_its_notifications_drained()
    {
        var plan = QueuePlan.For(new HashSet<string> { AppQueues.OrderEvents, AppQueues.OrderTimers, AppQueues.Notifications }, keepQueues: false);

        Assert.True(plan.NotificationsConsumed);
        Assert.Equal([AppQueues.OrderTimers], plan.Emptied);
    }

    [Fact]
    public void Notifications_nothing_consumes_are_emptied_with_the_timers_unless_keep_queues()
    {
        var consumed = new HashSet<string> { AppQueues.OrderEvents, AppQueues.OrderTimers };

        var plan = QueuePlan.For(consumed, keepQueues: false);
        Assert.False(plan.NotificationsConsumed);
        Assert.Equal([AppQueues.OrderTimers, AppQueues.Notifications], plan.Emptied);
        Assert.Empty(QueuePlan.For(consumed, keepQueues: true).Emptied);
    }

    [Theory]
    [InlineData(AppQueues.OrderEvents)]
    [InlineData(AppQueues.OrderTimers)]
    public void A_queue_the_app_no_longer_consumes_stops_the_run_and_names_the_queue(string missing)
    {
        var consumed = new HashSet<string> { AppQueues.OrderEvents, AppQueues.OrderTimers, AppQueues.Notifications };
        consumed.Remove(missing);

        var e = Assert.Throws<InvalidOperationException>(() => QueuePlan.For(consumed, keepQueues: false));
        Assert.Contains($"'{missing}'", e.Message);
        Assert.Contains("AppQueues.cs", e.Message);
    }
}
