using System.Diagnostics;
using System.Text.Json;

namespace Gongjian.Bench;

/// <summary>
/// The bench: in one run against one Azurite — raw transaction rate, full cycles at each
/// concurrency level, storage requests per cycle, timer lateness, cold start, raw rate again —
/// then the report as markdown on stdout (and in --out, with a .json beside it). Progress goes to stderr.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log)
    {
        BenchOptions options;
        try { options = BenchOptions.Parse(args, Environment.GetEnvironmentVariable("AZURITE_PID"), Environment.GetEnvironmentVariable("GONGJIAN_BENCH_APP")); }
        catch (ArgumentException e) { log.WriteLine(e.Message); return 2; }
        if (Environment.GetEnvironmentVariable("AzureWebJobsStorage") is not { } cs || StorageOpsCount.Endpoint(cs, "table") is null)
        {
            log.WriteLine("bench needs AzureWebJobsStorage as a connection string with explicit endpoints (scripts/bench sets it).");
            return 2;
        }
        if (options.App is not { } appOption || !File.Exists(appOption))
        {
            log.WriteLine($"bench needs the app's Gongjian.Functions.dll: --app PATH or GONGJIAN_BENCH_APP (scripts/bench sets it; was '{options.App}').");
            return 2;
        }
        var appDll = Path.GetFullPath(appOption);
        using var stop = new CancellationTokenSource(options.Deadline);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var ct = stop.Token;
        var clock = Stopwatch.StartNew();
        QueuePlan plan;
        try { plan = QueuePlan.For(await AppLayout.ConsumedQueuesAsync(appDll, BenchSeed.Environment(cs, BenchSeed.NewPrefix('l'), options.AppEnvironment), ct), options.KeepQueues); }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { log.WriteLine($"bench cannot read the app's triggers: {e.Message}"); return 2; }
        var result = new BenchResult { StartedAt = DateTimeOffset.UtcNow, CommandLine = "bench " + string.Join(' ', args), QueuesEmptied = plan.Emptied };
        void Say(string text) => log.WriteLine($"[bench {clock.Elapsed:mm\\:ss}] {text}");
        Dictionary<string, int?> Pids(int? app = null) => new() { ["azurite"] = options.AzuritePid, ["app"] = app, ["bench"] = Environment.ProcessId };
        Dictionary<string, string> Env(char phase, params (string, string)[] extra) =>
            BenchSeed.Environment(cs, BenchSeed.NewPrefix(phase), options.AppEnvironment.Concat(extra));
        async Task Phase(string name, Func<Task> run)
        {
            if (ct.IsCancellationRequested)
            {
                result.Notes.Add($"{name}: not run (stopped at the {options.Deadline.TotalMinutes:F0}-minute deadline or by Ctrl-C).");
                return;
            }
            Say(name + " …");
            try { await run(); }
            catch (Exception e) { result.Notes.Add($"{name} failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}"); Say($"{name} failed: {e}"); }
        }

        await Phase("raw Azurite transactions (before)", async () =>
            result.RawBefore = await RawTransactions.RunAsync(cs, BenchSeed.NewPrefix('r') + "raw", options.RawConcurrency, options.RawSeconds, Pids(), ct));
        await Phase("full cycles", async () =>
        {
            var env = Env('c');
            var prefix = env["Storage__Prefix"];
            var keys = await BenchSeed.SeedAsync(appDll, env, ct);
            await using var app = await ChildApp.StartAsync(appDll, env, ct);
            using var http = NewClient(app.BaseAddress);
            var queues = new QueueProbe(cs, prefix);
            try
            {
                CycleClientFactory clients = latencies => new CycleClient(http, keys, latencies);
                var warmUp = await CycleLevel.RunAsync(4, options with { Cycles = 300, Seconds = TimeSpan.FromSeconds(20) }, clients, queues, plan, Pids(app.Pid), ct);
                Say($"warm-up: {warmUp.Cycles} cycles ({warmUp.Failed} failed) in {warmUp.HttpSeconds} s, {warmUp.HttpCyclesPerSecond}/s");
                result.Notes.Add($"Before the levels, {warmUp.Cycles} warm-up cycles at concurrency 4 (not counted) ran at {warmUp.HttpCyclesPerSecond}/s.");
                foreach (var level in options.Levels)
                {
                    var lines = app.Lines;
                    var l = await CycleLevel.RunAsync(level, options, clients, queues, plan, Pids(app.Pid), ct);
                    result.Levels.Add(l = l with { AppLogLinesPerCycle = l.Cycles > 0 ? Math.Round((double)(app.Lines - lines) / l.Cycles, 1) : null });
                    Say($"concurrency {level}: {l.Cycles} cycles ({l.Failed} failed) in {l.HttpSeconds} s + drain {l.DrainSeconds} s = {l.CyclesPerSecond} cycles/s");
                }
            }
            catch when (!string.IsNullOrEmpty(app.Tail)) { Say("app output:\n" + app.Tail); throw; }
            foreach (var q in new[] { AppQueues.Notifications, AppQueues.OrderTimers }) await queues.ClearAsync(q);
        });
        if (options.CountedCycles > 0)
            await Phase("storage requests per cycle", async () =>
            {
                var prefix = BenchSeed.NewPrefix('o');
                result.StorageRequests = await StorageOpsCount.RunAsync(appDll, cs, prefix, options.CountedCycles, plan, options.AppEnvironment, ct);
                var queues = new QueueProbe(cs, prefix);
                foreach (var q in new[] { AppQueues.Notifications, AppQueues.OrderTimers }) await queues.ClearAsync(q);
            });
        if (options.TimerOrders > 0)
            await Phase("timer lateness", async () =>
            {
                var env = Env('t', ("Sla__AcceptWithin", TimerLateness.AcceptWithin.ToString()));
                var keys = await BenchSeed.SeedAsync(appDll, env, ct);
                await using var app = await ChildApp.StartAsync(appDll, env, ct);
                using var http = NewClient(app.BaseAddress);
                result.Timers = await TimerLateness.RunAsync(options.TimerOrders, new CycleClient(http, keys, new Latencies()), ct);
            });
        if (options.ColdStarts > 0)
            await Phase("cold start", async () =>
            {
                var env = Env('s');
                result.ColdStart = await ColdStart.RunAsync(appDll, options.ColdStarts, env, await BenchSeed.SeedAsync(appDll, env, ct), ct);
            });
        await Phase("raw Azurite transactions (after)", async () =>
            result.RawAfter = await RawTransactions.RunAsync(cs, BenchSeed.NewPrefix('r') + "raw", options.RawConcurrency, options.RawSeconds, Pids(), ct));

        if (options.AzuritePid is null) result.Notes.Add("Azurite's CPU was not measured: pass --azurite-pid (scripts/bench does).");
        if (plan.Emptied.Count > 0)
            result.Notes.Add($"During the cycles the bench empties {string.Join(" and ", plan.Emptied.Select(q => $"`{q}`"))} once a second (counts above): "
                + "the timers are deadlines hours or days away, and Azurite slows with every message it stores (Azure does not). `--keep-queues` leaves them.");
        result.Notes.Add("The app delivers notifications itself, in process, as the relay of each change carries it out (only a failed one waits on "
            + "`notifications` for `DeliverNotification`), so that work is inside the cycle's storage requests and its CPU; the drain waits for that queue.");
        result.LoadAverageAtEnd = BenchResult.LoadAverage();
        result.DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        var markdown = BenchMarkdown.Render(result);
        if (options.Out is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown, CancellationToken.None);
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".json"), JsonSerializer.Serialize(result, BenchJson.Default.BenchResult), CancellationToken.None);
            Say($"report written to {path} and {Path.ChangeExtension(path, ".json")}");
        }
        output.Write(markdown);
        return result.Levels.Count > 0 && result.Levels.All(l => l.Cycles > 0) ? 0 : 1;
    }

    private static HttpClient NewClient(Uri address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
}
