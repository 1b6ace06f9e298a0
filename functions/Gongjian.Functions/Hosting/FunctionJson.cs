using System.Text.Json.Nodes;

namespace Gongjian.Functions.Hosting;

/// <summary>
/// Writes the Azure Functions layout of a custom handler from the declarations in code: the root
/// <c>host.json</c> (copied as is) and one folder per function with its generated <c>function.json</c>.
/// Never hand-written, so it cannot drift from the routes the app serves.
/// </summary>
public static class FunctionJson
{
    public static JsonObject For(FunctionDeclaration function) => function.Trigger switch
    {
        HttpTrigger http => new JsonObject
        {
            ["bindings"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger", ["direction"] = "in", ["name"] = "req", ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray(http.Method.ToLowerInvariant()), ["route"] = http.Route,
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
        },
        // Binding names match what the custom handler reads from the invocation's Data (Triggers/InvocationPayload).
        QueueTrigger queue => new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject
            {
                ["name"] = Triggers.InvocationPayload.QueueBinding, ["type"] = "queueTrigger", ["direction"] = "in",
                ["queueName"] = queue.QueueName, ["connection"] = "AzureWebJobsStorage",
            }),
        },
        TimerTrigger timer => new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject
            {
                ["name"] = Triggers.InvocationPayload.TimerBinding, ["type"] = "timerTrigger", ["direction"] = "in",
                ["schedule"] = timer.Schedule, ["runOnStartup"] = timer.RunOnStartup, ["useMonitor"] = true,
            }),
        },
        _ => throw new NotSupportedException($"No function.json shape for {function.Trigger.GetType().Name}."),
    };

    /// <summary>Writes host.json and every function folder into <paramref name="outputDir"/>; returns the function names.</summary>
    public static IReadOnlyList<string> WriteLayout(FunctionCatalog catalog, string hostJsonPath, string outputDir)
    {
        Directory.CreateDirectory(outputDir);
        File.Copy(hostJsonPath, Path.Combine(outputDir, "host.json"), overwrite: true);
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        foreach (var function in catalog.All)
        {
            var dir = Path.Combine(outputDir, function.Name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "function.json"), For(function).ToJsonString(options));
        }
        return catalog.All.Select(f => f.Name).ToList();
    }
}
