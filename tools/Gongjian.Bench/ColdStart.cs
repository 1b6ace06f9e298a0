namespace Gongjian.Bench;

/// <summary>Per start, in ms from process launch: first request served (/api/health), first order placed; and that first placement's own latency.</summary>
public sealed record ColdStartResult(
    IReadOnlyList<double> FirstServedMs, IReadOnlyList<double> FirstPlacedMs, IReadOnlyList<double> FirstPlaceLatencyMs,
    double MedianFirstServedMs, double MedianFirstPlacedMs);

/// <summary>
/// Starts the app <c>starts</c> times on seeded storage (each a new process: runtime start, JIT,
/// storage clients, the create-if-missing calls, Kestrel), polls /api/health every 10 ms until it
/// answers, then places one order as a resident. Each process is stopped by its pid before the next.
/// </summary>
public static class ColdStart
{
    public static async Task<ColdStartResult> RunAsync(string appDll, int starts, IReadOnlyDictionary<string, string> environment, BenchKeys keys, CancellationToken ct)
    {
        List<double> served = [], placed = [], placeLatency = [];
        for (var i = 0; i < starts; i++)
        {
            await using (var app = await ChildApp.StartAsync(appDll, environment, ct))
            {
                served.Add(Math.Round(app.FirstServed.TotalMilliseconds));
                using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                var before = app.SinceStart.Elapsed;
                await new CycleClient(http, keys, new Latencies()).PlaceAsync(ct);
                var after = app.SinceStart.Elapsed;
                placed.Add(Math.Round(after.TotalMilliseconds));
                placeLatency.Add(Math.Round((after - before).TotalMilliseconds));
            }
            await Task.Delay(500, ct); // let the stopped process go before the next one starts
        }
        return new ColdStartResult(served, placed, placeLatency, Median(served), Median(placed));
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
