using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>Failures: retry after visibilityTimeout, then <c>{queue}-poison</c> after maxDequeueCount, without stalling other messages.</summary>
public sealed class PoisonQueueTests(AzuriteFixture azurite)
{
    private const string HostJson = "\"batchSize\": 4, \"maxDequeueCount\": 3, \"visibilityTimeout\": \"00:00:02\", \"maxPollingInterval\": \"00:00:00.500\"";

    [Fact]
    public async Task A_failing_message_is_retried_after_the_visibility_timeout_then_poisoned_while_others_flow()
    {
        var badTries = new ConcurrentQueue<(long Try, DateTime At)>();
        var flakyTries = new ConcurrentQueue<long>();
        var good = new ConcurrentBag<string>();
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) =>
            {
                switch (inv.Message)
                {
                    case "{\"bad\":true}":
                        badTries.Enqueue((inv.DequeueCount, DateTime.UtcNow));
                        throw new InvalidOperationException("always fails");
                    case "flaky":
                        flakyTries.Enqueue(inv.DequeueCount);
                        if (inv.DequeueCount < 3) throw new InvalidOperationException("fails the first two times");
                        break;
                    default:
                        good.Add(inv.Message!);
                        break;
                }
                return Task.CompletedTask;
            }),
            TriggerTestApp.Queues(HostJson));
        var queue = await app.QueueAsync("work");
        var poison = app.Storage.Queue("work-poison");
        await queue.SendMessageAsync("{\"bad\":true}");
        await queue.SendMessageAsync("flaky");
        for (var i = 0; i < 10; i++) await queue.SendMessageAsync($"good {i}");

        await Eventually.TrueAsync(() => good.Count == 10, "good messages processed");
        await Eventually.TrueAsync(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync(5)).Value.Length == 1, "bad message in the poison queue");
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "work queue empty");

        Assert.Equal("{\"bad\":true}", Assert.Single((await poison.PeekMessagesAsync(5)).Value).Body.ToString());
        Assert.Equal([1L, 2L, 3L], badTries.Select(t => t.Try));
        var at = badTries.Select(t => t.At).ToList();
        // Hidden for visibilityTimeout (2 s) between tries; a slow machine only makes the gap longer.
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.5), $"retried after {pair.Second - pair.First}"));
        Assert.Equal([1L, 2L, 3L], flakyTries);
        Assert.Equal(10, good.Distinct().Count());
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_with_its_text()
    {
        var good = new ConcurrentBag<string>();
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) => { good.Add(inv.Message!); return Task.CompletedTask; }),
            TriggerTestApp.Queues(HostJson));
        var queue = await app.QueueAsync("work");
        // Written by something that does not base64-encode (the Functions host would poison it too).
        var raw = new QueueClient(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.SendMessageAsync("plain <text> !");
        await queue.SendMessageAsync("after");

        await Eventually.TrueAsync(() => good.Contains("after"), "the next message still flows");
        var poison = app.Storage.Queue("work-poison");
        await Eventually.TrueAsync(async () => (await poison.PeekMessagesAsync(5)).Value.Length == 1, "raw message poisoned");
        Assert.Equal("plain <text> !", Assert.Single((await poison.PeekMessagesAsync(5)).Value).Body.ToString());
        Assert.DoesNotContain("plain <text> !", good);
    }
}
