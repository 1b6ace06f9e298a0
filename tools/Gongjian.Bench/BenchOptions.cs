using System.Globalization;

namespace Gongjian.Bench;

/// <summary>
/// Options of <c>bench</c>. Every phase is bounded in count and in time, and the whole run by
/// <see cref="Deadline"/>, so the command always stops by itself.
/// </summary>
public sealed record BenchOptions
{
    /// <summary>Concurrent cycle runners per measured level.</summary>
    public IReadOnlyList<int> Levels { get; init; } = [1, 4, 16];
    /// <summary>At most this many cycles per level…</summary>
    public int Cycles { get; init; } = 200;
    /// <summary>…and at most this long per level (whichever comes first).</summary>
    public TimeSpan Seconds { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Markdown report path; the JSON goes next to it (.json).</summary>
    public string? Out { get; init; }
    public int TimerOrders { get; init; } = 30;
    public int ColdStarts { get; init; } = 3;
    public int CountedCycles { get; init; } = 20;
    public TimeSpan RawSeconds { get; init; } = TimeSpan.FromSeconds(5);
    public int RawConcurrency { get; init; } = 8;
    /// <summary>Leave notifications and order-timers to pile up (shows Azurite's queue-depth slowdown).</summary>
    public bool KeepQueues { get; init; }
    /// <summary>The Azurite node process, for its CPU share (scripts/bench passes it; else AZURITE_PID).</summary>
    public int? AzuritePid { get; init; }
    /// <summary>The app under test, <c>…/Gongjian.Functions.dll</c> (scripts/bench sets GONGJIAN_BENCH_APP to its Release build).</summary>
    public string? App { get; init; }
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(20);
    /// <summary>Extra environment for every app process the bench starts (e.g. a log level), from <c>--app-env KEY=VALUE</c>.</summary>
    public IReadOnlyList<(string Key, string Value)> AppEnvironment { get; init; } = [];

    public const string Usage =
        "bench [--levels 1,4,16] [--cycles N] [--seconds S] [--out FILE.md] [--timer-orders N] [--cold-starts N] " +
        "[--counted-cycles N] [--raw-seconds S] [--keep-queues] [--azurite-pid PID] [--app-env KEY=VALUE]… [--app PATH/Gongjian.Functions.dll]";

    public static BenchOptions Parse(IReadOnlyList<string> args, string? azuritePidVariable, string? appVariable = null)
    {
        var o = new BenchOptions
        {
            AzuritePid = int.TryParse(azuritePidVariable, out var envPid) ? envPid : null,
            App = string.IsNullOrEmpty(appVariable) ? null : appVariable,
        };
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int Count(int min, int max) => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n : throw new ArgumentException($"{args[i - 1]} must be a whole number from {min} to {max}.");
            o = args[i] switch
            {
                "--levels" => o with { Levels = ParseLevels(Next()) },
                "--cycles" => o with { Cycles = Count(1, 100_000) },
                "--seconds" => o with { Seconds = TimeSpan.FromSeconds(Count(1, 600)) },
                "--out" => o with { Out = Next() },
                "--timer-orders" => o with { TimerOrders = Count(0, 1000) },
                "--cold-starts" => o with { ColdStarts = Count(0, 20) },
                "--counted-cycles" => o with { CountedCycles = Count(0, 1000) },
                "--raw-seconds" => o with { RawSeconds = TimeSpan.FromSeconds(Count(1, 120)) },
                "--keep-queues" => o with { KeepQueues = true },
                "--azurite-pid" => o with { AzuritePid = Count(1, int.MaxValue) },
                "--app" => o with { App = Next() },
                "--app-env" => Next().Split('=', 2) is [{ Length: > 0 } key, var value]
                    ? o with { AppEnvironment = [.. o.AppEnvironment, (key, value)] }
                    : throw new ArgumentException("--app-env takes KEY=VALUE, e.g. Logging__LogLevel__Default=Warning."),
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}"),
            };
        }
        return o;
    }

    private static int[] ParseLevels(string text)
    {
        var levels = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 256
                ? n : throw new ArgumentException($"--levels takes concurrency levels from 1 to 256, e.g. 1,4,16 (was '{text}')."))
            .ToArray();
        return levels.Length > 0 ? levels : throw new ArgumentException("--levels needs at least one level.");
    }
}
