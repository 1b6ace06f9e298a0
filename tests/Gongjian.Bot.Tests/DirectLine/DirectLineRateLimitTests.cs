using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.DirectLine;

/// <summary>
/// Abuse limits on the chat's anonymous endpoints, on the real app: tokens and conversation starts per
/// client address, activities and uploads per conversation. A refusal is the same 429 problem with
/// Retry-After as on the API, and keeps Direct Line's CORS headers so Web Chat can read it. The limiter
/// reads the app's clock: held still during a test, moved past the window by hand.
/// </summary>
public sealed class DirectLineRateLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly MovableClock _clock = new();
    private BotTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:TrustedProxies"] = "127.0.0.1,::1",
        ["RateLimits:ChatTokens:PermitLimit"] = "2", ["RateLimits:ChatTokens:Window"] = Window.ToString(),
        ["RateLimits:Conversations:PermitLimit"] = "2", ["RateLimits:Conversations:Window"] = Window.ToString(),
        ["RateLimits:Activities:PermitLimit"] = "3", ["RateLimits:Activities:Window"] = Window.ToString(),
        ["RateLimits:Uploads:PermitLimit"] = "1", ["RateLimits:Uploads:Window"] = Window.ToString(),
    }, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response, TimeSpan remaining)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal("请求过于频繁，请稍后再试。", problem.GetProperty("title").GetString());
        Assert.Equal(remaining, response.Headers.RetryAfter?.Delta);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string? forwardedFor = null, string? bearer = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Add("Origin", "https://gongjian.example");
        return _app.Http.SendAsync(request);
    }

    private static HttpContent Message(string text) => JsonContent.Create(new { type = "message", text, from = new { id = "u-1", role = "user" } });

    [Fact]
    public async Task A_conversation_over_its_activity_limit_gets_429_others_do_not_and_it_may_talk_again_after_the_window()
    {
        var chatty = await DirectLineClient.StartAsync(_app.Http);
        var quiet = await DirectLineClient.StartAsync(_app.Http);
        for (var i = 0; i < 3; i++) await chatty.SendAsync($"你好{i}");

        var refused = await PostAsync($"/v3/directline/conversations/{chatty.ConversationId}/activities", bearer: chatty.Token, content: Message("还在吗"));
        await ShouldBeRateLimitedAsync(refused, Window);
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The same conversation under the Functions host's /api prefix is the same budget.
        await ShouldBeRateLimitedAsync(await PostAsync($"/api/v3/directline/conversations/{chatty.ConversationId}/activities",
            bearer: chatty.Token, content: Message("还在吗")), Window);

        await quiet.SendAsync("你好");

        _clock.Advance(Window);
        await chatty.SendAsync("现在可以了吗");
    }

    [Fact]
    public async Task Chat_tokens_are_limited_per_client_address()
    {
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/chat/token", "203.0.113.40")).StatusCode);
        await ShouldBeRateLimitedAsync(await PostAsync("/api/chat/token", "203.0.113.40"), Window);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/chat/token", "203.0.113.41")).StatusCode);

        _clock.Advance(Window);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/chat/token", "203.0.113.40")).StatusCode);
    }

    [Fact]
    public async Task Conversation_starts_are_limited_per_client_address()
    {
        var session = await (await PostAsync("/api/chat/token", "203.0.113.50")).Content.ReadFromJsonAsync<JsonElement>();
        var token = session.GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/v3/directline/conversations", "203.0.113.50", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v3/directline/conversations", "203.0.113.50", token)).StatusCode);

        await ShouldBeRateLimitedAsync(await PostAsync("/v3/directline/conversations", "203.0.113.50", token), Window);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v3/directline/conversations", "203.0.113.51", token)).StatusCode);
    }

    [Fact]
    public async Task Uploads_are_limited_per_conversation()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        static HttpContent Form()
        {
            var photo = new ByteArrayContent(TestImages.Png());
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            return new MultipartFormDataContent
            {
                { new StringContent("""{"type":"message","text":"照片","from":{"id":"u-1"}}"""), "activity" },
                { photo, "file", "photo.png" },
            };
        }
        var path = $"/v3/directline/conversations/{chat.ConversationId}/upload";

        var first = await PostAsync(path, bearer: chat.Token, content: Form());
        Assert.True(first.IsSuccessStatusCode, $"{(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        await ShouldBeRateLimitedAsync(await PostAsync(path, bearer: chat.Token, content: Form()), Window);
    }
}
