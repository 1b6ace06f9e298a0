using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>The <c>extensions.queues</c> settings of host.json, with the Functions defaults for absent values.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;
    /// <summary>A new batch is fetched when the messages in flight drop to this; at most BatchSize + this run at once.</summary>
    public int NewBatchThreshold { get; init; } = 8;
    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public int MaxDequeueCount { get; init; } = 5;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public string MessageEncoding { get; init; } = "base64";
}

/// <summary>
/// Reads host.json the way the Functions host does (names case-insensitive, comments allowed,
/// numbers and time spans also as strings) so standalone runs keep the same queue semantics.
/// Bad values fail at start-up with the setting's name rather than misbehave later.
/// </summary>
public sealed record HostJsonOptions(string? Source, QueueHostOptions Queues)
{
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The explicit path, else host.json in the content root, the app's folder, then its parent (the package root).</summary>
    public static HostJsonOptions Load(string? explicitPath, string contentRoot)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath)
                ? Parse(File.ReadAllText(explicitPath), explicitPath)
                : throw new InvalidOperationException($"Host:HostJsonPath '{explicitPath}' does not exist.");
        var baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string?[] candidates = [contentRoot, baseDir, Path.GetDirectoryName(baseDir)];
        var found = candidates.Where(d => d is not null).Select(d => Path.Combine(d!, "host.json")).FirstOrDefault(File.Exists);
        return found is null ? new HostJsonOptions(null, new QueueHostOptions()) : Parse(File.ReadAllText(found), found);
    }

    public static HostJsonOptions Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = true },
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{source} is not valid JSON: {e.Message}", e);
        }
        if (root?["extensions"]?["queues"] is { } section && section is not JsonObject)
            throw new InvalidOperationException($"{source}: extensions.queues must be an object.");
        var queues = root?["extensions"]?["queues"] as JsonObject;
        T Fail<T>(string name, string rule, JsonNode? value) =>
            throw new InvalidOperationException($"{source}: extensions.queues.{name} {rule} (was {value?.ToJsonString() ?? "null"}).");

        int Int(string name, int fallback, int min, int max)
        {
            if (queues?[name] is not { } node) return fallback;
            int? value = node.GetValueKind() switch
            {
                JsonValueKind.Number when node.AsValue().TryGetValue(out int i) => i,
                JsonValueKind.String when int.TryParse(node.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
                _ => null,
            };
            return value is { } v && v >= min && v <= max ? v : Fail<int>(name, $"must be a whole number from {min} to {max}", node);
        }

        TimeSpan Time(string name, TimeSpan fallback, TimeSpan min)
        {
            if (queues?[name] is not { } node) return fallback;
            if (node.GetValueKind() == JsonValueKind.String
                && TimeSpan.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, out var t) && t >= min && t <= TimeSpan.FromDays(7))
                return t;
            return Fail<TimeSpan>(name, $"must be a time span like \"00:00:30\", at least {min:c} and at most 7 days", node);
        }

        var batchSize = Int("batchSize", 16, 1, 32);
        var encoding = queues?["messageEncoding"] is { } enc
            ? enc.GetValueKind() == JsonValueKind.String ? enc.GetValue<string>().ToLowerInvariant() : Fail<string>("messageEncoding", "must be \"base64\"", enc)
            : "base64";
        // The app writes every message through base64 clients; "none" would make the host misread them all.
        if (encoding != "base64") Fail<string>("messageEncoding", "must be \"base64\" (the app writes base64 messages)", queues!["messageEncoding"]);

        return new HostJsonOptions(source, new QueueHostOptions
        {
            BatchSize = batchSize,
            NewBatchThreshold = Int("newBatchThreshold", batchSize / 2, 0, 1000),
            VisibilityTimeout = Time("visibilityTimeout", TimeSpan.Zero, TimeSpan.Zero),
            MaxDequeueCount = Int("maxDequeueCount", 5, 1, 1000),
            MaxPollingInterval = Time("maxPollingInterval", TimeSpan.FromMinutes(1), MinPollingInterval),
            MessageEncoding = encoding,
        });
    }
}
