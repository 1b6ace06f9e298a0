using System.Diagnostics;

namespace Gongjian.Bench;

/// <summary>Storage requests per full cycle, measured, by kind; and what the idle app makes per second (trigger polling).</summary>
public sealed record OpsResult(
    int Cycles, double Seconds, double PerCycle, Dictionary<string, double> PerCycleByKind, double IdlePerSecond, Dictionary<string, double> IdleByKind);

/// <summary>
/// Counts the storage requests of full cycles: the app is started with a connection string that
/// points at <see cref="CountingRelay"/>s in front of Azurite's three endpoints, runs a few
/// warm-up cycles, then idles (to measure background polling), then runs <c>cycles</c> cycles one
/// at a time and waits for notifications to drain.
/// Everything the app sends in that window is counted.
/// </summary>
public static class StorageOpsCount
{
    public static async Task<OpsResult> RunAsync(string appDll, string connectionString, string prefix, int cycles, QueuePlan plan,
        IReadOnlyList<(string Key, string Value)> appEnvironment, CancellationToken ct)
    {
        var relays = new Dictionary<string, CountingRelay>();
        try
        {
            var relayed = connectionString;
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                var endpoint = Endpoint(connectionString, service) ?? throw new InvalidOperationException($"The connection string has no {service} endpoint.");
                relays[service] = new CountingRelay(service, endpoint.Port, prefix);
                relayed = relayed.Replace(endpoint.GetLeftPart(UriPartial.Authority) + "/", $"http://127.0.0.1:{relays[service].Port}/", StringComparison.Ordinal);
            }
            var keys = await BenchSeed.SeedAsync(appDll, BenchSeed.Environment(connectionString, prefix, appEnvironment), ct);
            await using var app = await ChildApp.StartAsync(appDll, BenchSeed.Environment(relayed, prefix, appEnvironment), ct);
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var client = new CycleClient(http, keys, new Latencies());
            var queues = new QueueProbe(connectionString, prefix);
            async Task Drain()
            {
                await queues.DrainAsync(AppQueues.Notifications, TimeSpan.FromSeconds(60), ct);
            }
            for (var i = 0; i < 3; i++) await client.RunCycleAsync(ct);
            await Drain();
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // let the listeners' polling back off to its idle pace

            var idleStart = Snapshot(relays);
            var idleClock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(6), ct);
            var idle = Delta(idleStart, Snapshot(relays), idleClock.Elapsed.TotalSeconds);

            var start = Snapshot(relays);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < cycles; i++) await client.RunCycleAsync(ct);
            await Drain();
            var perCycle = Delta(start, Snapshot(relays), cycles);
            return new OpsResult(cycles, Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(perCycle.Values.Sum(), 1), perCycle,
                Math.Round(idle.Values.Sum(), 2), idle);
        }
        finally
        {
            foreach (var relay in relays.Values) await relay.DisposeAsync();
        }
    }

    /// <summary>The endpoint of one service in an explicit connection string (<c>TableEndpoint=http://…</c>).</summary>
    public static Uri? Endpoint(string connectionString, string service) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Equals($"{service}Endpoint", StringComparison.OrdinalIgnoreCase))
            .Select(kv => new Uri(kv[1]))
            .FirstOrDefault();

    private static Dictionary<string, long> Snapshot(Dictionary<string, CountingRelay> relays) =>
        relays.Values.SelectMany(r => r.Snapshot()).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Dictionary<string, double> Delta(Dictionary<string, long> before, Dictionary<string, long> after, double per) =>
        after.Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value)
            .ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value / per, 2));
}
