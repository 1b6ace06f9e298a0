using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// The outbox: a change committed to the order but never relayed to the index (the process "crashed"
/// in between) is found and finished by the sweeper, once.
/// </summary>
public sealed class OutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await StorageRig.CreateAsync(azurite);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Order_committed_but_not_relayed_reaches_the_index_on_the_next_sweep()
    {
        var id = StorageRig.NewId();

        var placed = await StorageRig.RunAsync(_rig.CrashingStore, id, StorageRig.Place(id));

        Assert.Equal(OrderStatus.Placed, (await _rig.Store.LoadAsync(id, CancellationToken.None))!.State.Status);
        Assert.Equal(["outbox-000001"], await _rig.OutboxRowsAsync(id));
        Assert.Empty(await _rig.IndexRowsAsync(id));

        Assert.Equal(1, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        var rows = await _rig.IndexRowsAsync(id);
        Assert.Equal(("placed", placed.Version), rows["c-dongqili"]);
        Assert.Equal(("placed", placed.Version), rows["s-caiyuan"]);
        Assert.Equal(2, rows.Count);
        Assert.Empty(await _rig.OutboxRowsAsync(id));
        Assert.Equal(0, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_leaves_young_outbox_rows_to_the_relay_in_flight()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.CrashingStore, id, StorageRig.Place(id));

        Assert.Equal(0, await _rig.Outbox.SweepAsync(TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(["outbox-000001"], await _rig.OutboxRowsAsync(id));
        Assert.Empty(await _rig.IndexRowsAsync(id));
    }

    [Fact]
    public async Task Unrelayed_decline_is_swept_out_of_the_unit_list()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        Assert.Equal(("dispatched", 2), (await _rig.IndexRowsAsync(id))["u-baosheng-property"]);

        var declined = await StorageRig.RunAsync(_rig.CrashingStore, id, new DeclineOrder { By = StorageRig.Liaison, Reason = "人手不足" });
        Assert.Equal(("dispatched", 2), (await _rig.IndexRowsAsync(id))["u-baosheng-property"]);
        Assert.Equal(["outbox-000003"], await _rig.OutboxRowsAsync(id));

        Assert.Equal(1, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        var rows = await _rig.IndexRowsAsync(id);
        Assert.False(rows.ContainsKey("u-baosheng-property"), "the unit that declined must not list the order any more");
        Assert.Equal(("declined", declined.Version), rows["c-dongqili"]);
        Assert.Empty(await _rig.OutboxRowsAsync(id));
        Assert.Equal(0, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Several_unrelayed_changes_are_swept_to_the_latest_state_once()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.CrashingStore, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.CrashingStore, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        var accepted = await StorageRig.RunAsync(_rig.CrashingStore, id, new AcceptOrder { By = StorageRig.Liaison });
        Assert.Equal(["outbox-000001", "outbox-000002", "outbox-000003"], await _rig.OutboxRowsAsync(id));

        Assert.Equal(1, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        var rows = await _rig.IndexRowsAsync(id);
        Assert.All(["c-dongqili", "s-caiyuan", "u-baosheng-property"], p => Assert.Equal(("accepted", accepted.Version), rows[p]));
        Assert.Empty(await _rig.OutboxRowsAsync(id));
    }
}
