using Azure.Storage.Queues;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>
/// An idle listener polls every maxPollingInterval yet wakes for what its own process sent: a wait of 10 minutes ends
/// when a message is expected (so only the word, not polling, passes the first test); end to end, a timer armed through
/// <see cref="QueueSender"/> and a failed message's retry are received by a listener whose maxPollingInterval is 10 minutes.
/// </summary>
public sealed class QueueWakeupsTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_wait_ends_when_a_message_is_expected_during_it_or_before_it()
    {
        var wakeups = new QueueWakeups(TimeProvider.System);
        var waiting = wakeups.WaitAsync("work", TimeSpan.FromMinutes(10), CancellationToken.None);
        wakeups.Expect("elsewhere", DateTimeOffset.UtcNow);
        wakeups.Expect("work", DateTimeOffset.UtcNow.AddMilliseconds(300));
        await waiting.WaitAsync(Limit);

        wakeups.Expect("work", DateTimeOffset.UtcNow.AddMilliseconds(200));
        await wakeups.WaitAsync("work", TimeSpan.FromMinutes(10), CancellationToken.None).WaitAsync(Limit);
    }

    [Fact]
    public async Task A_listener_receives_a_timer_its_process_armed_and_the_retry_it_released()
    {
        var runs = new List<long>();
        var ran = new SemaphoreSlim(0);
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) =>
            {
                lock (runs) runs.Add(inv.DequeueCount);
                ran.Release();
                // The first try fails: its retry is visible again after visibilityTimeout.
                return inv.DequeueCount == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask;
            }),
            TriggerTestApp.Queues("\"maxPollingInterval\": \"00:10:00\", \"visibilityTimeout\": \"00:00:01\""));
        await app.QueueAsync("work");

        await app.Services.GetRequiredService<QueueSender>().SendAsync("work", "timer", DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);

        Assert.True(await ran.WaitAsync(Limit), "the armed timer was not received");
        Assert.True(await ran.WaitAsync(Limit), "the released retry was not received");
        lock (runs) Assert.Equal([1L, 2L], runs);
    }
}
