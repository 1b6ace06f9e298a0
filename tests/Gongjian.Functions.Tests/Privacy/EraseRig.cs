using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Privacy;

/// <summary>An order full of personal data, taken through a whole cycle, and raw reads of everything stored about it.</summary>
public static class EraseRig
{
    public const string Name = "欧阳秀英";
    public const string Phone = "13905387766";
    public const string Address = "翠苑小区17号楼3单元502";
    public const string Text = "欧阳家卫生间水管漏水三天了";
    public const string ReopenReason = "水管还在漏，请联系13905387766";
    public const string Comment = "欧阳秀英很满意";

    /// <summary>Everything the resident wrote: none of it may survive erasure in storage.</summary>
    public static readonly string[] Personal = [Name, Phone, Address, Text, ReopenReason, Comment, "欧阳", "13905387766"];

    public static object Order() => new
    {
        text = Text, category = "repair", communityId = "dongqili", address = Address,
        contact = new { name = Name, phone = Phone }, photos = new[] { TestImages.PngBase64() },
    };

    /// <summary>Placed with a before-photo, completed, reopened with a reason, completed again, rated with a comment.</summary>
    public static async Task<(string Id, string Code)> ConfirmedOrderAsync(TestApp app, string dispatcher, string liaison)
    {
        var (id, code) = await app.PlaceAsync(Order());
        await app.DispatchAsync(id, dispatcher);
        await app.AcceptAsync(id, liaison);
        await app.CompleteAsync(id, liaison);
        await (await app.PostAsync($"/api/orders/{id}/reopen", new { reason = ReopenReason }, trackingCode: code)).ReadJsonAsync(200);
        await app.CompleteAsync(id, liaison);
        await (await app.PostAsync($"/api/orders/{id}/confirm", new { rating = 5, comment = Comment }, trackingCode: code)).ReadJsonAsync(200);
        return (id, code);
    }

    /// <summary>Every stored property of every row in the order's partition, as text.</summary>
    public static async Task<List<(string RowKey, string Text)>> PartitionAsync(TestApp app, string id)
    {
        var rows = new List<(string, string)>();
        await foreach (var row in app.Storage.Orders.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
            rows.Add((row.RowKey, string.Join("\n", row.Select(p => $"{p.Key}={p.Value}"))));
        return rows;
    }

    /// <summary>The order's rows in the index (community, street, unit partitions), as text.</summary>
    public static async Task<List<TableEntity>> IndexRowsAsync(TestApp app, string id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Storage.OrderIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId eq {id}")))
            rows.Add(row);
        return rows;
    }

    public static async Task<List<string>> BlobsAsync(TestApp app, string id)
    {
        var names = new List<string>();
        await foreach (var blob in app.Storage.Photos.GetBlobsAsync()) names.Add(blob.Name);
        return names.Where(n => n.StartsWith($"{id}/", StringComparison.Ordinal)).ToList();
    }

    public static string PhotoId(JsonElement photoUrl) => photoUrl.GetString()!.Split('/').Last();

    public static void AssertNoPersonalData(string where, string text)
    {
        foreach (var p in Personal)
            Assert.False(text.Contains(p, StringComparison.Ordinal), $"{where} still holds “{p}”:\n{text}");
    }
}
