using Azure.Data.Tables;
using Gongjian.Bot.Desk;
using Gongjian.Bot.Tests.Support;
using Gongjian.Functions.Storage;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// 确认提交 can reach the desk twice for one wish: the turn crashed after placing the order but
/// before the conversation was saved, or the resident pressed again after a lost reply. One wish is
/// one order; a wish revised after that is a new one.
/// </summary>
public sealed class DraftPlacementTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private static OrderDraft Draft(string draftId, string text = "三楼楼道灯坏了一个星期了", IReadOnlyList<string>? photos = null) =>
        new(text, "repair", "dongqili", "宝盛小区3号楼2单元", "13805381234", "李秀英", false, photos, draftId);

    [Fact]
    public async Task The_same_draft_placed_twice_is_one_order_with_one_tracking_code()
    {
        var desk = App.Get<IOrderDesk>();
        var draftId = Guid.NewGuid().ToString("N");

        var first = await desk.PlaceAsync(Draft(draftId), CancellationToken.None);
        var again = await desk.PlaceAsync(Draft(draftId), CancellationToken.None);

        Assert.True(first.Succeeded && again.Succeeded, first.Refusal ?? again.Refusal);
        Assert.Equal((first.Value!.OrderId, first.Value.TrackingCode), (again.Value!.OrderId, again.Value.TrackingCode));
        Assert.Equal([first.Value.OrderId], await OrderIdsAsync());
    }

    [Fact]
    public async Task A_draft_revised_after_it_was_placed_is_a_new_order()
    {
        var desk = App.Get<IOrderDesk>();
        var draftId = Guid.NewGuid().ToString("N");

        var first = await desk.PlaceAsync(Draft(draftId), CancellationToken.None);
        var revised = await desk.PlaceAsync(Draft(draftId, "三楼和四楼楼道灯都坏了"), CancellationToken.None);

        Assert.NotEqual(first.Value!.OrderId, revised.Value!.OrderId);
        Assert.Equal(2, (await OrderIdsAsync()).Count);
    }

    [Fact]
    public async Task A_draft_with_photos_placed_again_after_its_staged_photos_were_moved_answers_with_the_order()
    {
        var desk = App.Get<IOrderDesk>();
        var staged = await desk.StagePhotosAsync([TestImages.Png(3, 2), TestImages.Png(4, 2)], CancellationToken.None);
        var draft = Draft(Guid.NewGuid().ToString("N"), photos: staged.Value!.Ids);

        var first = await desk.PlaceAsync(draft, CancellationToken.None);
        var again = await desk.PlaceAsync(draft, CancellationToken.None); // the staged copies are gone by now

        Assert.True(again.Succeeded, again.Refusal);
        Assert.Equal(first.Value!.OrderId, again.Value!.OrderId);
        Assert.Equal(2, (await Cycle.StateAsync(first.Value.OrderId)).BeforePhotoIds.Count);
    }

    private async Task<List<string>> OrderIdsAsync()
    {
        var ids = new List<string>();
        var orders = App.Get<StorageClients>().Orders;
        await foreach (var row in orders.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"state-"} and RowKey lt {"state."}"), select: ["PartitionKey"]))
            ids.Add(row.PartitionKey);
        return ids;
    }
}
