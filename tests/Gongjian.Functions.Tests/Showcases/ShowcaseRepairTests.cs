using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Showcases;
using Gongjian.Functions.Tests.Storage;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// Publishing writes the showcase row, then marks each order. If the process dies in between, the
/// repair must finish the marking — once per order — and leave fresh publications alone.
/// </summary>
public sealed class ShowcaseRepairTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor Organizer = new(ActorRole.Organizer, "key-caiyuan", "财源街道党工委");
    private readonly MovableClock _clock = new();
    private StorageRig _rig = null!;
    private ShowcaseStore _showcases = null!;
    private ShowcaseMarker _marker = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await StorageRig.CreateAsync(azurite);
        _showcases = new ShowcaseStore(_rig.Real);
        _marker = new ShowcaseMarker(_rig.Store, _showcases, _clock);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_publication_cut_short_is_finished_by_the_repair_once()
    {
        var first = await CompletedOrderAsync();
        var second = await CompletedOrderAsync();
        var showcase = await PublishedRowAsync("SC261122-A1B2C3", first, second);
        // The process marked the first order, then died.
        await StorageRig.RunAsync(_rig.Store, first, new IncludeInShowcase { By = Organizer, ShowcaseId = showcase });

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await _marker.RepairAsync(CancellationToken.None));
        Assert.Equal(0, await _marker.RepairAsync(CancellationToken.None));

        foreach (var id in new[] { first, second })
        {
            var marks = (await _rig.Store.LoadWithHistoryAsync(id, CancellationToken.None))!.Events.OfType<OrderShowcased>().ToList();
            var mark = Assert.Single(marks);
            Assert.Equal(showcase, mark.ShowcaseId);
            Assert.Equal(Organizer, mark.By);
        }
        Assert.True(await MarkedAsync(showcase));
    }

    [Fact]
    public async Task A_publication_still_within_its_grace_is_left_to_its_own_request()
    {
        var order = await CompletedOrderAsync();
        var showcase = await PublishedRowAsync("SC261122-D4E5F6", order);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await _marker.RepairAsync(CancellationToken.None));

        Assert.Empty((await _rig.Store.LoadWithHistoryAsync(order, CancellationToken.None))!.Events.OfType<OrderShowcased>());
        Assert.False(await MarkedAsync(showcase));
    }

    [Fact]
    public async Task An_order_reopened_since_publication_does_not_block_the_repair()
    {
        var finished = await CompletedOrderAsync();
        var reopened = await CompletedOrderAsync();
        var showcase = await PublishedRowAsync("SC261122-G7H8J9", reopened, finished);
        await StorageRig.RunAsync(_rig.Store, reopened, new ReopenOrder { By = StorageRig.Resident, Reason = "灯又不亮了" });

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await _marker.RepairAsync(CancellationToken.None));

        Assert.Single((await _rig.Store.LoadWithHistoryAsync(finished, CancellationToken.None))!.Events.OfType<OrderShowcased>());
        Assert.Empty((await _rig.Store.LoadWithHistoryAsync(reopened, CancellationToken.None))!.Events.OfType<OrderShowcased>());
        Assert.True(await MarkedAsync(showcase));
    }

    private async Task<string> CompletedOrderAsync()
    {
        var id = StorageRig.NewId();
        await StorageRig.RunAsync(_rig.Store, id, StorageRig.Place(id));
        await StorageRig.RunAsync(_rig.Store, id, new DispatchOrder { By = StorageRig.Dispatcher, Unit = StorageRig.Baosheng });
        await StorageRig.RunAsync(_rig.Store, id, new AcceptOrder { By = StorageRig.Liaison });
        await StorageRig.RunAsync(_rig.Store, id, new CompleteOrder { By = StorageRig.Liaison, Note = "已更换灯泡", PhotoIds = ["0011223344556677.png"] });
        return id;
    }

    /// <summary>The showcase row as the publish request writes it, before it marks any order.</summary>
    private async Task<string> PublishedRowAsync(string id, params string[] orderIds)
    {
        var view = new ShowcaseView(id, "楼道灯亮了", "宝盛置业当天换好了灯泡。", "caiyuan", "财源街道", _clock.GetUtcNow(), []);
        Assert.True(await _showcases.TryAddAsync(view, [], orderIds, Organizer, CancellationToken.None));
        return id;
    }

    private async Task<bool> MarkedAsync(string id) =>
        (await _rig.Real.Showcases.GetEntityAsync<TableEntity>(id, id)).Value.GetBoolean("Marked") == true;
}
