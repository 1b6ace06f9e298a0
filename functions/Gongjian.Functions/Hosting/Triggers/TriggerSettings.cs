namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// Who runs the queue and timer functions. Under the Functions host (it sets the custom handler
/// port) the host does, calling <c>POST /{FunctionName}</c>; otherwise the app runs them itself,
/// unless <c>Host:Triggers=false</c> (tests that want no background processing).
/// </summary>
public sealed record TriggerSettings
{
    /// <summary>Started by the Functions host as a custom handler.</summary>
    public bool UnderFunctionsHost { get; init; }
    /// <summary>Run queue listeners and timers in this process.</summary>
    public bool Standalone { get; init; }
    /// <summary>
    /// Serve <c>POST /{FunctionName}</c>. Only the Functions host may call these (it sends whatever
    /// message it likes), so by default they exist only under it, where the app listens on 127.0.0.1.
    /// </summary>
    public bool InvocationEndpoints { get; init; }
    /// <summary>An explicit host.json (tests use small timeouts); otherwise it is looked for next to the app.</summary>
    public string? HostJsonPath { get; init; }
    /// <summary>How long a received message stays invisible while its handler runs; renewed at half-time.</summary>
    public TimeSpan MessageLease { get; init; } = TimeSpan.FromMinutes(5);

    public static TriggerSettings From(IConfiguration configuration)
    {
        var underHost = !string.IsNullOrEmpty(configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? configuration["FUNCTIONS_HTTPWORKER_PORT"]);
        var section = configuration.GetSection("Host");
        var lease = section["MessageLease"] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.FromSeconds(1) && parsed <= TimeSpan.FromDays(7)
                ? parsed
                : throw new InvalidOperationException($"Host:MessageLease must be a time span between 00:00:01 and 7.00:00:00 (was '{text}').")
            : TimeSpan.FromMinutes(5);
        return new TriggerSettings
        {
            UnderFunctionsHost = underHost,
            Standalone = !underHost && Flag(section, "Triggers", true),
            InvocationEndpoints = Flag(section, "InvocationEndpoints", underHost),
            HostJsonPath = section["HostJsonPath"] is { Length: > 0 } path ? path : null,
            MessageLease = lease,
        };
    }

    private static bool Flag(IConfiguration section, string key, bool fallback) => section[key] switch
    {
        null or "" => fallback,
        var v when bool.TryParse(v, out var b) => b,
        var v => throw new InvalidOperationException($"Host:{key} must be true or false (was '{v}')."),
    };
}
