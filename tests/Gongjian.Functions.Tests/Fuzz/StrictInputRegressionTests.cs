using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gongjian.Bot.DirectLine;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// The 500s a newcomer found with 3,000 malformed requests (issue 8), each kept as it was reported,
/// and the strict reader's refusals they are now: one problem shape, a stable code, the field named.
/// </summary>
public sealed class StrictInputRegressionTests(AzuriteFixture azurite)
{
    private const string Secret = "regression-directline-secret-42";

    private Task<TestApp> StartAsync() =>
        TestApp.StartAsync(azurite, "--Bot:AllowAnonymous=true", $"--Bot:DirectLine:Secret={Secret}");

    private static async Task<(string Conversation, string Token)> ConversationAsync(TestApp app)
    {
        var conversation = DirectLineTokens.NewConversationId();
        await app.Services.GetRequiredService<TranscriptStore>().CreateAsync(conversation, CancellationToken.None);
        return (conversation, app.Services.GetRequiredService<DirectLineTokens>().Issue(conversation));
    }

    private static HttpRequestMessage Post(string path, byte[] body, string contentType, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Direct_Line_activity_with_a_duplicate_key_is_refused_not_a_500()
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/activities",
            Utf8("{\"type\":\"message\",\"text\":\"a\",\"text\":\"b\"}"), "application/json", token));
        var problem = await response.ShouldBeProblemAsync(400, "duplicate_field");
        Assert.Equal("text", problem.GetProperty("field").GetString());
    }

    public static TheoryData<string, string, string> LoneSurrogates => new()
    {
        { "text", "{\"type\":\"message\",\"text\":\"灯坏了\\ud800\"}", "invalid_unicode" },
        { "from.id", "{\"type\":\"message\",\"text\":\"灯坏了\",\"from\":{\"id\":\"\\udc00u\"}}", "invalid_unicode" },
        { "channelData.clientActivityID", "{\"type\":\"message\",\"text\":\"x\",\"channelData\":{\"clientActivityID\":\"c\\ud800\"}}", "invalid_unicode" },
        { "text", "{\"type\":\"message\",\"text\":\"灯坏了RAW\"}", "invalid_encoding" },
        { "from.id", "{\"type\":\"message\",\"text\":\"x\",\"from\":{\"id\":\"RAW\"}}", "invalid_encoding" },
        { "channelData.clientActivityID", "{\"type\":\"message\",\"text\":\"x\",\"channelData\":{\"clientActivityID\":\"cRAW\"}}", "invalid_encoding" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task Direct_Line_activity_with_a_lone_surrogate_is_refused_naming_the_field(string field, string json, string code)
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        // RAW stands for the bytes ED A0 80: a surrogate encoded as UTF-8, which UTF-8 forbids.
        var parts = json.Split("RAW");
        byte[] body = parts.Length == 1 ? Utf8(json) : [.. Utf8(parts[0]), 0xED, 0xA0, 0x80, .. Utf8(parts[1])];
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/activities", body, "application/json", token));
        var problem = await response.ShouldBeProblemAsync(400, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        var transcript = await app.Services.GetRequiredService<TranscriptStore>().ReadAsync(conversation, 0, CancellationToken.None);
        Assert.Empty(transcript!.Activities);
    }

    [Fact]
    public async Task Direct_Line_upload_without_a_boundary_is_refused_not_a_500()
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        var body = Utf8("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc\r\n--x--\r\n");
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/upload", body, "multipart/form-data", token));
        await response.ShouldBeProblemAsync(400, "invalid_upload");
    }

    [Fact]
    public async Task Direct_Line_upload_with_an_empty_body_is_refused_and_stores_nothing()
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/upload", [], "multipart/form-data; boundary=x", token));
        var problem = await response.ShouldBeProblemAsync(400, "empty_upload");
        Assert.False(problem.TryGetProperty("id", out _));
        var transcript = await app.Services.GetRequiredService<TranscriptStore>().ReadAsync(conversation, 0, CancellationToken.None);
        Assert.Empty(transcript!.Activities);
    }

    [Fact]
    public async Task Direct_Line_upload_cut_off_before_its_closing_boundary_is_refused_not_a_500()
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        var body = Utf8("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nabc");
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/upload", body, "multipart/form-data; boundary=x", token));
        await response.ShouldBeProblemAsync(400, "invalid_upload");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{\"id\":5}")]
    public async Task Direct_Line_sender_of_the_wrong_shape_is_refused_not_replaced(string from)
    {
        await using var app = await StartAsync();
        var (conversation, token) = await ConversationAsync(app);
        var response = await app.Http.SendAsync(Post($"/v3/directline/conversations/{conversation}/activities",
            Utf8($"{{\"type\":\"message\",\"text\":\"你好\",\"from\":{from}}}"), "application/json", token));
        var problem = await response.ShouldBeProblemAsync(400, "invalid_activity");
        Assert.Equal("from", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Bot_messages_with_a_non_bearer_authorization_are_refused_even_when_anonymous_is_allowed()
    {
        await using var app = await StartAsync();
        var request = Post("/api/messages", Utf8($$$"""
            {"type":"message","id":"b-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:{{{FreePort.Next()}}}","text":"你好",
             "from":{"id":"u"},"conversation":{"id":"c-basic"}}
            """), "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bot_message_too_long_whose_reply_cannot_be_delivered_is_acknowledged_not_a_500()
    {
        await using var app = await StartAsync();
        var deadServiceUrl = $"http://127.0.0.1:{FreePort.Next()}"; // nothing listens: the apology cannot be delivered
        var activity = $$$"""
            {"type":"message","id":"long-1","channelId":"emulator","serviceUrl":"{{{deadServiceUrl}}}","text":"{{{new string('灯', 2001)}}}",
             "from":{"id":"resident-1"},"recipient":{"id":"bot"},"conversation":{"id":"conv-long-1"}}
            """;
        var response = await app.Http.SendAsync(Post("/api/messages", Utf8(activity), "application/json"));
        // Bot Framework: the activity was received; that the reply could not go out is the bot's problem, logged.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_json_to_units_is_refused_as_too_deep()
    {
        await using var app = await StartAsync();
        var admin = await app.KeyAsync(ActorRole.Admin);
        var nested = new StringBuilder("{\"id\":");
        for (var i = 0; i < 9000; i++) nested.Append('[');
        for (var i = 0; i < 9000; i++) nested.Append(']');
        nested.Append('}');
        Assert.True(nested.Length > 18_000);
        var response = await app.Http.SendAsync(Post("/api/units", Utf8(nested.ToString()), "application/json", admin));
        var problem = await response.ShouldBeProblemAsync(400, "too_deep");
        Assert.Equal("id", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("text", "\\u0000")]
    [InlineData("address", "\\u0000")]
    [InlineData("text", "三楼\\u0007灯坏了")]
    [InlineData("address", "宝盛小区\\u001b3号楼")]
    [InlineData("contact.name", "李\\u0000秀英")]
    [InlineData("text", "灯坏了\\u0085")]
    public async Task A_control_character_in_an_order_field_is_refused_naming_the_field(string field, string escaped)
    {
        await using var app = await StartAsync();
        var values = new Dictionary<string, string> { ["text"] = "三楼楼道灯坏了", ["address"] = "宝盛小区3号楼2单元301", ["contact.name"] = "李秀英" };
        values[field] = escaped;
        var json = $$$"""
            {"text":"{{{values["text"]}}}","category":"repair","communityId":"dongqili","address":"{{{values["address"]}}}",
             "contact":{"name":"{{{values["contact.name"]}}}","phone":"13805381234"}}
            """;
        var response = await app.Http.SendAsync(Post("/api/orders", Utf8(json), "application/json"));
        var problem = await response.ShouldBeProblemAsync(400, "control_character");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Line_breaks_and_tabs_stay_allowed_in_free_text()
    {
        await using var app = await StartAsync();
        var json = """
            {"text":"三楼楼道灯坏了\n已经一个星期\r\n\t晚上很黑","category":"repair","communityId":"dongqili","address":"宝盛小区3号楼",
             "contact":{"name":"李秀英","phone":"13805381234"}}
            """;
        var response = await app.Http.SendAsync(Post("/api/orders", Utf8(json), "application/json"));
        await response.ReadJsonAsync(201);
    }

    [Fact]
    public async Task Api_refuses_duplicate_keys_even_in_another_case()
    {
        await using var app = await StartAsync();
        var json = """{"text":"a","Text":"b","category":"repair","communityId":"dongqili","address":"宝盛小区","contact":{"name":"李秀英","phone":"13805381234"}}""";
        var response = await app.Http.SendAsync(Post("/api/orders", Utf8(json), "application/json"));
        var problem = await response.ShouldBeProblemAsync(400, "duplicate_field");
        Assert.Equal("Text", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Api_names_wrong_content_type_and_size_with_their_own_status()
    {
        await using var app = await StartAsync();
        var admin = await app.KeyAsync(ActorRole.Admin);
        await (await app.Http.SendAsync(Post("/api/units", Utf8("{}"), "text/plain", admin))).ShouldBeProblemAsync(415, "unsupported_media_type");
        await (await app.Http.SendAsync(Post("/api/units", Utf8("{}"), "application/json; charset=gbk", admin))).ShouldBeProblemAsync(415, "unsupported_media_type");
        var big = Utf8("{\"id\":\"" + new string('x', 70 * 1024) + "\"}");
        await (await app.Http.SendAsync(Post("/api/units", big, "application/json", admin))).ShouldBeProblemAsync(413, "request_too_large");
    }

    [Fact]
    public async Task Bot_endpoints_answer_the_same_problem_shape()
    {
        await using var app = await StartAsync();
        var response = await app.Http.SendAsync(Post("/api/messages", Utf8("{\"type\":\"message\",\"type\":\"x\"}"), "application/json"));
        var problem = await response.ShouldBeProblemAsync(400, "duplicate_field");
        Assert.Equal("type", problem.GetProperty("field").GetString());
        Assert.StartsWith("https://gongjian.dev/problems/", problem.GetProperty("type").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
