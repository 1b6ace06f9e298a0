using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Hosting;

/// <summary>The generated Functions layout matches the routes the app really serves.</summary>
public sealed class FunctionLayoutTests
{
    [Fact]
    public async Task Layout_verb_writes_host_json_and_one_function_json_per_declared_function()
    {
        var dir = Directory.CreateTempSubdirectory("gongjian-layout-").FullName;
        try
        {
            var output = await AppProcess.RunVerbAsync(new Dictionary<string, string>(), "layout",
                "--host-json", Path.Combine(RepoPaths.Root, "host.json"), "--output", dir);
            Assert.Contains("Wrote host.json", output);

            await using var app = AppBuilder.Build(["--AzureWebJobsStorage=UseDevelopmentStorage=true"]);
            var declared = app.Services.GetRequiredService<FunctionCatalog>().All;
            Assert.Equal(declared.Select(f => f.Name).Order(), Directory.GetDirectories(dir).Select(Path.GetFileName).Order()!);
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")), File.ReadAllText(Path.Combine(dir, "host.json")));

            var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                .Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
            foreach (var f in declared)
            {
                var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, f.Name, "function.json")))!;
                var trigger = json["bindings"]![0]!;
                switch (f.Trigger)
                {
                    case HttpTrigger http:
                        Assert.Equal("httpTrigger", (string?)trigger["type"]);
                        Assert.Equal(http.Method.ToLowerInvariant(), (string?)trigger["methods"]![0]);
                        Assert.Equal(http.Route, (string?)trigger["route"]);
                        Assert.Equal("http", (string?)json["bindings"]![1]!["type"]);
                        // The Functions host forwards /api/{route}; the app must serve exactly that path.
                        Assert.Contains($"api/{http.Route}", routes);
                        break;
                    case QueueTrigger queue:
                        Assert.Equal("queueTrigger", (string?)trigger["type"]);
                        Assert.Equal(queue.QueueName, (string?)trigger["queueName"]);
                        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
                        break;
                    case TimerTrigger timer:
                        Assert.Equal("timerTrigger", (string?)trigger["type"]);
                        Assert.Equal(timer.Schedule, (string?)trigger["schedule"]);
                        break;
                    default:
                        Assert.Fail($"Unexpected trigger {f.Trigger}");
                        break;
                }
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Root_host_json_forwards_http_and_sets_the_queue_semantics()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!;
        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("api", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.InRange((int)host["extensions"]!["queues"]!["batchSize"]!, 1, 32);
        Assert.Equal(JsonValueKind.Object, JsonSerializer.Deserialize<JsonElement>(host.ToJsonString()).ValueKind);
    }
}
