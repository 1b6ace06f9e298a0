using System.Globalization;
using System.Text;

namespace Gongjian.Bench;

/// <summary>The report as markdown: summary first, then each phase's table, then notes (what was not measured).</summary>
public static class BenchMarkdown
{
    public static string Render(BenchResult r)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        void Row(params string[] cells) => Line("| " + string.Join(" | ", cells) + " |");
        void Head(params string[] cells) { Row(cells); Line("|" + string.Concat(cells.Select(_ => "---|"))); }

        Line($"# Gongjian bench — {r.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line();
        Line($"`{r.CommandLine}` · {r.Cores} cores · {r.Runtime} · load average {F(r.LoadAverageAtStart)} at start, "
            + $"{F(r.LoadAverageAtEnd)} at end · {F(r.DurationSeconds, 0)} s");
        Line();
        Line("## Summary");
        Line();
        Head("figure", "value");
        foreach (var l in r.Levels)
            Row($"full cycles/s at concurrency {l.Concurrency}", $"**{F(l.CyclesPerSecond)}** (HTTP only {F(l.HttpCyclesPerSecond)}; drain {F(l.DrainSeconds)} s"
                + (r.StorageRequests is { } sr ? $"; ≈ {F(l.CyclesPerSecond * sr.PerCycle, 0)} storage requests/s" : "") + $") — {Bottleneck(l.Cpu)}");
        if (r.RawPerSecond is { } raw)
            Row($"raw Azurite 3-row transactions/s (concurrency {r.RawBefore?.Concurrency ?? r.RawAfter?.Concurrency})",
                $"**{F(raw, 0)}** (before {F(r.RawBefore?.PerSecond, 0)}, after {F(r.RawAfter?.PerSecond, 0)})");
        foreach (var (level, ratio) in r.Levels.Select(l => l.Concurrency).Zip(r.Ratio))
            Row($"ratio cycles/s ÷ raw tx/s at concurrency {level}", $"**{F(ratio, 4)}** (1 cycle ≈ {F(ratio > 0 ? 1 / ratio : 0, 0)} raw transactions of Azurite time)");
        foreach (var l in r.Levels.Where(l => l.CpuMsPerCycle.ContainsKey("azurite")))
        {
            var ms = l.CpuMsPerCycle;
            Row($"CPU per cycle at concurrency {l.Concurrency}, ms: Azurite / app / bench",
                $"**{F(ms["azurite"], 1)}** / {F(ms.GetValueOrDefault("app"), 1)} / {F(ms.GetValueOrDefault("bench"), 1)} → at most ≈ "
                + $"{F(ms["azurite"] > 0 ? 1000 / ms["azurite"] : 0, 1)} cycles/s while Azurite has one whole core"
                + (r.RawAzuriteCpuMs is { } rc and > 0 ? $"; 1 cycle = {F(ms["azurite"] / rc, 0)} raw transactions of Azurite CPU" : ""));
        }
        if (r.StorageRequests is { } ops) Row("storage requests per cycle (measured)", $"**{F(ops.PerCycle)}** (idle app: {F(ops.IdlePerSecond)}/s)");
        if (r.Timers is { } t)
            Row("timer lateness (fired − due), ms", $"p50 **{F(t.LatenessMs.P50, 0)}**, p95 {F(t.LatenessMs.P95, 0)}, max {F(t.LatenessMs.Max, 0)} ({t.Fired}/{t.Orders} fired)");
        if (r.ColdStart is { } c)
            Row("cold start → first request served, median ms", $"**{F(c.MedianFirstServedMs, 0)}** (first order placed: {F(c.MedianFirstPlacedMs, 0)})");
        Line();

        if (r.Levels.Count > 0)
        {
            Line("## Full cycles (place → dispatch → accept → complete with photo → confirm, + GET order + list)");
            Line();
            Head("concurrency", "cycles", "failed", "HTTP s", "notifications left", "drain s", "cycles/s HTTP (1st half → 2nd half)", "cycles/s full",
                "cycle p50 / p95 ms", "CPU % of a core: Azurite / app / bench / others", "emptied by the bench");
            foreach (var l in r.Levels)
                Row($"{l.Concurrency}", $"{l.Cycles}", $"{l.Failed}", F(l.HttpSeconds), $"{l.NotificationsLeft}", F(l.DrainSeconds),
                    $"{F(l.HttpCyclesPerSecond)} ({F(l.HalfRates.First)} → {F(l.HalfRates.Second)})", F(l.CyclesPerSecond),
                    $"{F(l.Cycle.P50, 0)} / {F(l.Cycle.P95, 0)}", Cpu(l.Cpu), string.Join(", ", l.Emptied.Select(kv => $"{kv.Key} {kv.Value}")));
            Line();
            Line("### HTTP step latency, ms: p50 / p95 / p99 (share of the mean cycle)");
            Line();
            Head(["step", .. r.Levels.Select(l => $"concurrency {l.Concurrency}")]);
            foreach (var step in Latencies.Steps)
                Row([step, .. r.Levels.Select(l => l.Steps.TryGetValue(step, out var s)
                    ? $"{F(s.P50)} / {F(s.P95)} / {F(s.P99)} ({F(100 * s.Mean / Math.Max(1e-9, l.Steps.Values.Sum(x => x.Mean)), 0)} %)" : "–")]);
            Line();
            Line($"The app wrote {Join(r.Levels.Select(l => l.AppLogLinesPerCycle), 1, " / ")} console log lines per cycle "
                + $"(levels {string.Join(" / ", r.Levels.Select(l => l.Concurrency))}).");
            foreach (var l in r.Levels.Where(l => l.Errors.Count > 0))
                Line($"\nErrors at concurrency {l.Concurrency}: " + string.Join("; ", l.Errors.Select(e => $"`{e}`")));
            Line();
        }
        if (r.StorageRequests is { } o)
        {
            Line($"## Storage requests per cycle (counted by a relay in front of Azurite, {o.Cycles} cycles one at a time, {F(o.Seconds)} s)");
            Line();
            Head("request", "per cycle", "idle app, per second");
            foreach (var kind in o.PerCycleByKind.Keys.Union(o.IdleByKind.Keys))
                Row(kind, F(o.PerCycleByKind.GetValueOrDefault(kind)), F(o.IdleByKind.GetValueOrDefault(kind)));
            Row("**total**", $"**{F(o.PerCycle)}**", $"**{F(o.IdlePerSecond)}**");
            Line();
        }
        if (r.Timers is { } tm)
        {
            var ms = tm.LatenessMs;
            Line($"## Timer lateness (Sla:AcceptWithin = {F(tm.AcceptWithinSeconds, 0)} s; {tm.Orders} orders dispatched, never accepted)");
            Line();
            Line($"withdrawn entry − dueAt, ms: p50 {F(ms.P50, 0)} · p95 {F(ms.P95, 0)} · p99 {F(ms.P99, 0)} · max {F(ms.Max, 0)} · mean {F(ms.Mean, 0)}; "
                + $"{tm.Fired} of {tm.Orders} withdrawn.");
            Line();
        }
        if (r.ColdStart is { } cs)
        {
            Line("## Cold start (process launch → …), ms");
            Line();
            Line($"first request served (/api/health): {Join(cs.FirstServedMs)} — median {F(cs.MedianFirstServedMs, 0)}");
            Line($"first order placed (201 received): {Join(cs.FirstPlacedMs)} — median {F(cs.MedianFirstPlacedMs, 0)}; that first POST alone: {Join(cs.FirstPlaceLatencyMs)}");
            Line();
        }
        foreach (var (name, run) in new[] { ("before", r.RawBefore), ("after", r.RawAfter) })
            if (run is not null)
                Line($"Raw Azurite ({name} the cycles): {run.Transactions} transactions in {F(run.Seconds)} s at concurrency {run.Concurrency} = "
                    + $"{F(run.PerSecond, 0)}/s; latency ms p50 {F(run.LatencyMs.P50)} · p99 {F(run.LatencyMs.P99)}; CPU {Cpu(run.Cpu)}.\n");
        if (r.Notes.Count > 0)
        {
            Line("## Notes");
            Line();
            foreach (var n in r.Notes) Line($"- {n}");
        }
        return md.ToString();
    }

    /// <summary>What limited the level, read from the CPU shares (Azurite runs JavaScript on one thread).</summary>
    public static string Bottleneck(CpuShare c) =>
        c.Processes.GetValueOrDefault("azurite") >= 85 ? "Azurite's one JS thread is saturated"
        : c.Machine >= 90 * c.Cores ? $"the {c.Cores} cores are saturated (other work on the machine: {F(c.Others, 0)} % of a core)"
        : "nothing saturated: the time is waiting (round trips in series)";

    private static string Cpu(CpuShare c) =>
        string.Join(" / ", new[] { "azurite", "app", "bench" }.Select(p => F(c.Processes.GetValueOrDefault(p, double.NaN), 0)).Append(F(c.Others, 0)));

    private static string Join(IEnumerable<double?> values, int decimals = 0, string separator = ", ") =>
        string.Join(separator, values.Select(v => F(v, decimals)));

    private static string Join(IEnumerable<double> values) => Join(values.Select(v => (double?)v));

    private static string F(double? value, int decimals = 2) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "–";
}
