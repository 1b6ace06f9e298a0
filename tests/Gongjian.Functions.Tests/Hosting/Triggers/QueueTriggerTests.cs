using System.Collections.Concurrent;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Observability;
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
            // Hold until two have overlapped once (a batch runs concurrently), however slowly the batch's handlers start;
            // then stay a moment, so that any excess over the limit would be caught running at the same time.
            await Eventually.TrueAsync(() => Volatile.Read(ref max) >= 2, "two handlers of one batch running at once");
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

        // Empty receives double the wait (0.1, 0.2, 0.4, 0.8 s) until it reaches maxPollingInterval and stays there;
        // counted in receives, not seconds, so a slow machine only takes longer.
        await Eventually.TrueAsync(() => listener.CurrentBackoff == TimeSpan.FromSeconds(1), "back-off at maxPollingInterval");
        Assert.True(listener.Receives >= 4, $"{listener.Receives} receives");
        var atCap = listener.Receives;
        await Eventually.TrueAsync(() => listener.Receives >= atCap + 2, "two more empty receives");
        Assert.Equal(TimeSpan.FromSeconds(1), listener.CurrentBackoff);

        await (await app.QueueAsync("work")).SendMessageAsync("wake up");
        await Eventually.TrueAsync(() => seen.Contains("wake up"), "message sent while idle is processed");
    }

    [Fact]
    public async Task A_long_handler_keeps_its_message_hidden_by_renewing_the_lease()
    {
        // The handler's length is counted in renewals, not seconds: it holds the message until three
        // renewals of its 2 s lease have been made, so a slow machine makes it longer, never shorter.
        var lease = TimeSpan.FromSeconds(2);
        var logs = new LogCapture();
        var runs = new ConcurrentQueue<FunctionInvocation>();
        List<CapturedLog> Lines(string id, string start) =>
            [.. logs.Lines.Where(l => l.Message.StartsWith(start, StringComparison.Ordinal) && l.Values.Any(v => v.Key == "Id" && v.Value == id))];
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnSlow", new QueueTrigger("slow"), async (invocation, _, ct) =>
            {
                runs.Enqueue(invocation);
                var before = Lines(invocation.MessageId!, "Renewed the lease").Count;
                await Eventually.TrueAsync(() => Lines(invocation.MessageId!, "Renewed the lease").Count >= before + 3, "three lease renewals");
            }),
            TriggerTestApp.Queues("\"maxPollingInterval\": \"00:00:00.500\""), null, logs,
            $"--Host:MessageLease={lease}", "--Logging:LogLevel:Gongjian.Functions.Queue.OnSlow=Debug");
        var queue = await app.QueueAsync("slow");
        var id = (await queue.SendMessageAsync("takes a while")).Value.MessageId;

        await Eventually.TrueAsync(async () => !runs.IsEmpty && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
            && app.Host.Listeners.Single(l => l.FunctionName == "OnSlow").InFlight == 0, "message handled and deleted");

        // Renewed, and each renewal hid the message for a whole lease from when it was asked for
        // (NextVisibleOn has whole seconds, hence one second less; a slow answer only makes it later).
        var renewals = Lines(id, "Renewed the lease");
        Assert.True(renewals.Count >= 3, $"{renewals.Count} renewals");
        Assert.All(renewals, r => Assert.True(Time(r, "NextVisibleOn") >= Time(r, "AskedAt") + lease - TimeSpan.FromSeconds(1), r.Message));
        // Received once while its lease held. Only a renewal that came too late (the lease had lapsed and the message
        // was received again: the late renewal, or the first run's delete, is refused and logged) may excuse a second run.
        var lapses = Lines(id, "Could not renew the lease").Count + Lines(id, "Message " + id).Count(l => l.Message.Contains("no longer ours"));
        Assert.True(runs.Count == 1 || lapses > 0, $"{runs.Count} runs without a lapse of the lease");
        Assert.Equal(1, runs.First().DequeueCount);
        static DateTimeOffset Time(CapturedLog line, string key) => DateTimeOffset.Parse(line.Values.Single(v => v.Key == key).Value!);
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
        await started.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await app.DisposeAsync();

        // Visible again (peek sees only visible messages) well before the 5-minute lease would end.
        await Eventually.TrueAsync(async () => (await queue.PeekMessagesAsync(1)).Value.Length == 1, "message visible again", seconds: 120); // still far below the 5-minute lease
        Assert.Equal("interrupted", Assert.Single((await queue.PeekMessagesAsync(1)).Value).Body.ToString());
    }
}
