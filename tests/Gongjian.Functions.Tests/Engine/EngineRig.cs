using System.Text.Json;
using Azure.Storage.Queues.Models;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Engine;

/// <summary>Helpers for engine tests: a fast host.json, waiting on an order, reading queues.</summary>
public static class EngineRig
{
    /// <summary>A host.json like the root one but polling every 200 ms at most, so timers are seen quickly.</summary>
    public static string FastHostJson()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("gongjian-host-").FullName, "host.json");
        File.WriteAllText(path, """
            {"version":"2.0","extensions":{"queues":{"batchSize":16,"newBatchThreshold":8,"maxDequeueCount":5,
             "visibilityTimeout":"00:00:01","maxPollingInterval":"00:00:00.200"}}}
            """);
        return path;
    }

    public static Task<TestApp> StartWithTriggersAsync(AzuriteFixture azurite, params string[] args) =>
        TestApp.StartAsync(azurite, ["--Host:Triggers=true", $"--Host:HostJsonPath={FastHostJson()}", .. args]);

    /// <summary>Polls the order (as <paramref name="key"/>) until <paramref name="done"/> holds; fails after the timeout.</summary>
    public static async Task<JsonElement> WaitForOrderAsync(TestApp app, string id, string key, Func<JsonElement, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement order = default;
        while (DateTime.UtcNow < deadline)
        {
            order = await (await app.GetAsync($"/api/orders/{id}", key)).ReadJsonAsync(200);
            if (done(order)) return order;
            await Task.Delay(200);
        }
        Assert.Fail($"Order {id} did not reach the expected state in {seconds}s; last seen: {order}");
        return order;
    }

    /// <summary>Every message now visible on a queue, without removing them.</summary>
    public static async Task<IReadOnlyList<string>> PeekAllAsync(TestApp app, string queue)
    {
        var peeked = await app.Storage.Queue(queue).PeekMessagesAsync(32);
        return peeked.Value.Select(m => m.Body.ToString()).ToList();
    }

    /// <summary>Receives and deletes every visible message of a queue.</summary>
    public static async Task<IReadOnlyList<QueueMessage>> DrainAsync(TestApp app, string queue)
    {
        var client = app.Storage.Queue(queue);
        var all = new List<QueueMessage>();
        while (true)
        {
            var batch = (await client.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0) return all;
            foreach (var m in batch) await client.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            all.AddRange(batch);
        }
    }

    public static FunctionInvocation Invocation(string function, QueueMessage m) => new()
    {
        FunctionName = function, Message = m.Body.ToString(), MessageId = m.MessageId, DequeueCount = m.DequeueCount,
        InvocationId = Guid.NewGuid().ToString("N"),
    };
}
