using System.Diagnostics;
using System.Globalization;
using Gongjian.Understanding;

namespace Gongjian.Bench.Understanding;

/// <summary>
/// Construction = what a cold process pays before the first wish is read: loading the word list, the
/// traditional -> simplified table and the cues, and training the classifier (OfflineWishUnderstanding.Warm),
/// then reading one wish. Each measurement runs in a fresh child process, as a serverless cold start would.
/// </summary>
internal static class Construction
{
    /// <summary>Wall-clock and CPU milliseconds (all threads, JIT included). On a shared machine the CPU time is the steadier figure.</summary>
    public static (double Wall, double Cpu) MeasureOnce()
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        OfflineWishUnderstanding.Warm();
        _ = new OfflineWishUnderstanding().Understand("樓道燈壞了 电话13805381234", []);
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    public static (double[] Wall, double[] Cpu) InFreshProcesses(int count)
    {
        var self = typeof(Construction).Assembly.Location;
        var times = new double[count];
        var cpus = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Run as this process runs: through `dotnet` for a framework-dependent build, or the published apphost (ReadyToRun).
            var host = Environment.ProcessPath is { } path && !Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.Ordinal) ? path : null;
            var start = host is not null
                ? new ProcessStartInfo(host, ["--construct-once"]) { RedirectStandardOutput = true }
                : new ProcessStartInfo("dotnet", [self, "--construct-once"]) { RedirectStandardOutput = true };
            using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
            var output = child.StandardOutput.ReadToEnd();
            if (!child.WaitForExit(60_000)) { child.Kill(); throw new TimeoutException("construction took over 60 s"); }
            var parts = output.Trim().Split(' ');
            (times[i], cpus[i]) = (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        return (times, cpus);
    }
}
