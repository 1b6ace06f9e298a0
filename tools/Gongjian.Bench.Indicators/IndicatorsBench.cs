using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Cli;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bench.Indicators;

/// <summary>
/// Loads a street's year (seeded demo + synthetic episodes and records, batched), serves the app as a child process,
/// measures the GETs of the indicators and the scorecard (sequential and 4 at a time, after a warm-up), then the
/// projection's incremental rate: episodes changed again (an escalation, then a rework) through <see cref="OrderTallyStore.ProjectAsync"/>,
/// the path the order relay takes, checked against the API's escalation count afterwards.
/// </summary>
public static class IndicatorsBench
{
    private const string Street = "caiyuan";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string Opt(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var orders = int.Parse(Opt("--orders", "100000"), CultureInfo.InvariantCulture);
        var extraUnits = int.Parse(Opt("--units", "40"), CultureInfo.InvariantCulture);
        var recordCount = int.Parse(Opt("--records", "20000"), CultureInfo.InvariantCulture);
        var requests = int.Parse(Opt("--requests", "200"), CultureInfo.InvariantCulture);
        var updates = int.Parse(Opt("--updates", "300"), CultureInfo.InvariantCulture);
        var engineRate = double.Parse(Opt("--engine-rate", "42"), CultureInfo.InvariantCulture);
        var appDll = Opt("--app", Environment.GetEnvironmentVariable("GONGJIAN_BENCH_APP") ?? "");
        var outFile = Opt("--out", "");
        var azuritePid = int.Parse(Opt("--azurite-pid", "0"), CultureInfo.InvariantCulture);
        if (!File.Exists(appDll)) { error.WriteLine("Give the app's Gongjian.Functions.dll with --app or GONGJIAN_BENCH_APP."); return 2; }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(25));
        var ct = cts.Token;
        var report = new StringBuilder();
        void Say(string line) { output.WriteLine(line); report.AppendLine(line); }

