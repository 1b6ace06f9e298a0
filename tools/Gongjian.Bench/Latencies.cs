namespace Gongjian.Bench;

/// <summary>Percentiles of one series of durations, in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return new(0, 0, 0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, Math.Round(sorted.Average(), 1), Math.Round(Rank(0.50), 1), Math.Round(Rank(0.95), 1),
            Math.Round(Rank(0.99), 1), Math.Round(sorted[^1], 1));
    }
}

/// <summary>Durations recorded by name (one series per HTTP step), safe to use from many runners.</summary>
public sealed class Latencies
{
    /// <summary>The HTTP steps of a cycle, in the order they run.</summary>
    public static readonly string[] Steps = ["place", "dispatch", "accept", "complete", "confirm", "get", "list"];

    private readonly Dictionary<string, List<double>> _series = [];

    public void Add(string name, TimeSpan elapsed)
    {
        lock (_series)
        {
            if (!_series.TryGetValue(name, out var list)) _series[name] = list = [];
            list.Add(elapsed.TotalMilliseconds);
        }
    }

    public Dictionary<string, LatencySummary> Summaries()
    {
        lock (_series)
            return _series.OrderBy(kv => Array.IndexOf(Steps, kv.Key) is var i && i < 0 ? int.MaxValue : i)
                .ToDictionary(kv => kv.Key, kv => LatencySummary.Of(kv.Value));
    }
}
