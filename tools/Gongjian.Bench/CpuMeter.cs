using System.Diagnostics;

namespace Gongjian.Bench;

/// <summary>CPU used during a phase, in % of one core (this machine has <see cref="Cores"/>): per process, and the whole machine.</summary>
public sealed record CpuShare(double Seconds, Dictionary<string, double> Processes, double Machine, double Others)
{
    public int Cores => Environment.ProcessorCount;
}

/// <summary>
/// Samples CPU time of the processes in a phase (Azurite's node process, the app, this bench) from
/// /proc, and the machine's busy time from /proc/stat, so that the load of anything else running
/// on the machine shows up as "others".
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int?> processes)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _start = Times(processes);
    private readonly (long Busy, long Total) _machine = Machine();

    public CpuShare Stop()
    {
        var seconds = _wall.Elapsed.TotalSeconds;
        var end = Times(processes);
        var machine = Machine();
        var shares = end.Where(kv => _start.ContainsKey(kv.Key))
            .ToDictionary(kv => kv.Key, kv => Math.Round(100 * (kv.Value - _start[kv.Key]).TotalSeconds / seconds, 1));
        var total = machine.Total - _machine.Total;
        var machinePercent = total <= 0 ? 0 : Math.Round(100.0 * Environment.ProcessorCount * (machine.Busy - _machine.Busy) / total, 1);
        return new CpuShare(Math.Round(seconds, 2), shares, machinePercent, Math.Round(Math.Max(0, machinePercent - shares.Values.Sum()), 1));
    }

    private static Dictionary<string, TimeSpan> Times(IReadOnlyDictionary<string, int?> processes)
    {
        var times = new Dictionary<string, TimeSpan>();
        foreach (var (name, pid) in processes)
        {
            if (pid is not { } id) continue;
            try
            {
                using var p = id == Environment.ProcessId ? Process.GetCurrentProcess() : Process.GetProcessById(id);
                times[name] = p.TotalProcessorTime;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { } // gone
        }
        return times;
    }

    /// <summary>Busy and total jiffies of all cores (first line of /proc/stat); zeros where there is none.</summary>
    private static (long Busy, long Total) Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total); // idle, iowait
        }
        catch (IOException) { return (0, 0); }
        catch (UnauthorizedAccessException) { return (0, 0); }
    }
}
