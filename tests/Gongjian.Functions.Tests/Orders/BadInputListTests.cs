using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>GET /api/orders: bad filters are refused by name; paging walks every order once, newest first.</summary>
public sealed class BadInputListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("?status=open", "invalid_status", "status")]
    [InlineData("?status=Placed", "invalid_status", "status")]
    [InlineData("?status=none", "invalid_status", "status")]
    [InlineData("?status=0", "invalid_status", "status")]
    [InlineData("?category=plumbing", "unknown_category", "category")]
    [InlineData("?pageSize=0", "invalid_page_size", "pageSize")]
    [InlineData("?pageSize=101", "invalid_page_size", "pageSize")]
    [InlineData("?pageSize=-5", "invalid_page_size", "pageSize")]
    [InlineData("?pageSize=ten", "invalid_page_size", "pageSize")]
    [InlineData("?pageToken=!!!", "invalid_page_token", "pageToken")]
    [InlineData("?pageToken=a", "invalid_page_token", "pageToken")]
    [InlineData("?pageToken=garbage", "invalid_page_token", "pageToken")]
    [InlineData("?pageToken=bm90LWEtdG9rZW4", "invalid_page_token", "pageToken")]
    public async Task Bad_list_filter_is_refused_with_its_name(string query, string code, string field)
    {
        var dispatcher = await _app.DispatcherAsync();
        await _app.PlaceAsync();

        var problem = await (await _app.GetAsync($"/api/orders{query}", dispatcher)).ShouldBeProblemAsync(400, code);

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Page_size_at_the_limits_is_accepted(int size)
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await _app.PlaceAsync();
        Assert.Equal([id], await _app.ListIdsAsync(dispatcher, $"?pageSize={size}"));
    }

    [Fact]
    public async Task Five_orders_in_pages_of_two_come_newest_first_without_duplicates()
    {
        var dispatcher = await _app.DispatcherAsync();
        var placed = new List<string>();
        for (var i = 0; i < 5; i++) placed.Add((await _app.PlaceAsync(TestApp.NewOrder(text: $"第 {i + 1} 件事"))).Id);

        var seen = new List<string>();
        var tokens = new List<string?>();
        string? token = null;
        do
        {
            var query = token is null ? "?pageSize=2" : $"?pageSize=2&pageToken={Uri.EscapeDataString(token)}";
            var page = await (await _app.GetAsync($"/api/orders{query}", dispatcher)).ReadJsonAsync(200);
            var ids = BadInputHelpers.Ids(page);
            Assert.InRange(ids.Length, 1, 2);
            seen.AddRange(ids);
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            tokens.Add(token);
        } while (token is not null && tokens.Count < 10);

        Assert.Equal(3, tokens.Count);
        Assert.All(tokens.Take(2), t => Assert.False(string.IsNullOrEmpty(t)));
        Assert.Equal(placed.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Status_filter_keeps_only_that_status()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (kept, _) = await _app.PlaceAsync();
        var (dispatched, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(dispatched, dispatcher);

        Assert.Equal([kept], await _app.ListIdsAsync(dispatcher, "?status=placed"));
        Assert.Equal([dispatched], await _app.ListIdsAsync(dispatcher, "?status=dispatched"));
    }
}
