using System.Text.Json;

namespace Gongjian.Bench;

/// <summary>
/// What the app declares about its triggers, asked from the app itself: its <c>layout</c> verb writes the
/// Azure Functions folder layout (one <c>function.json</c> per function) into a temporary directory, and
/// the queue triggers are read from there — the same description the Functions host deploys.
/// </summary>
public static class AppLayout
{
    /// <summary>The names of the queues some function of the app is triggered by.</summary>
    public static async Task<IReadOnlySet<string>> ConsumedQueuesAsync(string appDll, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("gongjian-bench-layout.");
        try
        {
            var hostJson = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(appDll))!, "host.json");
            await ChildApp.RunVerbAsync(appDll, environment, ct, "layout", "--host-json", hostJson, "--output", dir.FullName);
            return QueueTriggers(dir.FullName);
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>The <c>queueName</c> of every <c>queueTrigger</c> binding in a layout directory.</summary>
    public static IReadOnlySet<string> QueueTriggers(string layoutDir)
    {
        var queues = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(layoutDir, "function.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var binding in json.RootElement.GetProperty("bindings").EnumerateArray())
                if (binding.TryGetProperty("type", out var type) && type.GetString() == "queueTrigger"
                    && binding.TryGetProperty("queueName", out var name) && name.GetString() is { } queue)
                    queues.Add(queue);
        }
        return queues;
    }
}
