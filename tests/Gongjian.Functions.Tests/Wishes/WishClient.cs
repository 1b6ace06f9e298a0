using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>Wish requests on the test app, as residents, people and staff send them.</summary>
internal static class WishClient
{
    public const string ResidentName = "张秀英";
    public const string ResidentPhone = "13812345678";
    public const string PersonName = "李志愿";
    public const string PersonPhone = "13900001111";
    public const string PrivateText = "我孙子在宝盛小区3号楼上三年级，想要一个新书包。";

    public static object NewWish(string community = "dongqili", string text = PrivateText, string category = "study") =>
        new { communityId = community, category, text, contact = new { name = ResidentName, phone = ResidentPhone } };

    public static Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, object? body = null, string? key = null,
        string? trackingCode = null, string? claimCode = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (trackingCode is not null) request.Headers.Add("X-Tracking-Code", trackingCode);
        if (claimCode is not null) request.Headers.Add("X-Claim-Code", claimCode);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(TestApp app, string path, object? body = null, string? key = null, string? trackingCode = null,
        string? claimCode = null, string? idempotencyKey = null) => SendAsync(app, HttpMethod.Post, path, body, key, trackingCode, claimCode, idempotencyKey);

    public static async Task<(string Id, string TrackingCode)> SubmitAsync(TestApp app, object? wish = null)
    {
        var json = await (await PostAsync(app, "/api/wishes", wish ?? NewWish())).ReadJsonAsync(201);
        return (json.GetProperty("id").GetString()!, json.GetProperty("trackingCode").GetString()!);
    }

    public static async Task<(string Id, string TrackingCode)> PublishedAsync(TestApp app, string dispatcher, string publicText = "三年级的小朋友想要一个新书包。")
    {
        var (id, code) = await SubmitAsync(app);
        await (await PostAsync(app, $"/api/wishes/{id}/publish", new { publicText, displayName = "小宇奶奶" }, dispatcher)).ReadJsonAsync(200);
        return (id, code);
    }

    /// <summary>Every row of the wish index, all partitions, as text: what lists and the wall are made of.</summary>
    public static async Task<string> IndexTextAsync(TestApp app)
    {
        var rows = new List<string>();
        await foreach (var row in app.Storage.Table(TableNames.WishIndex).QueryAsync<TableEntity>())
            rows.Add(string.Join("|", row.Select(kv => $"{kv.Key}={kv.Value}")));
        return string.Join("\n", rows);
    }

    public static string Png => Gongjian.Functions.Http.Contract.ApiExamples.PhotoBase64;

    public static IEnumerable<string> Codes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!);
}
