using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using System.Text.RegularExpressions;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>
/// The engine's guarantees under crashes: the host is killed with SIGKILL at random moments while
/// 500 orders go through their cycles, and restarted; afterwards every order is consistent.
/// </summary>
// One reliability run at a time: each drives its own app processes hard, and two at once on a
// 2-core machine stretched both from ≈ 2.5 min to ≈ 10 min.
[Collection("Reliability")]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Orders = 500;

    [Fact]
    public async Task Killing_the_host_at_random_points_loses_no_order_and_applies_no_transition_twice()
    {
        var prefix = "k" + Guid.NewGuid().ToString("N")[..12];
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__Prefix"] = prefix,
            ["Sla__AcceptWithin"] = "00:00:20", ["Host__HostJsonPath"] = EngineRig.FastHostJson(),
            ["Logging__LogLevel__Default"] = "Warning", ["Host__MessageLease"] = "00:00:15",
        };
        var seeded = await AppProcess.RunVerbAsync(env, "seed", "--keys");
        string Key(string role, string scope) => Regex.Match(seeded, $@"^\s*{role}\s+{scope}\s+(gjk_\S+)", RegexOptions.Multiline).Groups[1].Value;
        var port = FreePort.Next();
        var host = await AppProcess.StartAsync(env, port);
        var driver = new CycleDriver(() => new Uri($"http://127.0.0.1:{port}"), Key("dispatcher", "dongqili"), Key("liaison", "baosheng-property"));

        var kills = 0;
        using var stopChaos = new CancellationTokenSource();
        var chaos = Task.Run(async () =>
        {
            // Kills follow the run's progress, not the clock: a faster app must not mean fewer crashes.
            var random = new Random(20261122);
            var nextKillAt = Orders / 8;
            while (!stopChaos.IsCancellationRequested)
            {
                await Task.Delay(100);
                if (driver.Orders.Count < nextKillAt) continue;
                await Task.Delay(random.Next(0, 2000)); // at a random point of the work in flight
                if (stopChaos.IsCancellationRequested) break;
                host.KillHard();
                kills++;
                await host.DisposeAsync();
                host = await AppProcess.StartAsync(env, port);
                nextKillAt = driver.Orders.Count + Orders / 8;
            }
        });
        try
        {
            var started = DateTime.UtcNow;
            try
            {
                await driver.RunAsync(Orders, concurrency: 8, limit: TimeSpan.FromMinutes(20));
            }
            finally
            {
                stopChaos.Cancel();
                await chaos;
                output.WriteLine($"{driver.Orders.Count} orders driven in {(DateTime.UtcNow - started).TotalSeconds:F0} s, {kills} kills, {driver.Retries} retried requests");
                foreach (var (reason, n) in driver.RetryReasons.OrderByDescending(r => r.Value).Take(8)) output.WriteLine($"  retried {n}× for {reason}");
            }
            Assert.True(kills >= 5, $"only {kills} kills happened");

            // The sweeper relays what crashes left (rows older than 30 s, every minute); timers fire by themselves.
            var check = new ConsistencyCheck(azurite, prefix);
            ConsistencyCheck.Snapshot snapshot = null!;
            for (var waited = 0; waited < 300; waited += 5)
            {
                snapshot = await check.ReadAsync();
                var dispatchedLeft = driver.Orders.Where(o => o.Value.Script == Script.LeftDispatched)
                    .Count(o => snapshot.States[o.Key].Status == OrderStatus.Dispatched);
                if (snapshot.OutboxRows == 0 && snapshot.IndexMismatches == 0 && dispatchedLeft == 0) break;
                await Task.Delay(5000);
            }
            await host.DisposeAsync();

            Assert.Empty(ConsistencyCheck.ReplayProblems(snapshot));
            Assert.Equal(0, snapshot.OutboxRows);
            Assert.Equal(0, snapshot.IndexMismatches);
            foreach (var (id, (script, _)) in driver.Orders)
            {
                Assert.True(snapshot.States.TryGetValue(id, out var state), $"order {id} was acknowledged but is lost");
                var types = snapshot.Events[id].Select(e => e.GetType().Name).ToList();
                var status = script switch { Script.FullCycle => OrderStatus.Confirmed, Script.Cancelled => OrderStatus.Cancelled, _ => OrderStatus.Declined };
                Assert.True(status == state!.Status, $"order {id} ({script}) is {state.Status}: {string.Join(", ", types)}");
                // Every step exactly once, in order: a retried request never applied twice. Only escalations may be added by timers
                // (and a withdraw/dispatch pair where a crash held the liaison's answer past the accept deadline).
                Assert.Equal(driver.ExpectedEvents(id, script), types.Where(t => t != nameof(OrderEscalated)));
            }
        }
        finally
        {
            // Also when an assertion fails: no host outlives the test.
            await host.DisposeAsync();
        }
    }
}
