using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>The cycle through the HTTP API on real Kestrel and Azurite.</summary>
public sealed class OrderCycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Order_goes_from_placed_to_confirmed_and_records_every_step()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, code) = await _app.PlaceAsync();

        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property", note = "请尽快处理" }, dispatcher)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/orders/{id}/accept", key: liaison, body: new { })).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/orders/{id}/complete", new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } }, liaison)).ReadJsonAsync(200);
        var confirmed = await (await _app.PostAsync($"/api/orders/{id}/confirm", new { rating = 5, comment = "很及时" }, trackingCode: code)).ReadJsonAsync(200);

        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal(5, confirmed.GetProperty("rating").GetInt32());
        var order = await (await _app.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);
        var steps = order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.Equal(["placed", "dispatched", "accepted", "completed", "confirmed"], steps);
        Assert.Equal("泰山宝盛置业有限公司", order.GetProperty("unit").GetProperty("name").GetString());
        Assert.Single(order.GetProperty("afterPhotos").EnumerateArray());
    }

    [Fact]
    public async Task Declined_order_returns_to_the_dispatcher_and_leaves_the_unit_list()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, _) = await _app.PlaceAsync();
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher)).ReadJsonAsync(200);
        Assert.Contains(id, await ListIdsAsync(liaison));

        var declined = await (await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "本周人手不足" }, liaison)).ReadJsonAsync(200);

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.DoesNotContain(id, await ListIdsAsync(liaison));
        // The unit still sees what became of the order it declined, but no longer the resident's contact.
        var seen = await (await _app.GetAsync($"/api/orders/{id}", liaison)).ReadJsonAsync(200);
        Assert.False(seen.GetProperty("contactVisible").GetBoolean());
        var again = await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "caiyuan-volunteers", category = "environment" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal("dispatched", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reopened_order_goes_back_to_the_same_unit()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, code) = await _app.PlaceAsync();
        await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher);
        await _app.PostAsync($"/api/orders/{id}/accept", new { }, liaison);
        await _app.PostAsync($"/api/orders/{id}/complete", new { note = "已修好", photos = new[] { TestImages.PngBase64() } }, liaison);

        var reopened = await (await _app.PostAsync($"/api/orders/{id}/reopen", new { reason = "灯还是不亮" }, trackingCode: code)).ReadJsonAsync(200);

        Assert.Equal("reopened", reopened.GetProperty("status").GetString());
        Assert.Equal("baosheng-property", reopened.GetProperty("unit").GetProperty("id").GetString());
        var completed = await (await _app.PostAsync($"/api/orders/{id}/complete", new { note = "换了整条线路", photos = new[] { TestImages.PngBase64() } }, liaison)).ReadJsonAsync(200);
        Assert.Equal(2, completed.GetProperty("afterPhotos").GetArrayLength());
    }

    [Fact]
    public async Task Resident_can_cancel_before_acceptance_but_not_after()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (first, firstCode) = await _app.PlaceAsync();
        var cancelled = await (await _app.PostAsync($"/api/orders/{first}/cancel", trackingCode: firstCode)).ReadJsonAsync(200);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        var (second, secondCode) = await _app.PlaceAsync();
        await _app.PostAsync($"/api/orders/{second}/dispatch", new { unitId = "baosheng-property" }, dispatcher);
        await _app.PostAsync($"/api/orders/{second}/accept", new { }, liaison);
        await (await _app.PostAsync($"/api/orders/{second}/cancel", new { reason = "不需要了" }, trackingCode: secondCode))
            .ShouldBeProblemAsync(409, "order_accepted");
    }

    [Fact]
    public async Task Dispatcher_rejects_an_order_with_a_reason_the_resident_reads()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, code) = await _app.PlaceAsync();

        await (await _app.PostAsync($"/api/orders/{id}/reject", new { reason = "属于物业合同范围，请联系物业" }, dispatcher)).ReadJsonAsync(200);

        var seen = await (await _app.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        var last = seen.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("属于物业合同范围，请联系物业", last.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Dispatch_to_a_unit_that_does_not_serve_the_category_is_refused()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync();
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "daizong-law-firm" }, dispatcher))
            .ShouldBeProblemAsync(409, "unit_does_not_serve_category");
    }

    private async Task<string[]> ListIdsAsync(string key)
    {
        var page = await (await _app.GetAsync("/api/orders", key)).ReadJsonAsync(200);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
    }
}
