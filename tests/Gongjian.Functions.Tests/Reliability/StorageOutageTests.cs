using System.Text.RegularExpressions;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>
/// Storage goes away for 30 s in the middle of a load run and comes back (same ports, same data):
/// clients get 503 problems with Retry-After or successes — never a bare 500 or a hang — the queue
/// and timer triggers resume by themselves, and afterwards no order is lost or doubled.
/// </summary>
// One reliability run at a time (see CrashRecoveryTests). Its own Azurite: the shared one must not go down under other tests.
[Collection("Reliability")]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const int Orders = 160;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Storage_down_for_30_seconds_answers_503_with_retry_after_and_loses_or_doubles_nothing()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        AppProcess? host = null;
        try
        {
            var prefix = "o" + Guid.NewGuid().ToString("N")[..12];
            var env = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__Prefix"] = prefix,
                ["Sla__AcceptWithin"] = "00:00:20", ["Host__HostJsonPath"] = EngineRig.FastHostJson(),
                ["Logging__LogLevel__Default"] = "Warning", ["Host__MessageLease"] = "00:00:15",
            };
            var seeded = await AppProcess.RunVerbAsync(env, "seed", "--keys");
            var demoOrders = Regex.Matches(seeded, @"^Order (GJ\S+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            string Key(string role, string scope) => Regex.Match(seeded, $@"^\s*{role}\s+{scope}\s+(gjk_\S+)", RegexOptions.Multiline).Groups[1].Value;
            host = await AppProcess.StartAsync(env);
            var address = host.BaseAddress;
            // The request timeout is the hang guard: far above the app's own give-up time (3 tries of at most 10 s).
            var driver = new CycleDriver(() => address, Key("dispatcher", "dongqili"), Key("liaison", "baosheng-property"),
                idempotent: true, requestTimeout: TimeSpan.FromSeconds(90));

            var run = driver.RunAsync(Orders, concurrency: 8, limit: TimeSpan.FromMinutes(15));
            // The outage starts once the run is well under way, whatever the machine's speed.
            while (driver.Orders.Count < Orders / 4 && !run.IsCompleted) await Task.Delay(100);
            if (run.IsCompleted) await run; // a failed run shows its own exception
            Assert.False(run.IsCompleted, "the run ended before the outage began");
            var before = driver.StorageUnavailable;
            azurite.Stop();
            await Task.Delay(Outage);
            var answeredDuringOutage = driver.StorageUnavailable - before;
            await azurite.RestartAsync();
            await run;
            output.WriteLine($"{driver.Orders.Count} orders, {driver.Retries} retried requests, {answeredDuringOutage} × 503 during the outage, {driver.Redispatches.Count} re-dispatched; statuses: " +
                string.Join(", ", driver.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
            foreach (var (reason, n) in driver.RetryReasons.OrderByDescending(r => r.Value).Take(8)) output.WriteLine($"  retried {n}× for {reason}");

            // Every answer was a success, an expected refusal the driver understood, or a proper 503; none hung.
            Assert.Empty(driver.BadServerAnswers);
            Assert.Equal(0, driver.Hangs);
            Assert.True(answeredDuringOutage > 0, "no client saw the outage as 503 storage_unavailable");

            // Triggers back off and resume by themselves: timers withdraw the dispatches left alone, SweepOutbox relays leftovers.
            var check = new ConsistencyCheck(azurite, prefix);
            ConsistencyCheck.Snapshot snapshot = null!;
            for (var waited = 0; waited < 300; waited += 3)
            {
                snapshot = await check.ReadAsync();
                var dispatchedLeft = driver.Orders.Where(o => o.Value.Script == Script.LeftDispatched)
                    .Count(o => snapshot.States[o.Key].Status == OrderStatus.Dispatched);
                if (snapshot.OutboxRows == 0 && snapshot.IndexMismatches == 0 && dispatchedLeft == 0) break;
                await Task.Delay(3000);
            }

            Assert.Empty(ConsistencyCheck.ReplayProblems(snapshot));
            Assert.Equal(0, snapshot.OutboxRows);
            Assert.Equal(0, snapshot.IndexMismatches);
            // Nothing doubled: each placement carried an Idempotency-Key, so the stored orders are exactly the acknowledged ones.
            Assert.Equal(driver.Orders.Keys.Concat(demoOrders).Order(), snapshot.States.Keys.Order());
            foreach (var (id, (script, _)) in driver.Orders)
            {
                var state = snapshot.States[id];
                var types = snapshot.Events[id].Select(e => e.GetType().Name).ToList();
                var status = script switch { Script.FullCycle => OrderStatus.Confirmed, Script.Cancelled => OrderStatus.Cancelled, _ => OrderStatus.Declined };
                Assert.True(status == state.Status, $"order {id} ({script}) is {state.Status}: {string.Join(", ", types)}");
                // Every step exactly once, in order (a dispatch the accept deadline withdrew during the outage was dispatched again).
                Assert.Equal(driver.ExpectedEvents(id, script), types.Where(t => t != nameof(OrderEscalated)));
            }
            // No message gave up: a storage failure must not spend a message's tries into a poison queue.
            var storage = new StorageClients(new StorageSettings { ConnectionString = azurite.ConnectionString },
                Options.Create(new StorageOptions { Prefix = prefix }));
            foreach (var queue in QueueNames.All)
            {
                var poison = storage.Queue(QueueNames.Poison(queue));
                var count = await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
                Assert.True(count == 0, $"{count} messages in {poison.Name}");
            }
        }
        finally
        {
            if (host is not null)
            {
                output.WriteLine(string.Join('\n', host.Output.Split('\n').Where(l => l.Contains("fail:")).Take(20)));
                await host.DisposeAsync();
            }
            await azurite.DisposeAsync();
        }
    }
}
