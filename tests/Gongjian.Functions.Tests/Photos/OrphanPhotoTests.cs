using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongjian.Functions.Tests.Photos;

/// <summary>
/// A photo is stored before the order that names it. When that order is never saved (a crash, a
/// refused command), the blob must not stay forever; photos that an order names must never go.
/// </summary>
public sealed class OrphanPhotoTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private StorageRig _rig = null!;
    private PhotoStore _photos = null!;
    private PhotoUploads _uploads = null!;
    private OrphanPhotoSweeper _sweeper = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await StorageRig.CreateAsync(azurite);
        _uploads = new PhotoUploads(_rig.Real);
        _photos = new PhotoStore(_rig.Real, _uploads, _clock);
        _sweeper = new OrphanPhotoSweeper(_uploads, _photos, _rig.Store, _clock, NullLogger<OrphanPhotoSweeper>.Instance);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Photos_of_an_order_that_was_never_saved_are_deleted_and_named_ones_kept()
    {
        var placed = StorageRig.NewId();
        var kept = await SaveAsync(placed, 2);
        await StorageRig.RunAsync(_rig.Store, placed, StorageRig.Place(placed) with { PhotoIds = kept });
        var lost = StorageRig.NewId(); // the process died after the upload, before the order was written
        var orphans = await SaveAsync(lost, 3);

        _clock.Advance(TimeSpan.FromDays(2));
        var result = await _sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(new OrphanPhotoSweeper.Result(5, 3, 0), result);
        Assert.Equal(kept.Select(p => $"{placed}/{p}").Order(), await BlobsAsync());
        Assert.Equal(0, await LedgerRowsAsync());
    }

    [Fact]
    public async Task Completion_photos_of_a_refused_completion_are_deleted()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        await StorageRig.RunAsync(_rig.Store, id, new AcceptOrder { By = StorageRig.Liaison });
        var first = await SaveAsync(id, 1);
        await StorageRig.RunAsync(_rig.Store, id, new CompleteOrder { By = StorageRig.Liaison, Note = "已更换灯泡", PhotoIds = first });
        // A second, racing completion stored its photo, then lost to the first.
        var second = await SaveAsync(id, 1);
        var refused = await _rig.Store.ExecuteAsync(id, new CompleteOrder { By = StorageRig.Liaison, Note = "已修好", PhotoIds = second }, CancellationToken.None);
        Assert.False(refused.Succeeded);

        _clock.Advance(TimeSpan.FromDays(2));
        await _sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal([$"{id}/{first[0]}"], await BlobsAsync());
    }

    [Fact]
    public async Task Uploads_younger_than_a_day_are_left_alone()
    {
        var lost = StorageRig.NewId();
        await SaveAsync(lost, 2);

        _clock.Advance(TimeSpan.FromHours(1));
        var result = await _sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(0, result.Checked);
        Assert.Equal(2, (await BlobsAsync()).Count);
        Assert.Equal(2, await LedgerRowsAsync());
    }

    [Fact]
    public async Task A_ledger_row_whose_blob_never_arrived_is_forgotten_without_error()
    {
        var lost = StorageRig.NewId();
        await _uploads.RecordAsync(lost, ["0011223344556677.png"], _clock.GetUtcNow(), CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(3));
        var result = await _sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(new OrphanPhotoSweeper.Result(1, 0, 0), result);
        Assert.Equal(0, await LedgerRowsAsync());
    }

    private async Task<IReadOnlyList<string>> SaveAsync(string orderId, int count)
    {
        var photos = Enumerable.Range(0, count).Select(_ => PhotoSanitizer.Sanitize(TestImages.Png(3, 2))).ToList();
        return await _photos.SaveAsync(orderId, photos, CancellationToken.None);
    }

    private async Task<List<string>> BlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _rig.Real.Photos.GetBlobsAsync()) names.Add(blob.Name);
        return names.Order().ToList();
    }

    private async Task<int> LedgerRowsAsync()
    {
        var count = 0;
        await foreach (var _ in _rig.Real.Table(TableNames.PhotoUploads).QueryAsync<TableEntity>()) count++;
        return count;
    }
}
