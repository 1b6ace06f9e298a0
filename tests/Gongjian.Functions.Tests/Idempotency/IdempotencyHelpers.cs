using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Idempotency;

/// <summary>Requests with an Idempotency-Key, and what the tables hold afterwards.</summary>
public static class IdempotencyHelpers
{
    /// <summary>POST /api/orders with the header sent exactly as given (no client-side validation).</summary>
    public static Task<HttpResponseMessage> PlaceWithKeyAsync(this TestApp app, string? idempotencyKey, object? body = null, string? staffKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body ?? TestApp.NewOrder()),
        };
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, idempotencyKey);
        if (staffKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staffKey);
        return app.Http.SendAsync(request);
    }

    public sealed record Placed(string Id, string TrackingCode, string? Location, bool Replayed, JsonElement Body);

    public static async Task<Placed> ShouldBePlacedAsync(this HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync(201);
        var replayed = response.Headers.TryGetValues(IdempotencyKeyHeader.Replayed, out var values) ? Assert.Single(values) : null;
        Assert.True(replayed is null or "true", $"unexpected {IdempotencyKeyHeader.Replayed}: {replayed}");
        return new Placed(json.GetProperty("id").GetString()!, json.GetProperty("trackingCode").GetString()!,
            response.Headers.Location?.OriginalString, replayed == "true", json);
    }

    /// <summary>The ids of every order in the store (one state row each).</summary>
    public static async Task<string[]> OrderIdsAsync(this TestApp app)
    {
        var ids = new List<string>();
        await foreach (var row in app.Storage.Orders.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            if (row.RowKey == $"state-{row.PartitionKey}") ids.Add(row.PartitionKey);
        return ids.Order(StringComparer.Ordinal).ToArray();
    }

    public static async Task<List<TableEntity>> ReservationsAsync(this TestApp app)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Storage.Idempotency.QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    /// <summary>The request <see cref="TestApp.NewOrder"/> sends, as the API parses it (for fingerprints of planted rows).</summary>
    public static PlaceOrderRequest NewOrderRequest() => new()
    {
        Text = "三楼楼道灯坏了一个星期了", Category = "repair", CommunityId = "dongqili", Address = "宝盛小区3号楼2单元301",
        Contact = new ContactInput { Name = "李秀英", Phone = "13805381234" },
    };

    /// <summary>Writes a reservation as a request that stopped right after reserving would have left it.</summary>
    public static async Task PlantReservationAsync(this TestApp app, string key, string orderId, string trackingCode, DateTimeOffset createdAt)
    {
        var idempotencyKey = IdempotencyKey.For(null, key);
        var fingerprint = idempotencyKey.Fingerprint(NewOrderRequest(), ApiJson.Web.PlaceOrderRequest);
        await app.Storage.Idempotency.AddEntityAsync(IdempotencyStore.Row(idempotencyKey, fingerprint, orderId, trackingCode, createdAt));
    }
}
