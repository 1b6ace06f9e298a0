using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Indicators;

/// <summary>
/// The tally store remembers each unit-month it wrote (episodes and ETag) and recomputes from that memory instead of
/// querying the month. On Azurite, with stores standing for separate hosts: a month another host wrote since is queried
/// again, the remembered recompute equals a queried one, and an episode whose relay died before its recompute is healed
/// when the relay is repeated.
/// </summary>
public sealed class OrderTallyMemoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset July = new(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly string _street = "t" + Guid.NewGuid().ToString("N")[..10];
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Another process: its own memory, the same tables.</summary>
    private OrderTallyStore Host() => new(_app.Storage, _app.Services.GetRequiredService<SlaPolicy>(), TimeProvider.System);

    private DispatchEpisode Episode(string order, int day, int version, bool accepted = false, bool completed = false) => new()
    {
        OrderId = order, StreetId = _street, CommunityId = "dongqili", UnitId = "baosheng-property", UnitName = "宝盛置业", Category = "environment",
        DispatchedAt = July.AddDays(day), AcceptedAt = accepted ? July.AddDays(day).AddHours(1) : null,
        FirstCompletedAt = completed ? July.AddDays(day).AddHours(20) : null, Version = version,
    };

    private async Task<OrderTally> TallyAsync() =>
        Assert.Single(await Host().ReadYearAsync(_street, 2026, CancellationToken.None), r => r.Month == 7).Tally;

    private static string Json(OrderTally t) => JsonSerializer.Serialize(t, IndicatorJson.Web.OrderTally);

    [Fact]
    public async Task A_month_another_host_wrote_since_is_queried_again_and_the_remembered_recompute_equals_a_queried_one()
    {
        var (a, b) = (Host(), Host());
        await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);
        await a.ProjectAsync(Episode("GJ260702-BBBBBB", 2, 2), rebuild: false, CancellationToken.None);
        Assert.Equal(2, (await TallyAsync()).Received);

        // Host B adds an episode to the month; host A's memory of it is now stale (its ETag no longer matches).
        await b.ProjectAsync(Episode("GJ260703-CCCCCC", 3, 2), rebuild: false, CancellationToken.None);
        await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 3, accepted: true), rebuild: false, CancellationToken.None);
        var afterA = await TallyAsync();
        Assert.Equal((3, 1), (afterA.Received, afterA.Accepted));

        // Host A again, now from memory (nobody wrote since): the same tally a fresh query gives.
        await a.ProjectAsync(Episode("GJ260702-BBBBBB", 2, 4, accepted: true, completed: true), rebuild: false, CancellationToken.None);
        var remembered = await TallyAsync();
        Assert.Equal((3, 2, 1), (remembered.Received, remembered.Accepted, remembered.CompleteMillis.Count));
        await Host().RecomputeAsync(_street, "baosheng-property", "宝盛置业", EvaluationPeriod.MonthOf(July), null, CancellationToken.None);
        Assert.Equal(Json(remembered), Json(await TallyAsync()));
    }

    [Fact]
    public async Task An_episode_written_by_a_relay_that_died_before_its_recompute_is_counted_when_the_relay_is_repeated()
    {
        var a = Host();
        await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);

        // The dead relay: its episode row is stored, the month's tally was never recomputed.
        var died = Episode("GJ260705-DDDDDD", 5, 2);
        await _app.Storage.Table(TableNames.OrderEpisodes).AddEntityAsync(new TableEntity(OrderTallyStore.EpisodePartition(died), died.OrderId)
        {
            ["Version"] = died.Version, ["Episode"] = JsonSerializer.Serialize(died, IndicatorJson.Web.DispatchEpisode),
        });
        Assert.Equal(1, (await TallyAsync()).Received);

        // The sweeper repeats the relay (on this host or another): the row is there already, the month is recomputed anyway.
        Assert.False(await Host().ProjectAsync(died, rebuild: false, CancellationToken.None));
        Assert.Equal(2, (await TallyAsync()).Received);

        // Host A's memory of the month is stale now; its next episode still counts both.
        await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 3, accepted: true), rebuild: false, CancellationToken.None);
        Assert.Equal((2, 1), ((await TallyAsync()).Received, (await TallyAsync()).Accepted));
    }

    [Fact]
    public async Task A_year_read_again_sees_what_other_hosts_wrote_since_and_forgets_deleted_months()
    {
        var (reader, writer) = (Host(), Host());
        await writer.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);
        await writer.ProjectAsync(Episode("GJ260801-BBBBBB", 31, 2), rebuild: false, CancellationToken.None); // August
        Assert.Equal([1, 1], (await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).OrderBy(r => r.Month).Select(r => r.Tally.Received));

        // Another host changes July (the reader keeps the year it read; only July's ETag differs now).
        await writer.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 3, accepted: true), rebuild: false, CancellationToken.None);
        await writer.ProjectAsync(Episode("GJ260702-CCCCCC", 2, 2), rebuild: false, CancellationToken.None);
        var again = (await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).OrderBy(r => r.Month).ToList();
        Assert.Equal([(7, 2, 1), (8, 1, 0)], again.Select(r => (r.Month, r.Tally.Received, r.Tally.Accepted)));
        Assert.Equal(Json(again[0].Tally), Json((await Host().ReadYearAsync(_street, 2026, CancellationToken.None)).Single(r => r.Month == 7).Tally));

        // What the reread relies on: the keys-only query answers each row's real ETag.
        var tallies = _app.Storage.Table(TableNames.OrderTallies);
        var partition = OrderTallyStore.TallyPartition(_street, 2026);
        var light = await tallies.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["RowKey"]).ToListAsync();
        var full = await tallies.QueryAsync<TableEntity>(x => x.PartitionKey == partition).ToListAsync();
        Assert.Equal(full.Select(r => (r.RowKey, r.ETag)), light.Select(r => (r.RowKey, r.ETag)));
        Assert.All(light, r => Assert.NotEqual(default, r.ETag));

        // August's row deleted (a rebuild of a street that lost its orders): gone from the next read too.
        await tallies.DeleteEntityAsync(OrderTallyStore.TallyPartition(_street, 2026), "baosheng-property_08");
        Assert.Equal([7], (await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Select(r => r.Month));
    }
}
