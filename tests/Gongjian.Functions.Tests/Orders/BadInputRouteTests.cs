using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>Ids and addresses that lead nowhere: 404 with a code, and no caller input reaching storage as a key.</summary>
public sealed class BadInputRouteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Unknown_order_id_is_not_found()
    {
        var dispatcher = await _app.DispatcherAsync();
        await (await _app.GetAsync("/api/orders/GJ260101-ABCDEF", dispatcher)).ShouldBeProblemAsync(404, "order_not_found");
        await (await _app.GetAsync("/api/orders/GJ260101-ABCDEF", trackingCode: "K7M3-QX9P")).ShouldBeProblemAsync(404, "order_not_found");
        await (await _app.PostAsync("/api/orders/GJ260101-ABCDEF/dispatch", new { unitId = "baosheng-property" }, dispatcher))
            .ShouldBeProblemAsync(404, "order_not_found");
        await (await _app.GetAsync("/api/orders/GJ260101-ABCDEF/photos/0011223344556677.png", dispatcher)).ShouldBeProblemAsync(404, "order_not_found");
    }

    [Theory]
    [InlineData("..%2Fx")]
    [InlineData("GJ'%20or%201")]
    [InlineData("GJ260101-ABCDE0")]
    [InlineData("gj260101-abcdef")]
    [InlineData("GJ2601010ABCDEF")]
    [InlineData("GJ260101-ABCDEFG")]
    [InlineData("PartitionKey%20ne%20''")]
    public async Task Malformed_order_id_is_not_found(string id)
    {
        var dispatcher = await _app.DispatcherAsync();
        var (_, code) = await _app.PlaceAsync();

        var get = await _app.GetAsync($"/api/orders/{id}", dispatcher);
        Assert.Equal(404, (int)get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        await (await _app.PostAsync($"/api/orders/{id}/cancel", trackingCode: code)).ShouldBeProblemAsync(404, "order_not_found");
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_not_a_blank_page()
    {
        await (await _app.GetAsync("/api/nothing-here")).ShouldBeProblemAsync(404, "route_not_found");
        await (await _app.PostAsync("/api/orders/GJ260101-ABCDEF/approve", new { })).ShouldBeProblemAsync(404, "route_not_found");
    }

    [Fact]
    public async Task Wrong_method_on_a_known_route_is_a_problem()
    {
        await (await _app.SendAsync(HttpMethod.Delete, "/api/orders")).ShouldBeProblemAsync(405, "method_not_allowed");
    }
}
