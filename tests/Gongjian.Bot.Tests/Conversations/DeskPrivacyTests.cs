using Gongjian.Bot.Desk;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// The bot's order summaries follow the API: a phone typed into the wish is masked in what the resident
/// (by tracking code) and a unit that has not accepted read in chat; the unit that accepted reads it whole.
/// </summary>
public sealed class DeskPrivacyTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private const string Text = "漏水，电话一三八零五三八一二三四";
    private const string Masked = "漏水，电话138****1234";
    private static readonly LiaisonActor Liaison = new("baosheng-property", "王师傅");

    private async Task<PlacedOrder> PlaceAsync() =>
        (await App.Get<IOrderDesk>().PlaceAsync(
            new OrderDraft(Text, "repair", "dongqili", "宝盛小区3号楼2单元301", "13805381234", "李秀英", false), CancellationToken.None)).Value!;

    private async Task DispatchAsync(string id)
    {
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili", "东七里社区派单员");
        var response = await Cycle.PostAsync($"/api/orders/{id}/dispatch", dispatcher, new { unitId = Liaison.UnitId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_resident_s_status_reads_the_phone_masked()
    {
        var placed = await PlaceAsync();

        var found = await App.Get<IOrderDesk>().FindAsync(placed.OrderId, placed.TrackingCode, CancellationToken.None);

        Assert.Equal(Masked, found.Value!.Summary);
    }

    [Fact]
    public async Task The_unit_reads_it_masked_when_declining_and_whole_once_it_accepted()
    {
        var desk = App.Get<IOrderDesk>();
        var (declined, accepted) = (await PlaceAsync(), await PlaceAsync());
        await DispatchAsync(declined.OrderId);
        await DispatchAsync(accepted.OrderId);

        var declineAnswer = await desk.DeclineAsync(Liaison, declined.OrderId, "不归本单位", CancellationToken.None);
        var acceptAnswer = await desk.AcceptAsync(Liaison, accepted.OrderId, CancellationToken.None);

        Assert.Equal(Masked, declineAnswer.Value!.Summary);
        Assert.Equal(Text, acceptAnswer.Value!.Order.Summary);
    }
}
