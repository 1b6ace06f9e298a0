using Azure.Data.Tables;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// The sweeper runs every minute over every pending order. One order it cannot relay (here a state
/// row it cannot read) must not keep the others out of the index forever.
/// </summary>
public sealed class SweepIsolationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await StorageRig.CreateAsync(azurite);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task One_unreadable_order_does_not_block_the_sweep_of_the_others()
    {
        // Sorts before any real id (GJ + today's date), so the sweeper meets it first.
        const string broken = "GJ000101-222222";
        await _rig.Real.Orders.AddEntityAsync(new TableEntity(broken, $"state-{broken}") { ["State"] = "{\"id\":", ["Status"] = "placed", ["Version"] = 1 });
        await _rig.Real.Orders.AddEntityAsync(new TableEntity(broken, "outbox-000001") { ["Version"] = 1, ["CreatedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5) });
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.CrashingStore, id, StorageRig.Place(id));

        var thrown = await Record.ExceptionAsync(() => _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        var rows = await _rig.IndexRowsAsync(id);
        Assert.True(rows.ContainsKey("c-dongqili"),
            $"the healthy order was never indexed: the sweep stopped at {broken} with {thrown?.GetType().Name}: {thrown?.Message}");
        Assert.Equal(("placed", 1), rows["c-dongqili"]);
        Assert.Empty(await _rig.OutboxRowsAsync(id));
    }
}
