using System.Diagnostics;

namespace Gongjian.Bench;

/// <summary>What one concurrency level measured. Rates count only cycles whose every step succeeded.</summary>
public sealed record LevelResult(
    int Concurrency, int Cycles, int Failed, double HttpSeconds, int NotificationsLeft, double? DrainSeconds,
    double HttpCyclesPerSecond, double CyclesPerSecond, LatencySummary Cycle, Dictionary<string, LatencySummary> Steps,
    CpuShare Cpu, Dictionary<string, long> Emptied, IReadOnlyList<string> Errors)
{
    /// <summary>Console log lines the app wrote per cycle during the level (its logging is part of its CPU).</summary>
    public double? AppLogLinesPerCycle { get; init; }
    /// <summary>HTTP cycles/s in the first and the second half of the level: a drop shows a slowdown as data grows.</summary>
    public required RateHalves HalfRates { get; init; }
    /// <summary>CPU time per complete cycle, ms, by process: less sensitive to other load than rates are.</summary>
    public Dictionary<string, double> CpuMsPerCycle =>
        Cycles > 0 ? Cpu.Processes.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value * Cpu.Seconds * 10 / Cycles, 1)) : [];
}

/// <summary>
/// Runs full cycles with <c>concurrency</c> runners until the level's cycle or time budget is spent,
/// then waits for <c>notifications</c> to drain: a cycle is complete when its HTTP steps are done and
/// the notices its changes queued are delivered, so the rate is cycles ÷ (HTTP time + drain time).
/// </summary>
public static class CycleLevel
{
    private const int MaxFailures = 20;

    public static async Task<LevelResult> RunAsync(int concurrency, BenchOptions options, CycleClientFactory clients, QueueProbe queues,
        QueuePlan plan, IReadOnlyDictionary<string, int?> processes, CancellationToken ct)
    {
        var latencies = new Latencies();
        var client = clients(latencies);
        List<double> cycles = [], finishedAt = [];
        var errors = new List<string>();
        int started = 0, done = 0, failed = 0;
        using var stopEmptying = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var emptying = queues.EmptyWhileAsync(plan.Emptied, stopEmptying.Token);
        var cpu = new CpuMeter(processes);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref started) <= options.Cycles && clock.Elapsed < options.Seconds && Volatile.Read(ref failed) < MaxFailures)
            {
                var one = Stopwatch.StartNew();
                try
                {
                    await client.RunCycleAsync(ct);
                    lock (cycles) { cycles.Add(one.Elapsed.TotalMilliseconds); finishedAt.Add(clock.Elapsed.TotalSeconds); }
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is BenchStepException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    lock (errors) if (errors.Count < 5) errors.Add(e.Message);
                }
            }
        }, ct)));
        var httpTime = clock.Elapsed;
        var left = await queues.CountAsync(AppQueues.Notifications, ct);
        var drain = await queues.DrainAsync(AppQueues.Notifications, TimeSpan.FromSeconds(60), ct);
        var share = cpu.Stop();
        await stopEmptying.CancelAsync();
        var emptied = await emptying;

        var http = httpTime.TotalSeconds;
        var rate = drain is { } d ? done / (http + d.TotalSeconds) : 0;
        return new LevelResult(concurrency, done, failed, Math.Round(http, 2), left, drain is { } t ? Math.Round(t.TotalSeconds, 2) : null,
            Math.Round(done / http, 2), Math.Round(rate, 2), LatencySummary.Of(cycles), latencies.Summaries(),
            share, emptied, errors)
        {
            HalfRates = new(Math.Round(finishedAt.Count(t => t <= http / 2) / (http / 2), 2), Math.Round(finishedAt.Count(t => t > http / 2) / (http / 2), 2)),
        };
    }
}

public readonly record struct RateHalves(double First, double Second);

/// <summary>Makes a cycle client that records into the given latencies.</summary>
public delegate CycleClient CycleClientFactory(Latencies latencies);
