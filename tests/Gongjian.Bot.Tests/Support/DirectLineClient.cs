using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongjian.Bot.Tests.Support;

/// <summary>A plain HTTP Direct Line 3.0 client for tests: start a conversation, send, and wait for the bot's answer.</summary>
public sealed class DirectLineClient
{
    private readonly HttpClient _http;
    private long _watermark;

    private DirectLineClient(HttpClient http, string conversationId, string token)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
    }

    public string ConversationId { get; }
    public string Token { get; }
    public string UserId { get; } = "u-" + Guid.NewGuid().ToString("N")[..8];
    public List<JsonObject> Seen { get; } = [];

    /// <summary>Gets a token from the chat page's token endpoint and starts the conversation (the bot greets).</summary>
    public static async Task<DirectLineClient> StartAsync(HttpClient http, string prefix = "/v3/directline")
    {
        var session = await (await http.PostAsync("/api/chat/token", null)).Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)session!["token"]!;
        var client = new DirectLineClient(http, (string)session["conversationId"]!, token) { Prefix = prefix };
        using var start = client.Request(HttpMethod.Post, $"{prefix}/conversations");
        start.Content = JsonContent.Create(new { user = new { id = client.UserId } });
        var response = await http.SendAsync(start);
        Assert.True(response.IsSuccessStatusCode, $"start: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Comes back to a conversation with a token for it: <c>POST conversations</c> (201 and a greeting if it had ended).</summary>
    public static async Task<(DirectLineClient Client, int Status)> ResumeAsync(HttpClient http, string conversationId, string token)
    {
        var client = new DirectLineClient(http, conversationId, token);
        using var start = client.Request(HttpMethod.Post, "/v3/directline/conversations");
        start.Content = JsonContent.Create(new { user = new { id = client.UserId } });
        var response = await http.SendAsync(start);
        return (client, (int)response.StatusCode);
    }

    public string Prefix { get; private init; } = "/v3/directline";

    public HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    public async Task<string> SendAsync(string text, object? value = null)
    {
        using var request = Request(HttpMethod.Post, $"{Prefix}/conversations/{ConversationId}/activities");
        request.Content = JsonContent.Create(new
        {
            type = "message", text, value, from = new { id = UserId, role = "user" },
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        });
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"send '{text}': {(int)response.StatusCode} {body}");
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    /// <summary>Shares a location the way a channel that has one does (a Bot Framework <c>Place</c> entity) and returns the bot's answer.</summary>
    public async Task<string> ShareLocationAsync(double lat, double lon, string? name)
    {
        using var request = Request(HttpMethod.Post, $"{Prefix}/conversations/{ConversationId}/activities");
        request.Content = JsonContent.Create(new
        {
            type = "message", text = "", from = new { id = UserId, role = "user" },
            entities = new[] { new { type = "Place", name, geo = new { type = "GeoCoordinates", latitude = lat, longitude = lon } } },
        });
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"share location: {(int)response.StatusCode} {body}");
        var replies = await BotMessagesAsync((string)JsonNode.Parse(body)!["id"]!);
        return string.Join("\n", replies.Select(Describe));
    }

    /// <summary>Sends a message with files as data: URLs (what Web Chat's upload becomes) and returns the bot's answer.</summary>
    public Task<string> SendFileAsync(string text, string contentType, byte[] bytes) => SendFilesAsync(text, [(contentType, bytes)]);

    /// <summary>Sends one message carrying several files as data: URLs and returns the bot's answer.</summary>
    public async Task<string> SendFilesAsync(string text, IReadOnlyList<(string ContentType, byte[] Bytes)> files)
    {
        using var request = Request(HttpMethod.Post, $"{Prefix}/conversations/{ConversationId}/activities");
        request.Content = JsonContent.Create(new
        {
            type = "message", text, from = new { id = UserId, role = "user" },
            attachments = files.Select((f, i) => new { contentType = f.ContentType, name = $"photo-{i}", contentUrl = $"data:{f.ContentType};base64,{Convert.ToBase64String(f.Bytes)}" }).ToArray(),
        });
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"send file: {(int)response.StatusCode} {body}");
        var replies = await BotMessagesAsync((string)JsonNode.Parse(body)!["id"]!);
        return string.Join("\n", replies.Select(Describe));
    }

    /// <summary>Sends a file the way Web Chat does: multipart to /upload, the activity in part "activity".</summary>
    public async Task<string> UploadAsync(string text, string contentType, byte[] bytes)
    {
        using var request = Request(HttpMethod.Post, $"{Prefix}/conversations/{ConversationId}/upload?userId={UserId}");
        var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "message", text, from = new { id = UserId, role = "user" },
            attachments = new[] { new { contentType, name = "after.png" } },
        }));
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "after.png");
        request.Content = form;
        var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {body}");
        var id = (string)JsonNode.Parse(body)!["id"]!;
        var replies = await BotMessagesAsync(id);
        var echo = Seen.Single(a => (string?)a["id"] == id);
        Assert.Null(echo["attachments"]![0]!["contentUrl"]); // the bytes went to the bot, not into the transcript
        return string.Join("\n", replies.Select(Describe));
    }

    /// <summary>Polls until the bot has answered activity <paramref name="replyToId"/> (or, with null, said anything); returns the bot's messages.</summary>
    public async Task<IReadOnlyList<JsonObject>> BotMessagesAsync(string? replyToId, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Seen.Where(IsBotMessage).Where(a => replyToId is null || (string?)a["replyToId"] == replyToId).ToList();
            if (found.Count > 0) { await Task.Delay(150); await PollAsync(); return [.. Seen.Where(IsBotMessage).Where(a => replyToId is null || (string?)a["replyToId"] == replyToId)]; }
            if (clock.Elapsed > (timeout ?? TimeSpan.FromMinutes(3))) // a hang guard, generous for a loaded 2-core machine
                throw new TimeoutException($"No bot reply to {replyToId} in {clock.Elapsed}.");
            await PollAsync();
            await Task.Delay(30);
        }
    }

    /// <summary>Sends a message and returns the text of everything the bot answered (cards included), joined.</summary>
    public async Task<string> SayAsync(string text, object? value = null)
    {
        var replies = await BotMessagesAsync(await SendAsync(text, value));
        return string.Join("\n", replies.Select(Describe));
    }

    public async Task PollAsync()
    {
        using var request = Request(HttpMethod.Get, $"{Prefix}/conversations/{ConversationId}/activities?watermark={_watermark}");
        var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"poll: {(int)response.StatusCode} {json}");
        Seen.AddRange(json["activities"]!.AsArray().Select(a => a!.AsObject()));
        _watermark = long.Parse((string)json["watermark"]!);
    }

    public static bool IsBotMessage(JsonObject a) => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot";

    /// <summary>Text, suggested actions and card contents, as a person would read them.</summary>
    public static string Describe(JsonObject a)
    {
        var parts = new List<string> { (string?)a["text"] ?? "" };
        if (a["suggestedActions"]?["actions"] is JsonArray actions) parts.Add("[" + string.Join("|", actions.Select(x => (string?)x!["title"])) + "]");
        foreach (var card in a["attachments"]?.AsArray() ?? [])
            parts.Add(card!["content"]?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "");
        return string.Join(" ", parts);
    }
}
