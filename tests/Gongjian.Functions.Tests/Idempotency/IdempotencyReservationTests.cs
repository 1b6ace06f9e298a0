using System.Text.Json;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Idempotency;

/// <summary>Reservation rows: left behind by a crash, expired, purged, and what they keep of the tracking code.</summary>
public sealed class IdempotencyReservationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Retry_after_a_crash_between_reserving_and_storing_places_the_reserved_order()
    {
        var (reservedId, reservedCode) = (OrderIds.NewOrderId(DateTimeOffset.UtcNow), OrderIds.NewTrackingCode());
        await _app.PlantReservationAsync("crashed", reservedId, reservedCode, DateTimeOffset.UtcNow.AddMinutes(-1));

        var completed = await (await _app.PlaceWithKeyAsync("crashed")).ShouldBePlacedAsync();
        var replayed = await (await _app.PlaceWithKeyAsync("crashed")).ShouldBePlacedAsync();

        Assert.Equal((reservedId, reservedCode), (completed.Id, completed.TrackingCode));
        Assert.Equal($"/api/orders/{reservedId}", completed.Location);
        Assert.Equal([reservedId], await _app.OrderIdsAsync());
        Assert.True(replayed.Replayed);
        Assert.Equal(reservedId, replayed.Id);
        var order = await (await _app.GetAsync($"/api/orders/{reservedId}", trackingCode: reservedCode)).ReadJsonAsync(200);
        Assert.Equal("placed", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Expired_reservation_counts_as_absent_and_is_replaced_by_a_new_order()
    {
        var staleId = OrderIds.NewOrderId(DateTimeOffset.UtcNow.AddDays(-1));
        await _app.PlantReservationAsync("yesterday", staleId, OrderIds.NewTrackingCode(), DateTimeOffset.UtcNow.AddHours(-24).AddMinutes(-1));

        var placed = await (await _app.PlaceWithKeyAsync("yesterday")).ShouldBePlacedAsync();

        Assert.False(placed.Replayed);
        Assert.NotEqual(staleId, placed.Id);
        Assert.Equal([placed.Id], await _app.OrderIdsAsync());
        var row = Assert.Single(await _app.ReservationsAsync());
        Assert.Equal(placed.Id, row.GetString("OrderId"));
        Assert.True(row.GetDateTimeOffset("CreatedAt") > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Reservation_just_inside_24_hours_is_still_honoured()
    {
        var (id, code) = (OrderIds.NewOrderId(DateTimeOffset.UtcNow), OrderIds.NewTrackingCode());
        await _app.PlantReservationAsync("almost-a-day", id, code, DateTimeOffset.UtcNow.AddHours(-23).AddMinutes(-50));

        var placed = await (await _app.PlaceWithKeyAsync("almost-a-day")).ShouldBePlacedAsync();

        Assert.Equal((id, code), (placed.Id, placed.TrackingCode));
    }

    [Fact]
    public async Task Purge_deletes_only_reservations_older_than_24_hours()
    {
        var now = DateTimeOffset.UtcNow;
        await _app.PlantReservationAsync("old-1", OrderIds.NewOrderId(now), OrderIds.NewTrackingCode(), now.AddHours(-25));
        await _app.PlantReservationAsync("old-2", OrderIds.NewOrderId(now), OrderIds.NewTrackingCode(), now.AddDays(-3));
        await _app.PlantReservationAsync("recent", OrderIds.NewOrderId(now), OrderIds.NewTrackingCode(), now.AddHours(-23));
        var placed = await (await _app.PlaceWithKeyAsync("fresh")).ShouldBePlacedAsync();
        var keep = new[] { IdempotencyKey.For(null, "recent").RowKey, IdempotencyKey.For(null, "fresh").RowKey }.Order().ToArray();

        var purge = _app.Services.GetRequiredService<FunctionCatalog>().All.Single(f => f.Name == "PurgeIdempotencyKeys");
        Assert.IsType<TimerTrigger>(purge.Trigger);
        await purge.Run!(new FunctionInvocation { FunctionName = purge.Name, InvocationId = "purge" }, _app.Services, CancellationToken.None);

        Assert.Equal(keep, (await _app.ReservationsAsync()).Select(r => r.RowKey).Order().ToArray());
        var replay = await (await _app.PlaceWithKeyAsync("fresh")).ShouldBePlacedAsync();
        Assert.True(replay.Replayed);
        Assert.Equal(placed.Id, replay.Id);
    }

    [Fact]
    public async Task Reservation_keeps_neither_the_key_nor_the_tracking_code_in_clear()
    {
        var placed = await (await _app.PlaceWithKeyAsync("secret-key-123")).ShouldBePlacedAsync();

        var row = Assert.Single(await _app.ReservationsAsync());
        var stored = JsonSerializer.Serialize(row.ToDictionary(p => p.Key, p => p.Value?.ToString()));
        Assert.Equal(placed.Id, row.GetString("OrderId"));
        Assert.DoesNotContain(placed.TrackingCode, stored);
        Assert.DoesNotContain(placed.TrackingCode.Replace("-", ""), stored);
        Assert.DoesNotContain("secret-key-123", stored);
        Assert.Matches("^[0-9a-f]{64}$", row.PartitionKey);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_header_and_the_replay()
    {
        var doc = await (await _app.GetAsync("/api/openapi.json")).ReadJsonAsync(200);
        var post = doc.GetProperty("paths").GetProperty("/api/orders").GetProperty("post");

        var header = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Equal(64, header.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.True(post.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("422", out _));
    }
}
