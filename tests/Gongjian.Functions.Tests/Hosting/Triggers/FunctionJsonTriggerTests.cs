using System.Text.Json.Nodes;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>function.json for queue and timer functions follows their declarations and the binding names the handler reads.</summary>
public sealed class FunctionJsonTriggerTests
{
    private static Task Noop(FunctionInvocation i, IServiceProvider s, CancellationToken c) => Task.CompletedTask;

    [Fact]
    public void Queue_function_json_names_the_real_queue_and_the_msg_binding()
    {
        var json = FunctionJson.For(new FunctionDeclaration("OnOrderTimer", new QueueTrigger(QueueNames.OrderTimers), Noop));
        var expected = JsonNode.Parse("""
            {"bindings":[{"name":"msg","type":"queueTrigger","direction":"in","queueName":"order-timers","connection":"AzureWebJobsStorage"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Timer_function_json_carries_the_schedule_and_the_timer_binding()
    {
        var json = FunctionJson.For(new FunctionDeclaration("SweepOutbox", new TimerTrigger("0 */5 * * * *"), Noop));
        var expected = JsonNode.Parse("""
            {"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 */5 * * * *","runOnStartup":false,"useMonitor":true}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        Assert.True((bool)FunctionJson.For(new FunctionDeclaration("Warm", new TimerTrigger("0 0 * * * *", true), Noop))["bindings"]![0]!["runOnStartup"]!);
    }

    [Fact]
    public void Layout_writes_queue_and_timer_functions_next_to_http_ones()
    {
        var catalog = new FunctionCatalog();
        catalog.Add(new FunctionDeclaration("OnNotification", new QueueTrigger(QueueNames.Notifications), Noop));
        catalog.Add(new FunctionDeclaration("DailyDigest", new TimerTrigger("0 0 1 * * *"), Noop));
        var dir = Directory.CreateTempSubdirectory("gongjian-layout-triggers-").FullName;
        try
        {
            var hostJson = Path.Combine(dir, "source-host.json");
            File.WriteAllText(hostJson, "{\"version\":\"2.0\"}");
            var names = FunctionJson.WriteLayout(catalog, hostJson, Path.Combine(dir, "out"));
            Assert.Equal(["OnNotification", "DailyDigest"], names);
            var queue = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "OnNotification", "function.json")))!["bindings"]![0]!;
            Assert.Equal("notifications", (string?)queue["queueName"]);
            var timer = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "DailyDigest", "function.json")))!["bindings"]![0]!;
            Assert.Equal("0 0 1 * * *", (string?)timer["schedule"]);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Every_background_function_the_app_declares_has_a_valid_trigger()
    {
        // Whatever queue and timer functions the app maps: real queue names (no test prefix) and schedules that parse.
        await using var app = AppBuilder.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true", "--Storage:Prefix=zz", "--Host:Triggers=false"]);
        foreach (var f in app.Services.GetRequiredService<FunctionCatalog>().All.Where(f => f.Trigger is not HttpTrigger))
        {
            Assert.NotNull(f.Run);
            var binding = FunctionJson.For(f)["bindings"]![0]!;
            switch (f.Trigger)
            {
                case QueueTrigger q:
                    Assert.Equal(InvocationPayload.QueueBinding, (string?)binding["name"]);
                    Assert.Equal(q.QueueName, (string?)binding["queueName"]);
                    Assert.DoesNotContain("zz", (string?)binding["queueName"]);
                    break;
                case TimerTrigger t:
                    Assert.Equal(InvocationPayload.TimerBinding, (string?)binding["name"]);
                    TimerSchedule.Parse(f.Name, t.Schedule);
                    break;
            }
        }
    }
}
