using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Bench;

/// <summary>Everything one bench run measured; a phase that failed or was not run is null and explained in <see cref="Notes"/>.</summary>
public sealed class BenchResult
{
    public required DateTimeOffset StartedAt { get; init; }
    public required string CommandLine { get; init; }
    public int Cores { get; init; } = Environment.ProcessorCount;
    public string Runtime { get; init; } = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
    public double LoadAverageAtStart { get; init; } = LoadAverage();
    public double LoadAverageAtEnd { get; set; }
    public double DurationSeconds { get; set; }
    public IReadOnlyList<string> QueuesEmptied { get; init; } = [];
    public RawResult? RawBefore { get; set; }
    public RawResult? RawAfter { get; set; }
    public List<LevelResult> Levels { get; } = [];
    public OpsResult? StorageRequests { get; set; }
    public TimerResult? Timers { get; set; }
    public ColdStartResult? ColdStart { get; set; }
    public List<string> Notes { get; } = [];

    /// <summary>The yardstick: raw 3-row transactions per second (mean of the runs before and after the cycles).</summary>
    public double? RawPerSecond =>
        new[] { RawBefore?.PerSecond, RawAfter?.PerSecond }.OfType<double>().ToArray() is { Length: > 0 } r ? Math.Round(r.Average(), 1) : null;

    /// <summary>Azurite CPU per raw transaction, ms: mean of both raw runs.</summary>
    public double? RawAzuriteCpuMs =>
        new[] { RawBefore?.AzuriteCpuMsPerTransaction, RawAfter?.AzuriteCpuMsPerTransaction }.OfType<double>().ToArray() is { Length: > 0 } c ? Math.Round(c.Average(), 3) : null;

    /// <summary>Per level (in the order of <see cref="Levels"/>): full cycles per second ÷ raw transactions per second.</summary>
    public IReadOnlyList<double> Ratio => RawPerSecond is { } raw and > 0 ? Levels.Select(l => Math.Round(l.CyclesPerSecond / raw, 4)).ToList() : [];

    public static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return -1; }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchResult))]
public sealed partial class BenchJson : JsonSerializerContext;
