using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// Once the order's transaction has committed, a failing relay is the sweeper's business: the caller
/// must still hear that the change happened, whatever way the index write failed.
/// </summary>
public sealed class RelayFailureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await StorageRig.CreateAsync(azurite);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Index_answering_with_an_error_does_not_fail_the_committed_command()
    {
        var id = StorageRig.NewId();

        var outcome = await _rig.CrashingStore.ExecuteAsync(id, StorageRig.Place(id), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["outbox-000001"], await _rig.OutboxRowsAsync(id));
    }

    /// <summary>
    /// Connection refused: Azure.Core retries, then throws an AggregateException rather than a
    /// RequestFailedException. The order is committed either way; a 500 here makes the resident place it again.
    /// </summary>
    [Fact]
    public async Task Index_unreachable_over_the_network_does_not_fail_the_committed_command()
    {
        var id = StorageRig.NewId();

        var thrown = await Record.ExceptionAsync(() => _rig.CutOffStore.ExecuteAsync(id, StorageRig.Place(id), CancellationToken.None));

        Assert.Equal(OrderStatus.Placed, (await _rig.Store.LoadAsync(id, CancellationToken.None))!.State.Status);
        Assert.Null(thrown);
        Assert.Equal(["outbox-000001"], await _rig.OutboxRowsAsync(id));
        Assert.Equal(1, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(("placed", 1), (await _rig.IndexRowsAsync(id))["c-dongqili"]);
    }
}
