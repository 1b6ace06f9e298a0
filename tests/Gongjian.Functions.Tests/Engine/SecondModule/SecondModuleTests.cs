using Gongjian.Engine;

namespace Gongjian.Functions.Tests.Engine.SecondModule;

/// <summary>
/// The engine serves a module other than orders (issue 9): the 微心愿 module of <see cref="WishModule"/>
/// runs on the same store, outbox, relay, sweeper, lists, timers, event fan-out and message ids, on
/// real Azurite, with none of that code in the module.
/// </summary>
public sealed class SecondModuleTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string NewId() => "wish-" + Guid.NewGuid().ToString("N")[..8];

    private static PostWish Post(string id) => new("resident", id, "dongqili", "想给楼里独居的王奶奶买一台收音机");

    [Fact]
    public async Task A_wish_is_stored_as_events_listed_where_it_belongs_and_told_to_its_notifier()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.FromDays(3));
        var id = NewId();

        await rig.Store.ExecuteAsync(id, Post(id), None);
        await rig.Store.ExecuteAsync(id, new ClaimWish("key-baosheng", "baosheng-property"), None);
        var done = await rig.Store.ExecuteAsync(id, new FulfilWish("baosheng-property"), None);

        Assert.Equal((WishStatus.Fulfilled, 3), (done.State.Status, done.State.Version));
        Assert.Equal(["event-000001", "event-000002", "event-000003", $"state-{id}"], (await rig.RowKeysAsync(id)).Order(StringComparer.Ordinal));
        var history = (await rig.Store.LoadWithHistoryAsync(id, None))!;
        Assert.Equal(done.State, rig.Module.Replay(history.Events));
        Assert.Equal(["WishPosted", "WishClaimed", "WishFulfilled"], history.Events.Select(e => rig.Module.Audit(e).What));

        var rows = await rig.ListRowsAsync(id);
        Assert.Equal(("Fulfilled", 3, false), rows["c-dongqili"]);
        Assert.Equal(("Fulfilled", 3, false), rows["u-baosheng-property"]);

        Assert.Equal(["WishPosted", "WishClaimed", "WishFulfilled"], rig.Notifier.Told.Select(t => t.Type));
        Assert.Equal(("Claimed", "baosheng-property"), rig.Notifier.Told.Where(t => t.Type == "WishClaimed").Select(t => (t.Status, t.UnitId)).Single());
    }

    [Fact]
    public async Task A_command_retried_with_its_message_id_answers_once_and_another_id_is_refused()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.FromDays(3));
        var id = NewId();
        await rig.Store.ExecuteAsync(id, Post(id), None);

        var first = await rig.Store.ExecuteAsync(id, new ClaimWish("key-baosheng", "baosheng-property"), None, messageId: "activity-17");
        var retry = await rig.Store.ExecuteAsync(id, new ClaimWish("key-baosheng", "baosheng-property"), None, messageId: "activity-17");
        var other = await rig.Store.ExecuteAsync(id, new ClaimWish("key-taishan", "taishan-school"), None, messageId: "activity-18");

        Assert.True(first.Succeeded && !first.Replayed);
        Assert.True(retry is { Succeeded: true, Replayed: true, Events.Count: 0 });
        Assert.Equal("wish_claimed", other.Rejection?.Code);
        Assert.Equal(2, (await rig.Store.LoadAsync(id, None))!.State.Version);
    }

    [Fact]
    public async Task Racing_claims_apply_once()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.FromDays(3));
        var id = NewId();
        await rig.Store.ExecuteAsync(id, Post(id), None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            rig.Store.ExecuteAsync(id, new ClaimWish($"key-{i}", $"unit-{i}"), None)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("wish_claimed", o.Rejection!.Code));
        Assert.Equal(2, (await rig.Store.LoadWithHistoryAsync(id, None))!.Events.Count);
    }

    [Fact]
    public async Task A_state_one_host_remembers_is_never_acted_on_once_another_host_changed_it()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.FromDays(3));
        var (hostA, hostB) = (rig.Store, rig.CrashingStore); // two stores on one table: two processes, each with its own memory
        var id = NewId();
        await hostA.ExecuteAsync(id, Post(id), None);
        Assert.True((await hostA.LoadForCommandAsync(id, None))!.Cached);
        Assert.True((await hostB.ExecuteAsync(id, new ClaimWish("key-baosheng", "baosheng-property"), None)).Succeeded);

        // Host A still remembers the wish open: its claim passes the rules there, but the save fails on the ETag and the stored state refuses it.
        var late = await hostA.ExecuteAsync(id, new ClaimWish("key-taishan", "taishan-school"), None);
        Assert.Equal("wish_claimed", late.Rejection?.Code);
        var stored = (await rig.Store.LoadWithHistoryAsync(id, None))!;
        Assert.Equal(("baosheng-property", 2), (stored.State.UnitId, stored.Events.Count));

        // A refusal decided on a remembered state is confirmed on the stored one: fulfilling is refused for an open wish, allowed once claimed.
        var other = NewId();
        await hostA.ExecuteAsync(other, Post(other), None);
        await hostB.ExecuteAsync(other, new ClaimWish("key-baosheng", "baosheng-property"), None);
        var fulfilled = await hostA.ExecuteAsync(other, new FulfilWish("baosheng-property"), None);
        Assert.True(fulfilled.Succeeded, fulfilled.Rejection?.Code);
        Assert.Equal((WishStatus.Fulfilled, 3), (fulfilled.State.Status, (await rig.Store.LoadAsync(other, None))!.State.Version));
    }

    [Fact]
    public async Task Its_deadline_timer_expires_an_unclaimed_wish_and_is_stale_once_claimed()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.Zero); // due at once: the timer is visible as soon as it is sent
        var (open, claimed) = (NewId(), NewId());
        await rig.Store.ExecuteAsync(open, Post(open), None);
        await rig.Store.ExecuteAsync(claimed, Post(claimed), None);
        await rig.Store.ExecuteAsync(claimed, new ClaimWish("key-baosheng", "baosheng-property"), None);

        var timers = await rig.DrainAsync(rig.Codec.TimerQueue);
        Assert.Equal(2, timers.Count); // one per posted wish; the claim armed none
        foreach (var body in timers) await rig.Timers.RunAsync(body, None);

        Assert.Equal(WishStatus.Expired, (await rig.Store.LoadAsync(open, None))!.State.Status);
        Assert.Equal((WishStatus.Claimed, 2), ((await rig.Store.LoadAsync(claimed, None))!.State is var c ? (c.Status, c.Version) : default));
        Assert.Equal(("Expired", 2, false), (await rig.ListRowsAsync(open))["c-dongqili"]);
    }

    [Fact]
    public async Task A_change_whose_relay_died_is_finished_by_the_sweeper_once()
    {
        var rig = await WishRig.CreateAsync(azurite, TimeSpan.FromDays(3));
        var id = NewId();
        await rig.Store.ExecuteAsync(id, Post(id), None);
        await rig.Store.ExecuteAsync(id, new ClaimWish("key-baosheng", "baosheng-property"), None);

        var crashed = await rig.CrashingStore.ExecuteAsync(id, new FulfilWish("baosheng-property"), None);
        Assert.True(crashed.Succeeded);
        Assert.Contains("outbox-000003", await rig.RowKeysAsync(id));
        Assert.Equal(("Claimed", 2, false), (await rig.ListRowsAsync(id))["u-baosheng-property"]);
        Assert.DoesNotContain(rig.Notifier.Told, t => t.Type == "WishFulfilled");

        Assert.Equal(1, await rig.Relay.SweepAsync(TimeSpan.Zero, None));
        Assert.Equal(0, await rig.Relay.SweepAsync(TimeSpan.Zero, None));
        Assert.DoesNotContain(await rig.RowKeysAsync(id), k => k.StartsWith("outbox-", StringComparison.Ordinal));
        Assert.Equal(("Fulfilled", 3, false), (await rig.ListRowsAsync(id))["u-baosheng-property"]);
        Assert.Single(rig.Notifier.Told, t => t.Type == "WishFulfilled");
    }
}
