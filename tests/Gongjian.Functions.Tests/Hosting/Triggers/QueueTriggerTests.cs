using System.Collections.Concurrent;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>The standalone queue trigger against real Azurite: delivery, deletion and batch concurrency.</summary>
public sealed class QueueTriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_message_is_processed_once_and_deleted()
    {
        var seen = new ConcurrentBag<FunctionInvocation>();
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) => { seen.Add(inv); return Task.CompletedTask; }),
            TriggerTestApp.Queues("\"batchSize\": 8, \"maxPollingInterval\": \"00:00:01\""));
        var queue = await app.QueueAsync("work");
        var texts = Enumerable.Range(0, 25).Select(i => $$"""{"n":{{i}},"text":"第{{i}}条"}""").ToList();
        foreach (var text in texts) await queue.SendMessageAsync(text);

        await Eventually.TrueAsync(() => seen.Count >= texts.Count, "all 25 messages processed");
        await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "queue empty");

        Assert.Equal(texts.Order(), seen.Select(s => s.Message!).Order());
        Assert.All(seen, s =>
        {
            Assert.Equal("OnWork", s.FunctionName);
            Assert.Equal(1, s.DequeueCount);
            Assert.False(string.IsNullOrEmpty(s.MessageId));
            Assert.NotNull(s.InsertedAt);
        });
        Assert.Equal(seen.Count, seen.Select(s => s.InvocationId).Distinct().Count());
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 2)]
    public async Task In_flight_messages_never_exceed_batch_size_plus_new_batch_threshold(int batchSize, int threshold)
    {
        int current = 0, max = 0, done = 0;
        var gate = new Lock();
        async Task Slow(FunctionInvocation _, IServiceProvider __, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref current);
            lock (gate) max = Math.Max(max, now);
            await Task.Delay(300, ct);
            Interlocked.Decrement(ref current);
            Interlocked.Increment(ref done);
        }
        var prefix = TriggerTestApp.NewPrefix();
        // Fill the queue before the listener starts, so the first receive gets a full batch.
        await using (var filler = await TriggerTestApp.StartAsync(azurite, _ => { }, prefix: prefix, args: "--Host:Triggers=false"))
        {
            var q = await filler.QueueAsync("work");
            for (var i = 0; i < 20; i++) await q.SendMessageAsync($"m{i}");
        }
        await using var app = await TriggerTestApp.StartAsync(azurite, a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), Slow),
            TriggerTestApp.Queues($"\"batchSize\": {batchSize}, \"newBatchThreshold\": {threshold}, \"maxPollingInterval\": \"00:00:01\""), prefix);

        await Eventually.TrueAsync(() => Volatile.Read(ref done) == 20, "20 messages processed");
        Assert.InRange(max, 2, batchSize + threshold);
    }

    [Fact]
    public async Task Without_messages_polling_backs_off_to_max_polling_interval_and_still_picks_up_new_ones()
    {
        var seen = new ConcurrentBag<string>();
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (inv, _, _) => { seen.Add(inv.Message!); return Task.CompletedTask; }),
            TriggerTestApp.Queues("\"maxPollingInterval\": \"00:00:01\""));
        var listener = Assert.Single(app.Host.Listeners, l => l.FunctionName == "OnWork"); // the app's own functions run too
        await Eventually.TrueAsync(() => listener.Receives > 0, "first receive");
        var before = listener.Receives;
        await Task.Delay(TimeSpan.FromSeconds(6));
        var idleReceives = listener.Receives - before;

        // At a fixed 100 ms there would be ~60; backing off 0.1, 0.2, 0.4, 0.8, then 1 s gives ~10.
        Assert.InRange(idleReceives, 2, 15);
        Assert.Equal(TimeSpan.FromSeconds(1), listener.CurrentBackoff);

        await (await app.QueueAsync("work")).SendMessageAsync("wake up");
        await Eventually.TrueAsync(() => seen.Contains("wake up"), "message sent while idle is processed");
    }

    [Fact]
    public async Task A_long_handler_keeps_its_message_hidden_by_renewing_the_lease()
    {
        var runs = 0;
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnSlow", new QueueTrigger("slow"), async (_, _, ct) =>
            {
                Interlocked.Increment(ref runs);
                await Task.Delay(TimeSpan.FromSeconds(6), ct);
            }),
            TriggerTestApp.Queues("\"maxPollingInterval\": \"00:00:00.500\""), args: "--Host:MessageLease=00:00:02");
        var queue = await app.QueueAsync("slow");
        await queue.SendMessageAsync("takes a while");

        // Without renewal the 2 s lease lapses mid-run and the listener receives the message again.
        await Eventually.TrueAsync(async () => Volatile.Read(ref runs) > 1
            || (Volatile.Read(ref runs) == 1 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0), "message handled and deleted");
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task On_shutdown_a_message_whose_function_stops_becomes_visible_again()
    {
        var started = new TaskCompletionSource();
        var prefix = TriggerTestApp.NewPrefix();
        var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), async (_, _, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }),
            TriggerTestApp.Queues("\"maxPollingInterval\": \"00:00:01\""), prefix);
        var queue = await app.QueueAsync("work");
        await queue.SendMessageAsync("interrupted");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await app.DisposeAsync();

        // Visible again (peek sees only visible messages) well before the 5-minute lease would end.
        await Eventually.TrueAsync(async () => (await queue.PeekMessagesAsync(1)).Value.Length == 1, "message visible again", seconds: 30);
        Assert.Equal("interrupted", Assert.Single((await queue.PeekMessagesAsync(1)).Value).Body.ToString());
    }
}
