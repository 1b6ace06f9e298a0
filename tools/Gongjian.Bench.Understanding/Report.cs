using System.Globalization;
using System.Text;

namespace Gongjian.Bench.Understanding;

internal static class Report
{
    public static string Markdown((double[] Wall, double[] Cpu) construction, (double[] Micros, int Wishes) latency, int cores)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Offline understanding ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {cores} cores)");
        sb.AppendLine();
        sb.AppendLine("| figure | p50 | p95 | p99 | max | n |");
        sb.AppendLine("|---|---|---|---|---|---|");
        sb.AppendLine(Row("construction, fresh process, wall clock (ms)", construction.Wall, "F1"));
        sb.AppendLine(Row("construction, fresh process, CPU of all threads (ms)", construction.Cpu, "F1"));
        sb.AppendLine(Row($"one wish, warm (µs; {latency.Wishes} labelled wishes)", latency.Micros, "F0"));
        return sb.ToString();
    }

    private static string Row(string name, double[] values, string format)
    {
        var sorted = values.Order().ToArray();
        string P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)].ToString(format, CultureInfo.InvariantCulture);
        return $"| {name} | {P(0.50)} | {P(0.95)} | {P(0.99)} | {sorted[^1].ToString(format, CultureInfo.InvariantCulture)} | {sorted.Length} |";
    }
}
