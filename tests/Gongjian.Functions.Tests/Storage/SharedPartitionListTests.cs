using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Engine;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// An order's community, street and unit lists share the street's partition, so a change writes them in one
/// entity-group transaction. A batch written on stale knowledge (another host wrote a row since) must fall back to
/// comparing versions, never leave a row behind or overwrite a newer one; <c>lists rebuild</c> moves rows of the earlier
/// layout (a partition per list) to this one.
/// </summary>
public sealed class SharedPartitionListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await StorageRig.CreateAsync(azurite);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_orders_lists_are_rows_of_its_streets_partition_each_under_its_prefix()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });

        var rows = await RowsAsync(id);
        Assert.All(rows, r => Assert.Equal("s-caiyuan", r.PartitionKey));
        Assert.Equal(["c-dongqili|", "s|", "u-baosheng-property|"], rows.Select(r => r.RowKey[..(r.RowKey.IndexOf('|') + 1)]).Order());
        Assert.Single(rows.Select(r => r.RowKey[(r.RowKey.IndexOf('|') + 1)..]).Distinct());

        // Each list's query sees its own row only.
        foreach (var list in new[] { OrderModule.CommunityList("caiyuan", "dongqili"), OrderModule.StreetList("caiyuan"), OrderModule.UnitList("caiyuan", "baosheng-property") })
        {
            var found = new List<TableEntity>();
            await foreach (var row in _rig.Real.OrderIndex.QueryAsync<TableEntity>($"{ListQuery.Filter(list)} and {TableClient.CreateQueryFilter($"OrderId eq {id}")}"))
                found.Add(row);
            Assert.Single(found);
        }
    }

    [Fact]
    public async Task A_batch_on_stale_etags_falls_back_to_versions_and_writes_every_row()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        // The dispatch commits but its relay dies; another host relays it (new ETags the first host does not know).
        var dispatched = await StorageRig.RunAsync(_rig.CrashingStore, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        await _rig.WriteListsAsync(dispatched);
        Assert.All((await _rig.IndexRowsAsync(id)).Values, r => Assert.Equal(("dispatched", dispatched.Version), r));

        // The first host's batch for the next change carries the ETags of the placement: it fails whole, then each row is compared.
        var accepted = await StorageRig.RunAsync(_rig.Store, id, new AcceptOrder { By = StorageRig.Liaison });

        var rows = await _rig.IndexRowsAsync(id);
        Assert.Equal(["c-dongqili", "s-caiyuan", "u-baosheng-property"], rows.Keys.Order());
        Assert.All(rows.Values, r => Assert.Equal(("accepted", accepted.Version), r));
    }

    [Fact]
    public async Task Lists_rebuild_moves_a_row_of_the_earlier_layout_and_hides_the_old_one()
    {
        var id = StorageRig.NewId();
        var placed = await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        var module = new OrderModule(SlaPolicy.Default, RetentionPolicy.Default);
        var placement = module.Lists(placed)!;
        // As the earlier layout left it: the community's row in a partition of its own, none in the street's partition.
        var old = new TableEntity("c-dongqili", placement.RowKey) { ["OrderId"] = id, ["Status"] = "placed", ["Removed"] = false, ["Version"] = placed.Version };
        await _rig.Real.OrderIndex.AddEntityAsync(old);
        await _rig.Real.OrderIndex.DeleteEntityAsync("s-caiyuan", "c-dongqili|" + placement.RowKey);

        var result = await new ListRebuild<OrderState, OrderCommand, OrderEvent>(module, new OrderStorage(), _rig.Real).RebuildAsync(CancellationToken.None);

        Assert.Equal("order", result.Module);
        Assert.True(result.Instances >= 1);
        Assert.True(result.Hidden >= 1);
        Assert.True((await _rig.Real.OrderIndex.GetEntityAsync<TableEntity>("c-dongqili", placement.RowKey)).Value.GetBoolean("Removed"));
        Assert.Equal(("placed", placed.Version), (await _rig.IndexRowsAsync(id))["c-dongqili"]);

        // Again: nothing left to move, nothing written twice.
        var again = await new ListRebuild<OrderState, OrderCommand, OrderEvent>(module, new OrderStorage(), _rig.Real).RebuildAsync(CancellationToken.None);
        Assert.Equal(0, again.Hidden);
    }

    private async Task<List<TableEntity>> RowsAsync(string id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _rig.Real.OrderIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId eq {id}"))) rows.Add(row);
        return rows;
    }
}
