using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>
/// Every way a resident's POST /api/orders can be wrong gets its own status, code and field —
/// and leaves nothing behind: no order, no index row, no photo blob.
/// </summary>
public sealed class BadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Case name, expected status, code, and field (null: the answer names no field, or need not).</summary>
    public static TheoryData<string, int, string, string?> Cases => new()
    {
        { "malformed_json", 400, "invalid_json", null },
        { "json_array", 400, "invalid_json", null },
        { "text_plain", 415, "unsupported_media_type", null },
        { "empty_body", 400, "body_required", null },
        { "json_null", 400, "body_required", null },
        { "unknown_field", 400, "unknown_field", "mood" },
        { "unknown_nested_field", 400, "unknown_field", "contact.wechat" },
        { "text_is_a_number", 400, "invalid_field_type", "text" },
        { "phone_is_a_number", 400, "invalid_field_type", "contact.phone" },
        { "missing_address", 400, "missing_field", "address" },
        { "missing_nested_phone", 400, "missing_field", "contact.phone" },
        { "null_text", 400, "invalid_field_type", "text" },
        { "text_2001_chars", 400, "text_too_long", null },
        { "whitespace_text", 400, "text_required", null },
        { "unknown_category", 400, "unknown_category", "category" },
        { "unknown_community", 400, "unknown_community", "communityId" },
        { "invalid_phone", 400, "invalid_phone", null },
        { "ten_photos", 400, "too_many_photos", "photos" },
        { "text_file_as_photo", 400, "photo_not_an_image", "photos[0]" },
        { "good_photo_then_text_file", 400, "photo_not_an_image", "photos[1]" },
        { "invalid_base64", 400, "invalid_photo_encoding", "photos[0]" },
        { "photo_10MiB_plus_1", 413, "photo_too_large", "photos[0]" },
        { "body_over_40MB", 413, "request_too_large", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_order_is_refused_with_its_code_and_nothing_is_stored(string @case, int status, string code, string? field)
    {
        var dispatcher = await _app.DispatcherAsync();
        var (existing, _) = await _app.PlaceAsync();
        var (listBefore, rowsBefore) = (await _app.ListIdsAsync(dispatcher), await _app.OrderRowKeysAsync());
        Assert.Equal([existing], listBefore);

        using var request = BadRequest(@case);
        var problem = await (await _app.Http.SendAsync(request, TestContext.Current.CancellationToken)).ShouldBeProblemAsync(status, code);

        if (field is not null) Assert.Equal(field, problem.TryGetProperty("field", out var f) ? f.GetString() : null);
        Assert.Equal(listBefore, await _app.ListIdsAsync(dispatcher));
        Assert.Equal(rowsBefore, await _app.OrderRowKeysAsync());
        Assert.Empty(await _app.BlobNamesAsync());
    }

    [Fact]
    public async Task Text_of_exactly_2000_chars_is_accepted()
    {
        var (id, _) = await _app.PlaceAsync(TestApp.NewOrder(text: new string('灯', 2000)));
        Assert.NotEmpty(id);
    }

    private static HttpRequestMessage BadRequest(string @case)
    {
        var order = JsonSerializer.SerializeToNode(TestApp.NewOrder())!.AsObject();
        order.Remove("photos");
        string? raw = null;
        var contentType = "application/json";
        switch (@case)
        {
            case "malformed_json": raw = """{"text": "灯坏了", "communityId": """; break;
            case "json_array": raw = "[]"; break;
            case "text_plain": raw = order.ToJsonString(); contentType = "text/plain"; break;
            case "empty_body": raw = ""; break;
            case "json_null": raw = "null"; break;
            case "unknown_field": order["mood"] = "急"; break;
            case "unknown_nested_field": order["contact"]!["wechat"] = "li-xiuying"; break;
            case "text_is_a_number": order["text"] = 42; break;
            case "phone_is_a_number": order["contact"]!["phone"] = 13805381234; break;
            case "missing_address": order.Remove("address"); break;
            case "missing_nested_phone": order["contact"]!.AsObject().Remove("phone"); break;
            case "null_text": order["text"] = null; break;
            case "text_2001_chars": order["text"] = new string('灯', 2001); break;
            case "whitespace_text": order["text"] = " \t\n　 "; break;
            case "unknown_category": order["category"] = "plumbing"; break;
            case "unknown_community": order["communityId"] = "xiqili"; break;
            case "invalid_phone": order["contact"]!["phone"] = "138-0538-12"; break;
            case "ten_photos": order["photos"] = Photos(Enumerable.Repeat(TestImages.PngBase64(), 10)); break;
            case "text_file_as_photo": order["photos"] = Photos(TextFile()); break;
            case "good_photo_then_text_file": order["photos"] = Photos(TestImages.PngBase64(), TextFile()); break;
            case "invalid_base64": order["photos"] = Photos("这不是base64!!"); break;
            case "photo_10MiB_plus_1": order["photos"] = Photos(Convert.ToBase64String(PngOf(10 * 1024 * 1024 + 1))); break;
            case "body_over_40MB": order["text"] = new string('x', 41 * 1024 * 1024); break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = new StringContent(raw ?? order.ToJsonString(), Encoding.UTF8, contentType),
        };
        // Like any client sending a large upload: let the server refuse it before the body is on the wire.
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static JsonArray Photos(params IEnumerable<string> base64) => new(base64.Select(p => (JsonNode)p).ToArray());

    private static string TextFile() => Convert.ToBase64String(Encoding.UTF8.GetBytes("居民的购物清单：白菜、豆腐、鸡蛋。\n"));

    /// <summary>A PNG signature followed by zeros: over the limit, which is checked before the bytes are parsed.</summary>
    private static byte[] PngOf(int length)
    {
        var bytes = new byte[length];
        TestImages.Png().AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }
}
