using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>Bad bodies and bad moments on the action endpoints: each refused with its code, the order untouched.</summary>
public sealed class BadInputActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _dispatcher = "", _liaison = "";

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        (_dispatcher, _liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Dispatch_without_unit_id_names_the_missing_field()
    {
        var (id, _) = await _app.PlaceAsync();
        var problem = await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { note = "请尽快" }, _dispatcher)).ShouldBeProblemAsync(400, "missing_field");
        Assert.Equal("unitId", problem.GetProperty("field").GetString());
        await AssertStatusAsync(id, "placed", version: 1);
    }

    [Fact]
    public async Task Dispatch_to_an_unknown_unit_is_refused()
    {
        var (id, _) = await _app.PlaceAsync();
        var problem = await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "no-such-unit" }, _dispatcher)).ShouldBeProblemAsync(400, "unknown_unit");
        Assert.Equal("unitId", problem.GetProperty("field").GetString());
        await AssertStatusAsync(id, "placed", version: 1);
    }

    [Fact]
    public async Task Action_in_the_wrong_state_is_a_conflict_named_after_the_status()
    {
        var (id, code) = await _app.PlaceAsync();
        await (await _app.PostAsync($"/api/orders/{id}/confirm", new { rating = 5 }, trackingCode: code)).ShouldBeProblemAsync(409, "order_placed");

        await (await _app.PostAsync($"/api/orders/{id}/cancel", trackingCode: code)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, _dispatcher)).ShouldBeProblemAsync(409, "order_cancelled");
        await AssertStatusAsync(id, "cancelled", version: 2);
    }

    [Fact]
    public async Task Accepting_twice_is_a_conflict()
    {
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);
        await _app.AcceptAsync(id, _liaison);
        await (await _app.PostAsync($"/api/orders/{id}/accept", new { }, _liaison)).ShouldBeProblemAsync(409, "order_accepted");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task Confirm_with_a_rating_outside_1_to_5_is_refused(int rating)
    {
        var (id, code) = await _app.CompletedOrderAsync(_dispatcher, _liaison);
        await (await _app.PostAsync($"/api/orders/{id}/confirm", new { rating }, trackingCode: code)).ShouldBeProblemAsync(400, "rating_out_of_range");
        await AssertStatusAsync(id, "completed", version: 4);
    }

    [Fact]
    public async Task Confirm_with_the_rating_as_a_string_is_a_type_error()
    {
        var (id, code) = await _app.CompletedOrderAsync(_dispatcher, _liaison);
        var problem = await (await _app.PostAsync($"/api/orders/{id}/confirm", """{"rating": "5"}""", trackingCode: code)).ShouldBeProblemAsync(400, "invalid_field_type");
        Assert.Equal("rating", problem.GetProperty("field").GetString());
        await AssertStatusAsync(id, "completed", version: 4);
    }

    [Fact]
    public async Task Complete_without_photos_names_the_missing_field_and_stores_nothing()
    {
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);
        await _app.AcceptAsync(id, _liaison);

        var problem = await (await _app.PostAsync($"/api/orders/{id}/complete", new { note = "已修好" }, _liaison)).ShouldBeProblemAsync(400, "missing_field");
        Assert.Equal("photos", problem.GetProperty("field").GetString());
        await (await _app.PostAsync($"/api/orders/{id}/complete", new { note = "已修好", photos = Array.Empty<string>() }, _liaison))
            .ShouldBeProblemAsync(400, "completion_photo_required");
        await AssertStatusAsync(id, "accepted", version: 3);
        Assert.Empty(await _app.BlobNamesAsync());
    }

    [Fact]
    public async Task Complete_by_the_wrong_state_stores_no_photo()
    {
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);

        await (await _app.PostAsync($"/api/orders/{id}/complete", new { note = "已修好", photos = new[] { TestImages.PngBase64() } }, _liaison))
            .ShouldBeProblemAsync(409, "order_dispatched");
        Assert.Empty(await _app.BlobNamesAsync());
    }

    [Fact]
    public async Task Decline_without_a_reason_names_the_missing_field()
    {
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);

        var problem = await (await _app.PostAsync($"/api/orders/{id}/decline", new { }, _liaison)).ShouldBeProblemAsync(400, "missing_field");
        Assert.Equal("reason", problem.GetProperty("field").GetString());
        await (await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "   " }, _liaison)).ShouldBeProblemAsync(400, "reason_required");
        await AssertStatusAsync(id, "dispatched", version: 2);
    }

    private async Task AssertStatusAsync(string id, string status, int version)
    {
        var order = await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200);
        Assert.Equal(status, order.GetProperty("status").GetString());
        Assert.Equal(version, order.GetProperty("version").GetInt32());
    }
}
