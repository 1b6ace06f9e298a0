using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>
/// The bench names the app's queues itself (it does not reference the app); these tests ask the real
/// app, through its <c>layout</c> verb in a child process as the bench does, whether those names still hold.
/// </summary>
public sealed class AppLayoutTests(AzuriteFixture azurite)
{
    private static string AppDll => Path.Combine(AppContext.BaseDirectory, "Gongjian.Functions.dll");

    [Fact]
    public async Task The_apps_layout_declares_queue_triggers_for_the_queues_the_bench_drains_and_empties()
    {
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__Prefix"] = "blayout" };

        var consumed = await AppLayout.ConsumedQueuesAsync(AppDll, environment, TestContext.Current.CancellationToken);

        Assert.Contains(AppQueues.Notifications, consumed);
        Assert.Contains(AppQueues.OrderTimers, consumed);
        var plan = QueuePlan.For(consumed, keepQueues: false); // throws if the names above had drifted
        Assert.DoesNotContain(AppQueues.Notifications, plan.Emptied); // its drain is the measurement; emptying it would fake it
    }

    [Fact]
    public void Queue_triggers_are_read_from_every_function_json_and_other_bindings_are_ignored()
    {
        var dir = Directory.CreateTempSubdirectory("gongjian-bench-layout-test.");
        try
        {
            void Function(string name, string json)
            {
                Directory.CreateDirectory(Path.Combine(dir.FullName, name));
                File.WriteAllText(Path.Combine(dir.FullName, name, "function.json"), json);
            }
            Function("Deliver", """{"bindings":[{"name":"message","type":"queueTrigger","direction":"in","queueName":"notifications"}]}""");
            Function("OnTimer", """{"bindings":[{"name":"message","type":"queueTrigger","direction":"in","queueName":"order-timers"}]}""");
            Function("Health", """{"bindings":[{"type":"httpTrigger","route":"health"},{"type":"http","direction":"out"}]}""");
            Function("Digest", """{"bindings":[{"type":"timerTrigger","schedule":"0 0 8 * * *"}]}""");

            Assert.Equal(["notifications", "order-timers"], AppLayout.QueueTriggers(dir.FullName).Order());
        }
        finally { dir.Delete(recursive: true); }
    }
}