        var app = AppBuilder.Build([]);
        var services = app.Services;
        var log = new StringWriter();
        await SetupCommand.RunAsync(services, log, ct);
        await SeedCommand.RunAsync(services, true, log, ct);
        var key = Regex.Match(log.ToString(), @"^\s*organizer\s+caiyuan\s+(gjk_\S+)", RegexOptions.Multiline).Groups[1].Value;
        var now = DateTimeOffset.UtcNow;
        var year = now.ToOffset(EvaluationPeriod.Beijing).Year;
        var snapshot = await services.GetRequiredService<CommunityDirectory>().GetAsync(ct);
        var units = SyntheticYear.Units(snapshot.Units.Values.Where(u => u.StreetId == Street && !u.IsRetired).OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => (u.Id, u.Name)), extraUnits);
        var communities = snapshot.Communities.Values.Where(c => c.StreetId == Street).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var synthetic = new SyntheticYear(Street, units, communities, year, now.AddDays(-1));

        Say($"# Indicators at {orders:N0} orders ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Say("");
        Say($"Street {Street}, year {year} (1 Jan → {now.AddDays(-1):yyyy-MM-dd}), {units.Count} units, {communities.Count} communities; {Environment.ProcessorCount} cores, load average {Load()}.");
        Say("");
        var tallies = services.GetRequiredService<OrderTallyStore>();
        var episodes = synthetic.Episodes(orders).ToList();
        var clock = Stopwatch.StartNew();
        var (written, months) = await tallies.LoadAsync(episodes, ct);
        var loadTime = clock.Elapsed;
        clock.Restart();
        var records = await services.GetRequiredService<RecordBook>().WriteManyAsync(synthetic.Records(recordCount), ct);
        var recordTime = clock.Elapsed;
        var counters = (await services.GetRequiredService<RecordBook>().FactsAsync(Street, new EvaluationPeriod(PeriodKind.Year, year, 1), ct)).Count;
        Say("| load (batched, 100 rows per transaction) | rows | time | rows/s |");
        Say("|---|---|---|---|");
        Say($"| dispatch episodes + {months} unit-month tallies recomputed | {written:N0} | {loadTime.TotalSeconds:F1} s | {written / loadTime.TotalSeconds:N0} |");
        Say($"| evaluation records, then their month counters written from them (`RecordBook.RecountAsync`) | {records:N0} | {recordTime.TotalSeconds:F1} s | {records / recordTime.TotalSeconds:N0} |");
        Say("");
        Say($"The {records:N0} records make {counters:N0} month counters (kind × community × unit, and activity for attendance), which the module indicators and the scorecard read.");
        Say("");

        await using var child = await ChildApp.StartAsync(appDll, ct);
        using var http = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string[] paths =
        [
            $"/api/indicators/orders?period={year}",
            $"/api/indicators/orders?period={year}-Q2",
            $"/api/indicators/orders?period={year}&community=dongqili",
            $"/api/indicators/modules?period={year}",
            $"/api/evaluation/scorecard?year={year}",
            $"/api/evaluation/trace?year={year}&unit=baosheng-property&indicator=response_rate",
        ];
        Say($"GET latency, ms, client-measured (request sent → body read); {requests} requests per row after 10 warm-up requests:");
        Say("");
        Say("| request | answer size | p50 | p95 | p99 | max | p95 at concurrency 4 | CPU per request: app / Azurite ms |");
        Say("|---|---|---|---|---|---|---|---|");
        foreach (var path in paths)
        {
            var size = 0;
            for (var i = 0; i < 10; i++) size = (await GetAsync(http, path, ct)).Length;
            var one = new List<double>();
            var (appCpu, azuriteCpu) = (CpuMs(child.Pid), CpuMs(azuritePid));
            for (var i = 0; i < requests; i++) one.Add(await TimeAsync(http, path, ct));
            var cpu = $"{(CpuMs(child.Pid) - appCpu) / requests:F1} / {(azuritePid == 0 ? "–" : ((CpuMs(azuritePid) - azuriteCpu) / requests).ToString("F1", CultureInfo.InvariantCulture))}";
            var four = new List<double>();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                for (var i = 0; i < requests / 4; i++) { var ms = await TimeAsync(http, path, ct); lock (four) four.Add(ms); }
            }));
            Say($"| `{path}` | {size / 1024.0:N0} KB | {P(one, 50):F1} | **{P(one, 95):F1}** | {P(one, 99):F1} | {one.Max():F1} | {P(four, 95):F1} | {cpu} |");
        }
        Say("");

        // Incremental: the relay's path (OrderTallyStore.ProjectAsync) for changed episodes — this process remembers the
        // unit-months the load recomputed (their episodes and ETags), as the app's relay does after a unit-month's first event.
        var before = Escalations(await GetAsync(http, $"/api/indicators/orders?period={year}", ct));
        var random = new Random(7);
        // Escalations 70 and 90 hours after acceptance: only episodes accepted long enough ago that both have happened by now count them.
        var picked = episodes.Where(e => e.AcceptedAt < now.AddDays(-5)).OrderBy(_ => random.Next()).Take(updates).ToList();
        var changes = picked.Select(e => e with { EscalatedAt = [.. e.EscalatedAt, e.AcceptedAt!.Value.AddHours(70)], Version = e.Version + 10 }).ToList();
        var again = changes.Select(e => e with { EscalatedAt = [.. e.EscalatedAt, e.AcceptedAt!.Value.AddHours(90)], Version = e.Version + 1 }).ToList();
        Say("Incremental projection (`OrderTallyStore.ProjectAsync`, the order relay's path; each event: the episode and its unit-month's tally in one transaction):");
        Say("");
        Say("| pass | events | concurrency | events/s | per event p50 / p95 ms | vs engine's event rate |");
        Say("|---|---|---|---|---|---|");
        foreach (var (name, list, concurrency) in new[] { ("first change of each episode (month remembered from the load)", changes, 1), ("second change (remembered)", again, 4) })
        {
            var per = new List<double>();
            var queue = new Queue<DispatchEpisode>(list);
            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (true)
                {
                    DispatchEpisode next;
                    lock (queue) { if (!queue.TryDequeue(out next!)) return; }
                    var t = Stopwatch.StartNew();
                    if (!await tallies.ProjectAsync(next, rebuild: false, ct)) throw new InvalidOperationException($"{next.OrderId} was not written.");
                    lock (per) per.Add(t.Elapsed.TotalMilliseconds);
                }
            }));
            var rate = list.Count / clock.Elapsed.TotalSeconds;
            Say($"| {name} | {list.Count} | {concurrency} | **{rate:N0}** | {P(per, 50):F1} / {P(per, 95):F1} | {rate / engineRate:F1}× ({engineRate} events/s) |");
        }
        var after = Escalations(await GetAsync(http, $"/api/indicators/orders?period={year}", ct));

        // The module indicators' projection: new records through RecordBook.WriteAsync, the path every module's relay takes
        // (the record and its counter in one transaction).
        var book = services.GetRequiredService<RecordBook>();
        var recordsBefore = ModuleRecords(await GetAsync(http, $"/api/indicators/modules?period={year}", ct));
        var fresh = new Queue<EvaluationRecord>(synthetic.Records(updates, "live").Where(r => r.At <= now));
        var counted = fresh.Count;
        var perRecord = new List<double>();
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (true)
            {
                EvaluationRecord next;
                lock (fresh) { if (!fresh.TryDequeue(out next!)) return; }
                var t = Stopwatch.StartNew();
                await book.WriteAsync(next, ct);
                lock (perRecord) perRecord.Add(t.Elapsed.TotalMilliseconds);
            }
        }));
        var recordRate = counted / clock.Elapsed.TotalSeconds;
        Say($"| new evaluation records (`RecordBook.WriteAsync`, every module relay's path: the record and its counter in one transaction) | {counted} | 4 | **{recordRate:N0}** | {P(perRecord, 50):F1} / {P(perRecord, 95):F1} | {recordRate / engineRate:F1}× ({engineRate} events/s) |");
        var recordsAfter = ModuleRecords(await GetAsync(http, $"/api/indicators/modules?period={year}", ct));
        Say("");
        Say($"Check: escalations in the API's year total {before:N0} → {after:N0} (expected +{2 * updates}: {(after - before == 2 * updates ? "yes" : "NO")}).");
        Say($"Check: records behind the module indicators {recordsBefore:N0} → {recordsAfter:N0} (expected +{counted}: {(recordsAfter - recordsBefore == counted ? "yes" : "NO")}).");
        if (outFile.Length > 0) await File.WriteAllTextAsync(outFile, report.ToString(), ct);
        return after - before == 2 * updates && recordsAfter - recordsBefore == counted ? 0 : 1;
    }

    private static async Task<string> GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
    }

    private static async Task<double> TimeAsync(HttpClient http, string path, CancellationToken ct)
    {
        var t = Stopwatch.StartNew();
        await GetAsync(http, path, ct);
        return t.Elapsed.TotalMilliseconds;
    }

    private static int ModuleRecords(string json) => JsonDocument.Parse(json).RootElement.GetProperty("total").GetProperty("records").GetInt32();

    private static int Escalations(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("total").GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("code").GetString() == "escalations").GetProperty("value").GetInt32();

    /// <summary>Nearest rank.</summary>
    private static double P(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    /// <summary>A process's CPU time so far (user + system, from /proc; 0 when unknown), in ms.</summary>
    private static double CpuMs(int pid)
    {
        if (pid == 0 || !File.Exists($"/proc/{pid}/stat")) return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0; // 100 ticks a second
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>The app serving HTTP as its own process (the Release build scripts/bench-indicators made), stopped by its pid.</summary>
public sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private ChildApp(Process process, Uri address) => (_process, BaseAddress) = (process, address);
    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    public static async Task<ChildApp> StartAsync(string appDll, CancellationToken ct)
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { appDll, "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        info.Environment["RateLimits__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var child = new ChildApp(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        child._process.OutputDataReceived += (_, _) => { };
        child._process.ErrorDataReceived += (_, _) => { };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (child._process.HasExited) throw new InvalidOperationException($"The app exited with {child._process.ExitCode}.");
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) { await child.DisposeAsync(); throw new TimeoutException("The app did not serve /api/health within 60 s."); }
            try
            {
                using var r = await http.GetAsync("/api/health", ct);
                if (r.StatusCode == HttpStatusCode.OK) return child;
            }
            catch (HttpRequestException) { }
            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
