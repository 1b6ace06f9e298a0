using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// Relays can arrive out of order (a slow request, a sweep racing a live relay). The index must end
/// up showing the newest version whatever the order of arrival.
/// </summary>
public sealed class LateRelayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await StorageRig.CreateAsync(azurite);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Late_relay_of_an_older_version_does_not_overwrite_a_newer_row()
    {
        var id = StorageRig.NewId();
        var placed = await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        var dispatched = await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });

        await _rig.WriteListsAsync(placed);

        var rows = await _rig.IndexRowsAsync(id);
        Assert.Equal(("dispatched", dispatched.Version), rows["c-dongqili"]);
        Assert.Equal(("dispatched", dispatched.Version), rows["s-caiyuan"]);
        Assert.Equal(("dispatched", dispatched.Version), rows["u-baosheng-property"]);
    }

    [Fact]
    public async Task Same_version_relayed_twice_changes_nothing()
    {
        var id = StorageRig.NewId();
        var placed = await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        var before = await _rig.IndexRowsAsync(id);

        await _rig.WriteListsAsync(placed);
        await _rig.WriteListsAsync(placed);

        Assert.Equal(before, await _rig.IndexRowsAsync(id));
    }

    /// <summary>
    /// v2 (dispatched to 宝盛) is relayed only after v3 (宝盛 declined, its unit row deleted). The stale
    /// relay must not bring the order back into 宝盛's list: a deleted row leaves no version to compare with.
    /// </summary>
    [Fact]
    public async Task Late_relay_of_a_dispatch_does_not_bring_back_the_row_a_decline_removed()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        var dispatched = await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        var declined = await StorageRig.RunAsync(_rig.Store, id, new DeclineOrder { By = StorageRig.Liaison, Reason = "人手不足" });
        Assert.False((await _rig.IndexRowsAsync(id)).ContainsKey("u-baosheng-property"));

        await _rig.WriteListsAsync(dispatched);

        var rows = await _rig.IndexRowsAsync(id);
        Assert.Equal(("declined", declined.Version), rows["c-dongqili"]);
        Assert.False(rows.ContainsKey("u-baosheng-property"),
            $"宝盛 lists the declined order again as {rows.GetValueOrDefault("u-baosheng-property")}");
    }
}
