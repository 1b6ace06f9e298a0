using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>Small steps shared by the bad-input, access, photo and storage tests (kept out of Support/).</summary>
public static partial class BadInputHelpers
{
    public const string Phone = "13805381234";
    public const string HouseNumber = "301";

    /// <summary>Order ids on one page of GET /api/orders, in the order the API returned them.</summary>
    public static async Task<string[]> ListIdsAsync(this TestApp app, string key, string query = "")
    {
        var page = await (await app.GetAsync($"/api/orders{query}", key)).ReadJsonAsync(200);
        return Ids(page);
    }

    public static string[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    public static async Task<string[]> BlobNamesAsync(this TestApp app)
    {
        var names = new List<string>();
        await foreach (var blob in app.Storage.Photos.GetBlobsAsync()) names.Add(blob.Name);
        return names.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every (PartitionKey, RowKey) in the orders table: the state, events and outbox rows of all orders.</summary>
    public static async Task<string[]> OrderRowKeysAsync(this TestApp app)
    {
        var keys = new List<string>();
        await foreach (var row in app.Storage.Orders.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            keys.Add($"{row.PartitionKey}/{row.RowKey}");
        return keys.Order(StringComparer.Ordinal).ToArray();
    }

    public static async Task DispatchAsync(this TestApp app, string id, string dispatcher, string unitId = "baosheng-property") =>
        await (await app.PostAsync($"/api/orders/{id}/dispatch", new { unitId }, dispatcher)).ReadJsonAsync(200);

    public static async Task AcceptAsync(this TestApp app, string id, string liaison) =>
        await (await app.PostAsync($"/api/orders/{id}/accept", new { }, liaison)).ReadJsonAsync(200);

    public static async Task CompleteAsync(this TestApp app, string id, string liaison) =>
        await (await app.PostAsync($"/api/orders/{id}/complete", new { note = "已修好", photos = new[] { TestImages.PngBase64() } }, liaison)).ReadJsonAsync(200);

    /// <summary>Places an order and takes it through dispatch, accept and complete; returns id and tracking code.</summary>
    public static async Task<(string Id, string Code)> CompletedOrderAsync(this TestApp app, string dispatcher, string liaison)
    {
        var (id, code) = await app.PlaceAsync();
        await app.DispatchAsync(id, dispatcher);
        await app.AcceptAsync(id, liaison);
        await app.CompleteAsync(id, liaison);
        return (id, code);
    }

    /// <summary>
    /// Whether the house number stands in the text as a number of its own ("2单元301", "301室"), not as three digits
    /// inside an id, a token, a photo signature or a timestamp's fractional seconds, which could hold any digits.
    /// </summary>
    public static bool MentionsHouseNumber(string text) => StandaloneHouseNumber().IsMatch(text);

    [GeneratedRegex("(?<![0-9A-Za-z%+/=.:_-])" + HouseNumber + "(?![0-9A-Za-z])")]
    private static partial Regex StandaloneHouseNumber();
}
