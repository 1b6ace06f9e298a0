using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Tests.Storage;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Privacy;

/// <summary>
/// Before-photo files go after the erasure commits, as part of the relay its outbox row records. If the
/// process dies first, the outbox sweep finishes the deletion; deleting twice is harmless.
/// </summary>
public sealed class EraseRelayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageRig _rig = null!;
    private PhotoStore _photos = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await StorageRig.CreateAsync(azurite);
        _photos = new PhotoStore(_rig.Real, new PhotoUploads(_rig.Real), TimeProvider.System);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Photos_of_an_erasure_whose_relay_died_are_deleted_by_the_outbox_sweep()
    {
        var id = StorageRig.NewId();
        var before = await _photos.SaveAsync(id, [Gongjian.Media.PhotoSanitizer.Sanitize(TestImages.Png())], CancellationToken.None);
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id) with { PhotoIds = before });
        await StorageRig.RunAsync(_rig.Store, id, new CancelOrder { By = StorageRig.Resident });

        var erased = await StorageRig.RunAsync(_rig.CrashingStore, id, new ErasePersonalData { By = StorageRig.Resident });

        Assert.NotNull(erased.PersonalDataErasedAt);
        var outbox = await OutboxRowAsync(id, erased.Version);
        Assert.Equal($"{id}/{before[0]}", outbox.GetString("DeleteBlobs")); // the engine records blob names in the module's container
        Assert.NotNull(await _photos.OpenAsync(id, before[0], CancellationToken.None)); // the relay died before deleting

        Assert.Equal(1, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Null(await _photos.OpenAsync(id, before[0], CancellationToken.None));
        Assert.False((await _rig.Real.Orders.GetEntityIfExistsAsync<TableEntity>(id, $"outbox-{erased.Version:D6}")).HasValue);
        Assert.Equal(0, await _rig.Outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_commits_with_its_rewritten_events_in_one_transaction()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.Store, id, new CancelOrder { By = StorageRig.Resident, Reason = "李秀英已自行修好" });

        var erased = await StorageRig.RunAsync(_rig.Store, id, new ErasePersonalData { By = StorageRig.Resident });

        var history = (await _rig.Store.LoadWithHistoryAsync(id, CancellationToken.None))!.Events;
        var placed = Assert.IsType<OrderPlaced>(history[0]);
        Assert.Equal(("", "", "", ""), (placed.Text, placed.Address, placed.Contact.Name, placed.Contact.Phone));
        Assert.Null(Assert.IsType<OrderCancelled>(history[1]).Reason);
        Assert.IsType<PersonalDataErased>(history[2]);
        Assert.Equal(erased.Version, history.Count);
        Assert.Equal(OrderState.Replay(history).PersonalDataErasedAt, erased.PersonalDataErasedAt);
    }

    private async Task<TableEntity> OutboxRowAsync(string id, int version) =>
        (await _rig.Real.Orders.GetEntityAsync<TableEntity>(id, $"outbox-{version:D6}")).Value;
}
