using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Tests.Support;

namespace Gongjian.Bot.Tests.DirectLine;

/// <summary>The Direct Line 3.0 surface Web Chat and DirectLineJS use: tokens, conversations, activities with watermarks.</summary>
public sealed class DirectLineProtocolTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "dl-secret-for-tests-0123456789";
    private BotTestApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await BotTestApp.StartAsync(azurite, new Dictionary<string, string> { ["Bot:DirectLine:Secret"] = Secret });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await _app.Http.SendAsync(request);
    }

    [Fact]
    public async Task Secret_generates_a_token_bound_to_a_new_conversation_which_refreshes()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "wrong")).StatusCode);
        var generated = await (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret)).Content.ReadFromJsonAsync<JsonObject>();
        var conversationId = (string)generated!["conversationId"]!;
        Assert.Equal(3600, (int)generated["expires_in"]!);

        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(conversationId, (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!);
        var again = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var refreshed = await (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", (string)generated["token"]!)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(conversationId, (string)refreshed!["conversationId"]!);
        var page = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", (string)refreshed["token"]!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task User_activity_is_echoed_unchanged_and_the_watermark_moves_on()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        using var request = chat.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities");
        request.Content = JsonContent.Create(new
        {
            type = "message", text = "你好", from = new { id = chat.UserId, name = "李阿姨" },
            channelData = new { clientActivityID = "c-123", attachmentSizes = new[] { 1 } },
            entities = new[] { new { type = "ClientCapabilities", requiresBotState = true } },
        });
        var posted = await (await _app.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)posted!["id"]!;
        Assert.StartsWith(chat.ConversationId + "|", id);
        await chat.BotMessagesAsync(id);

        var echo = chat.Seen.Single(a => (string?)a["id"] == id);
        Assert.Equal("c-123", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal(1, (int)echo["channelData"]!["attachmentSizes"]![0]!);
        Assert.Equal("ClientCapabilities", (string?)echo["entities"]![0]!["type"]);
        Assert.Equal(chat.UserId, (string?)echo["from"]!["id"]);

        using var latest = chat.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities?watermark=999999");
        var empty = await (await _app.Http.SendAsync(latest)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(empty!["activities"]!.AsArray());
        Assert.Equal("999999", (string?)empty["watermark"]);
    }

    [Fact]
    public async Task A_resent_activity_with_the_same_client_id_is_answered_once()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        var body = new { type = "message", text = "你好", from = new { id = chat.UserId }, channelData = new { clientActivityID = "same-1" } };
        for (var i = 0; i < 3; i++)
        {
            using var request = chat.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities");
            request.Content = JsonContent.Create(body);
            Assert.Equal(HttpStatusCode.OK, (await _app.Http.SendAsync(request)).StatusCode);
        }
        // Waits for conditions, not for time: the first copy's answer, then the answer to a later message — turns of a
        // conversation run in order, so a second turn for a copy would have answered before it.
        JsonObject? echo = null;
        for (var polls = 0; polls < 600 && echo is null; polls++)
        {
            await chat.PollAsync();
            echo = chat.Seen.FirstOrDefault(a => (string?)a["channelData"]?["clientActivityID"] == "same-1");
            if (echo is null) await Task.Delay(100);
        }
        Assert.NotNull(echo);
        var echoId = (string)echo["id"]!;
        await chat.BotMessagesAsync(echoId, TimeSpan.FromMinutes(3));
        await chat.SayAsync("谢谢");
        Assert.Single(chat.Seen, a => (string?)a["channelData"]?["clientActivityID"] == "same-1");
        Assert.Single(chat.Seen, a => DirectLineClient.IsBotMessage(a) && (string?)a["replyToId"] == echoId); // one answer
    }

    [Fact]
    public async Task Tokens_are_bound_to_their_conversation_and_expire()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        var other = await DirectLineClient.StartAsync(_app.Http);
        var tokens = _app.Get<DirectLineTokens>();

        var foreign = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{other.ConversationId}/activities", chat.Token);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var expired = tokens.Issue(chat.ConversationId, DateTimeOffset.UtcNow.AddHours(-2));
        var old = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", expired, new { type = "message", text = "你好" });
        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        Assert.Contains("token_expired", await old.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", expired)).StatusCode);
        var tampered = chat.Token[..^3] + (chat.Token[^3..] == "AAA" ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", null)).StatusCode);
    }

    [Fact]
    public async Task Unknown_conversation_is_404_and_malformed_activities_are_400()
    {
        var tokens = _app.Get<DirectLineTokens>();
        var never = DirectLineTokens.NewConversationId();
        var token = tokens.Issue(never);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{never}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{never}/activities", token, new { type = "message", text = "你好" })).StatusCode);

        var chat = await DirectLineClient.StartAsync(_app.Http);
        foreach (var bad in new[]
        {
            "[]", "{\"text\":\"no type\"}", "{\"type\":\"message\",\"text\":42}", "not json",
            "{\"type\":\"message\",\"text\":\"你好\",\"attachments\":5}", "{\"type\":\"message\",\"text\":\"你好\",\"suggestedActions\":5}",
        })
        {
            using var request = chat.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities");
            request.Content = new StringContent(bad, System.Text.Encoding.UTF8, "application/json");
            var response = await _app.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var badWatermark = chat.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities?watermark=abc");
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Http.SendAsync(badWatermark)).StatusCode);
    }

    [Fact]
    public async Task Oversized_text_gets_a_polite_answer_and_is_not_stored()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        using var request = chat.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities");
        request.Content = JsonContent.Create(new { type = "message", text = new string('灯', 2001), from = new { id = chat.UserId } });
        var response = await _app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text_too_long", await response.Content.ReadAsStringAsync());
        bool Answered() => chat.Seen.Any(a => DirectLineClient.IsBotMessage(a) && ((string?)a["text"])!.Contains("太长"));
        for (var polls = 0; polls < 600 && !Answered(); polls++) { await chat.PollAsync(); if (!Answered()) await Task.Delay(100); }
        Assert.True(Answered(), "no polite answer to the oversized text");
        Assert.DoesNotContain(chat.Seen, a => ((string?)a["text"])?.Length > 2000);
    }

    [Fact]
    public async Task Cors_preflight_allows_the_headers_web_chat_sends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://community.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        var response = await _app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("Authorization", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }

    [Fact]
    public async Task Direct_line_is_also_served_under_the_functions_route_prefix()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http, "/api/v3/directline");
        var greeting = await chat.BotMessagesAsync(null);
        Assert.Contains("共建小助手", (string?)greeting[0]["text"]);
        Assert.Contains("我要点单", DirectLineClient.Describe(greeting[0]));
    }
}
