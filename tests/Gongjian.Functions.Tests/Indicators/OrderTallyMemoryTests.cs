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
/// The tally store writes an episode and its unit-month's tally in one transaction, and remembers each unit-month it
/// wrote (episodes and ETags) so the next one needs no read. On Azurite, with stores standing for separate hosts: a month
/// another host wrote since is read again, the remembered recompute equals a queried one, a transaction whose tally write
/// fails stores no episode either, and a repeated or late relay writes nothing. A year read answers from memory while the
/// street-year's stamp row is unchanged: every transaction of the store merges it, and a write outside the store must touch it.
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
        await Host().RecomputeAsync(_street, "baosheng-property", "宝盛置业", EvaluationPeriod.MonthOf(July), CancellationToken.None);
        Assert.Equal(Json(remembered), Json(await TallyAsync()));
    }

    [Fact]
    public async Task A_transaction_whose_tally_write_fails_stores_no_episode_and_the_retry_counts_it()
    {
        // What replaced "a relay that died between the episode row and the tally": the two are one transaction. Host A
        // remembers July's tally ETag; the tally row then goes (a rebuild deleting the projection), so A's If-Match on the
        // tally fails (404) inside the transaction that also inserts the new episode.
        var a = Host();
        await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);
        var tallies = _app.Storage.Table(TableNames.OrderTallies);
        var partition = OrderTallyStore.TallyPartition(_street, 2026);
        await tallies.DeleteEntityAsync(partition, "baosheng-property_07");

        // Had the episode been stored alone, the retry would find it at its version and write no tally at all.
        Assert.True(await a.ProjectAsync(Episode("GJ260705-DDDDDD", 5, 2), rebuild: false, CancellationToken.None));
        Assert.Equal(2, (await TallyAsync()).Received);
        var episodes = await tallies.QueryAsync<TableEntity>(r => r.PartitionKey == partition && r.RowKey.CompareTo("~") >= 0 && r.RowKey != OrderTallyStore.Stamp).ToListAsync();
        Assert.Equal([$"~baosheng-property_07_GJ260701-AAAAAA_{July.AddDays(1).UtcTicks}", $"~baosheng-property_07_GJ260705-DDDDDD_{July.AddDays(5).UtcTicks}"],
            episodes.Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_repeated_or_late_relay_on_another_host_writes_nothing_and_the_episode_counts_once()
    {
        var (a, b) = (Host(), Host());
        var dispatched = Episode("GJ260701-AAAAAA", 1, 2);
        Assert.True(await a.ProjectAsync(dispatched, rebuild: false, CancellationToken.None));
        // The sweeper repeats the relay on another host: the row holds this version, and the tally written with it counts it.
        Assert.False(await b.ProjectAsync(dispatched, rebuild: false, CancellationToken.None));
        Assert.Equal(1, (await TallyAsync()).Received);

        // Accepted on host A; then host B, which remembers the month at version 2, relays the dispatch late: nothing goes back.
        Assert.True(await a.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 3, accepted: true), rebuild: false, CancellationToken.None));
        Assert.False(await b.ProjectAsync(dispatched, rebuild: false, CancellationToken.None));
        Assert.False(await Host().ProjectAsync(dispatched, rebuild: false, CancellationToken.None));
        var tally = await TallyAsync();
        Assert.Equal((1, 1), (tally.Received, tally.Accepted));

        // Host B's stale memory of the month does not stop its next episode: it reads the month again and counts all.
        Assert.True(await b.ProjectAsync(Episode("GJ260702-BBBBBB", 2, 2), rebuild: false, CancellationToken.None));
        tally = await TallyAsync();
        Assert.Equal((2, 1), (tally.Received, tally.Accepted));
    }

    [Fact]
    public async Task An_order_sent_back_and_dispatched_to_the_same_unit_again_in_the_month_is_two_episodes_both_counted()
    {
        // Dispatched on the 1st, withdrawn (超时未接单), dispatched to the same unit again on the 2nd and accepted: as
        // DispatchEpisodes.From folds it, two episodes; the first must not be overwritten by the second.
        var first = Episode("GJ260701-AAAAAA", 1, 2);
        var withdrawn = first with { WithdrawnAt = first.DispatchedAt.AddHours(4), Version = 3 };
        var again = Episode("GJ260701-AAAAAA", 2, 5, accepted: true);
        var a = Host();
        foreach (var e in new[] { first, withdrawn, again }) Assert.True(await a.ProjectAsync(e, rebuild: false, CancellationToken.None));
        var tally = await TallyAsync();
        Assert.Equal((2, 1, 1), (tally.Received, tally.Withdrawn, tally.Accepted));
        Assert.Equal(2, (await Host().ReadEpisodesAsync(_street, "baosheng-property", 2026, CancellationToken.None)).Count);
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

        // August's row deleted (a rebuild of a street that lost its orders): gone from the next read too — a write outside
        // the store touches the stamp, as the store's own transactions do.
        await tallies.DeleteEntityAsync(OrderTallyStore.TallyPartition(_street, 2026), "baosheng-property_08");
        await tallies.UpsertEntityAsync(OrderTallyStore.StampRow(partition), TableUpdateMode.Merge);
        Assert.Equal([7], (await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Select(r => r.Month));
    }

    [Fact]
    public async Task A_year_read_after_a_relay_on_another_host_sees_the_new_count_through_the_changed_stamp()
    {
        var (reader, writer) = (Host(), Host());
        await writer.ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);
        var tallies = _app.Storage.Table(TableNames.OrderTallies);
        var partition = OrderTallyStore.TallyPartition(_street, 2026);
        var stamp = (await tallies.GetEntityAsync<TableEntity>(partition, OrderTallyStore.Stamp)).Value.ETag;
        Assert.Equal(1, Assert.Single(await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Tally.Received);

        // Another host relays a dispatch of the same street-year: its transaction merges the stamp with the episode and tally.
        await writer.ProjectAsync(Episode("GJ260702-BBBBBB", 2, 2), rebuild: false, CancellationToken.None);
        Assert.NotEqual(stamp, (await tallies.GetEntityAsync<TableEntity>(partition, OrderTallyStore.Stamp)).Value.ETag);
        Assert.Equal(2, Assert.Single(await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Tally.Received);
    }

    [Fact]
    public async Task A_year_read_again_with_the_stamp_unchanged_answers_from_memory_even_if_a_row_changed_without_touching_it()
    {
        // The contract: the stamp's ETag is the only thing a repeated year read asks the table. A write that bypasses the
        // store and leaves the stamp alone (here: a tally row deleted by hand) is not seen by a process that read the year
        // before — which is how this test observes that the second read came from memory, without timing it.
        var reader = Host();
        await Host().ProjectAsync(Episode("GJ260701-AAAAAA", 1, 2), rebuild: false, CancellationToken.None);
        Assert.Equal([7], (await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Select(r => r.Month));

        var tallies = _app.Storage.Table(TableNames.OrderTallies);
        var partition = OrderTallyStore.TallyPartition(_street, 2026);
        await tallies.DeleteEntityAsync(partition, "baosheng-property_07");
        Assert.Equal(1, Assert.Single(await reader.ReadYearAsync(_street, 2026, CancellationToken.None)).Tally.Received);
        Assert.Empty(await Host().ReadYearAsync(_street, 2026, CancellationToken.None)); // a process without the memory queries

        // Touching the stamp, as every write outside the store must, makes the reader query again.
        await tallies.UpsertEntityAsync(OrderTallyStore.StampRow(partition), TableUpdateMode.Merge);
        Assert.Empty(await reader.ReadYearAsync(_street, 2026, CancellationToken.None));
    }
}
