using System.Text.RegularExpressions;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>
/// Two host processes on one storage account, both running the queue and timer functions and
/// taking requests in turn: the same guarantees as one host, and no notification twice.
/// </summary>
// One reliability run at a time: each drives its own app processes hard, and two at once on a
// 2-core machine stretched both from ≈ 2.5 min to ≈ 10 min.
[Collection("Reliability")]
public sealed class TwoHostsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hosts_competing_for_the_same_queues_keep_every_order_consistent()
    {
        var prefix = "h" + Guid.NewGuid().ToString("N")[..12];
        await using var webhook = await FakeWebhook.StartAsync();
        var env = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__Prefix"] = prefix,
            ["Sla__AcceptWithin"] = "00:00:15", ["Host__HostJsonPath"] = EngineRig.FastHostJson(),
            ["Logging__LogLevel__Default"] = "Warning", ["Bot__UnitWebhooks__baosheng-property"] = webhook.Url,
        };
        var seeded = await AppProcess.RunVerbAsync(env, "seed", "--keys");
        string Key(string role, string scope) => Regex.Match(seeded, $@"^\s*{role}\s+{scope}\s+(gjk_\S+)", RegexOptions.Multiline).Groups[1].Value;
        await using var a = await AppProcess.StartAsync(env);
        await using var b = await AppProcess.StartAsync(env);
        var turn = 0;
        var driver = new CycleDriver(() => Interlocked.Increment(ref turn) % 2 == 0 ? a.BaseAddress : b.BaseAddress,
            Key("dispatcher", "dongqili"), Key("liaison", "baosheng-property"));

        // The limit only stops a hung run; it is no speed goal (a loaded 2-core machine needs ~3 min).
        await driver.RunAsync(200, concurrency: 8, limit: TimeSpan.FromMinutes(15));

        var check = new ConsistencyCheck(azurite, prefix);
        ConsistencyCheck.Snapshot snapshot = null!;
        for (var waited = 0; waited < 120; waited += 3)
        {
            snapshot = await check.ReadAsync();
            var waiting = driver.Orders.Count(o => o.Value.Script == Script.LeftDispatched && snapshot.States[o.Key].Status == OrderStatus.Dispatched);
            if (snapshot.OutboxRows == 0 && snapshot.IndexMismatches == 0 && waiting == 0) break;
            await Task.Delay(3000);
        }
        output.WriteLine($"{driver.Orders.Count} orders over two hosts, {driver.Retries} retried requests");
        Assert.Empty(ConsistencyCheck.ReplayProblems(snapshot));
        Assert.Equal(0, snapshot.OutboxRows);
        Assert.Equal(0, snapshot.IndexMismatches);
        foreach (var (id, (script, _)) in driver.Orders)
        {
            var withdrawals = snapshot.Events[id].OfType<DispatchWithdrawn>().Count();
            Assert.Equal(script == Script.LeftDispatched ? 1 : 0, withdrawals);
            Assert.Single(snapshot.Events[id].OfType<OrderPlaced>());
        }
        // Every order dispatched to 宝盛 reaches its group robot exactly once, whichever host consumed the event.
        var dispatched = driver.Orders.Count(o => o.Value.Script != Script.Cancelled);
        for (var waited = 0; waited < 60 && webhook.Messages.Count(m => m.Contains("【新工单】")) < dispatched; waited++) await Task.Delay(1000);
        var messages = webhook.Messages.ToList();
        Assert.Equal(dispatched, messages.Count(m => m.Contains("【新工单】")));
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }
}
