using Gongjian.Functions.Orders;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Idempotency;

/// <summary>POST /api/orders with an Idempotency-Key: a retry answers the first answer and places nothing new.</summary>
public sealed class IdempotencyKeyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static object OrderWithPhoto() => TestApp.NewOrder(photos: [TestImages.PngBase64()]);

    [Fact]
    public async Task Replay_answers_the_first_answer_and_stores_one_order_and_one_set_of_photos()
    {
        var first = await (await _app.PlaceWithKeyAsync("9f1c2d3e-retry-1", OrderWithPhoto())).ShouldBePlacedAsync();
        var blobsAfterFirst = await _app.BlobNamesAsync();

        var second = await (await _app.PlaceWithKeyAsync("9f1c2d3e-retry-1", OrderWithPhoto())).ShouldBePlacedAsync();

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal($"/api/orders/{first.Id}", first.Location);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal([first.Id], await _app.OrderIdsAsync());
        Assert.Single(blobsAfterFirst);
        Assert.Equal(blobsAfterFirst, await _app.BlobNamesAsync());
        var order = await (await _app.GetAsync(first.Location!, trackingCode: second.TrackingCode)).ReadJsonAsync(200);
        Assert.Equal(first.Id, order.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Replay_of_a_dispatched_order_still_answers_as_placed()
    {
        var first = await (await _app.PlaceWithKeyAsync("late-retry")).ShouldBePlacedAsync();
        await _app.DispatchAsync(first.Id, await _app.DispatcherAsync());

        var second = await (await _app.PlaceWithKeyAsync("late-retry")).ShouldBePlacedAsync();

        Assert.True(second.Replayed);
        Assert.Equal(first.Body.GetRawText(), second.Body.GetRawText());
        Assert.Equal("placed", second.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Same_request_written_differently_and_key_quoted_is_still_a_replay()
    {
        var first = await (await _app.PlaceWithKeyAsync("k-42")).ShouldBePlacedAsync();
        const string reordered = """
            { "contact": { "phone": "13805381234", "name": "李秀英" },
              "address": "宝盛小区3号楼2单元301", "communityId": "dongqili", "category": "repair", "text": "三楼楼道灯坏了一个星期了" }
            """;

        var second = await (await _app.PlaceWithKeyAsync("\"k-42\"", reordered)).ShouldBePlacedAsync();

        Assert.True(second.Replayed);
        Assert.Equal((first.Id, first.TrackingCode), (second.Id, second.TrackingCode));
        Assert.Single(await _app.OrderIdsAsync());
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_refused_with_422()
    {
        var first = await (await _app.PlaceWithKeyAsync("reused")).ShouldBePlacedAsync();

        var response = await _app.PlaceWithKeyAsync("reused", TestApp.NewOrder(text: "四楼楼道灯也坏了"));

        await response.ShouldBeProblemAsync(422, "idempotency_key_reused");
        Assert.Equal([first.Id], await _app.OrderIdsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65
    [InlineData("tab\tinside")]
    [InlineData("\"unclosed")]
    [InlineData("\"stray\"quote\"")]
    [InlineData("\"bad\\escape\"")]
    [InlineData("one, two")]
    public async Task Malformed_key_is_refused_with_400_and_reserves_nothing(string key)
    {
        var response = await _app.PlaceWithKeyAsync(key);

        var problem = await response.ShouldBeProblemAsync(400, "invalid_idempotency_key");
        Assert.Equal("Idempotency-Key", problem.GetProperty("field").GetString());
        Assert.Empty(await _app.OrderIdsAsync());
        Assert.Empty(await _app.ReservationsAsync());
    }

    [Fact]
    public async Task Longest_valid_key_is_accepted()
    {
        var key = new string('z', 62) + " ~";
        var first = await (await _app.PlaceWithKeyAsync(key)).ShouldBePlacedAsync();
        var second = await (await _app.PlaceWithKeyAsync(key)).ShouldBePlacedAsync();
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Replayed);
    }

    [Fact]
    public async Task Refused_request_reserves_nothing_so_the_key_stays_free()
    {
        var refused = await _app.PlaceWithKeyAsync("fix-and-retry", TestApp.NewOrder(community: "nowhere"));
        await refused.ShouldBeProblemAsync(400, "unknown_community");
        Assert.Empty(await _app.ReservationsAsync());

        var placed = await (await _app.PlaceWithKeyAsync("fix-and-retry")).ShouldBePlacedAsync();

        Assert.False(placed.Replayed);
        Assert.Single(await _app.ReservationsAsync());
    }

    [Fact]
    public async Task Same_key_from_different_callers_places_independent_orders()
    {
        var dispatcher = await _app.DispatcherAsync();
        var otherDispatcher = await _app.DispatcherAsync();

        var resident = await (await _app.PlaceWithKeyAsync("shared-key")).ShouldBePlacedAsync();
        // Another body under the same text is no reuse when the caller differs: the key is the caller's own.
        var staff = await (await _app.PlaceWithKeyAsync("shared-key", TestApp.NewOrder(text: "电梯停了"), dispatcher)).ShouldBePlacedAsync();
        // The very body the resident sent, by another caller, is not answered with the resident's order.
        var otherStaff = await (await _app.PlaceWithKeyAsync("shared-key", staffKey: otherDispatcher)).ShouldBePlacedAsync();
        var staffAgain = await (await _app.PlaceWithKeyAsync("shared-key", TestApp.NewOrder(text: "电梯停了"), dispatcher)).ShouldBePlacedAsync();

        Assert.Equal(3, new[] { resident.Id, staff.Id, otherStaff.Id }.Distinct().Count());
        Assert.NotEqual(resident.TrackingCode, otherStaff.TrackingCode);
        Assert.All(new[] { resident, staff, otherStaff }, p => Assert.False(p.Replayed));
        Assert.Equal(3, (await _app.OrderIdsAsync()).Length);
        Assert.Equal(3, (await _app.ReservationsAsync()).Count);
        Assert.True(staffAgain.Replayed);
        Assert.Equal(staff.Id, staffAgain.Id);
    }

    [Fact]
    public async Task Concurrent_duplicates_place_exactly_one_order()
    {
        for (var round = 0; round < 3; round++)
        {
            var key = $"burst-{round}";
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _app.PlaceWithKeyAsync(key, OrderWithPhoto())));
            var placed = await Task.WhenAll(responses.Select(r => r.ShouldBePlacedAsync()));

            Assert.Single(placed.Select(p => (p.Id, p.TrackingCode)).Distinct());
            Assert.Single(placed, p => !p.Replayed);
            var id = placed[0].Id;
            var history = (await _app.Services.GetRequiredService<OrderStore>().LoadWithHistoryAsync(id, CancellationToken.None))!.Events;
            Assert.Single(history.OfType<OrderPlaced>());
            Assert.Single(await _app.BlobNamesAsync(), b => b.StartsWith(id + "/", StringComparison.Ordinal));
        }
        Assert.Equal(3, (await _app.OrderIdsAsync()).Length);
        Assert.Equal(3, (await _app.BlobNamesAsync()).Length);
    }
}
