using System.Diagnostics;
using Azure.Data.Tables;

namespace Gongjian.Bench;

/// <summary>The raw engine: 3-row entity-group transactions per second straight to Azurite, with their latency.</summary>
public sealed record RawResult(int Concurrency, double Seconds, int Transactions, double PerSecond, LatencySummary LatencyMs, CpuShare Cpu)
{
    /// <summary>Azurite's CPU time per raw transaction, ms (null without its pid).</summary>
    public double? AzuriteCpuMsPerTransaction =>
        Transactions > 0 && Cpu.Processes.TryGetValue("azurite", out var p) ? Math.Round(p * Cpu.Seconds * 10 / Transactions, 3) : null;
}

/// <summary>
/// Measures what Azurite itself does: <c>concurrency</c> loops each committing 3-row batches (1 KB a
/// row) in a new partition with distinct RowKeys (Azurite slows when RowKeys repeat), with
/// Azure.Data.Tables from this process, for a fixed time after an 8 s warm-up. The yardstick for the cycle rate.
/// </summary>
public static class RawTransactions
{
    private static readonly string Payload = new('x', 1024);

    public static async Task<RawResult> RunAsync(string connectionString, string tableName, int concurrency, TimeSpan duration,
        IReadOnlyDictionary<string, int?> processes, CancellationToken ct)
    {
        // Warm-up (JIT in both processes) in a table of its own; both tables are deleted afterwards, because
        // Azurite's disk mode saves all its data every 5 s and that gets slower with every row it holds.
        var warmUp = new TableClient(connectionString, tableName + "w");
        var table = new TableClient(connectionString, tableName);
        await warmUp.CreateIfNotExistsAsync(ct);
        await table.CreateIfNotExistsAsync(ct);
        await CommitForAsync(warmUp, "w", concurrency, TimeSpan.FromSeconds(8), new Latencies(), ct);
        await warmUp.DeleteAsync(ct);
        var latencies = new Latencies();
        var cpu = new CpuMeter(processes);
        var clock = Stopwatch.StartNew();
        var count = await CommitForAsync(table, "m", concurrency, duration, latencies, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var share = cpu.Stop();
        await table.DeleteAsync(ct);
        return new RawResult(concurrency, Math.Round(seconds, 2), count, Math.Round(count / seconds, 1),
            latencies.Summaries().GetValueOrDefault("tx") ?? LatencySummary.Of([]), share);
    }

    private static async Task<int> CommitForAsync(TableClient table, string run, int concurrency, TimeSpan duration, Latencies latencies, CancellationToken ct)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var partition = $"{run}{worker}-{n}";
                var batch = Enumerable.Range(0, 3).Select(i =>
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{partition}-r{i}") { ["Data"] = Payload }));
                var one = Stopwatch.StartNew();
                await table.SubmitTransactionAsync(batch, ct);
                latencies.Add("tx", one.Elapsed);
                Interlocked.Increment(ref count);
            }
        }, ct)));
        return count;
    }
}
