using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>A chat-completions request as the fake server received it.</summary>
internal sealed record RecordedRequest(string Deployment, string? ApiVersion, string? ApiKey, string? Authorization, JsonNode Body)
{
    public string? SystemPrompt => Body["messages"]?[0]?["content"]?.GetValue<string>();
    public string? UserText => Body["messages"]?[1]?["content"]?.GetValue<string>();
    public JsonNode? ResponseFormat => Body["response_format"];
}

/// <summary>
/// Speaks the Azure OpenAI data-plane API on 127.0.0.1 and a free port:
/// POST /openai/deployments/{deployment}/chat/completions?api-version=… → a chat.completion.
/// Each test says what to answer; every request is recorded for the test to inspect.
/// </summary>
internal sealed class FakeAzureOpenAi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAzureOpenAi(WebApplication app, Uri endpoint) => (_app, Endpoint) = (app, endpoint);

    public Uri Endpoint { get; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeAzureOpenAi> StartAsync(Func<RecordedRequest, CancellationToken, Task<IResult>> reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeAzureOpenAi? fake = null;
        app.MapPost("/openai/deployments/{deployment}/chat/completions", async (string deployment, HttpRequest request, CancellationToken ct) =>
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) ?? new JsonObject();
            var recorded = new RecordedRequest(deployment, request.Query["api-version"], request.Headers["api-key"], request.Headers.Authorization, body);
            fake!.Requests.Enqueue(recorded);
            return await reply(recorded, ct);
        });
        await app.StartAsync();
        fake = new FakeAzureOpenAi(app, new Uri(app.Urls.First()));
        return fake;
    }

    /// <summary>A chat.completion whose assistant message content is <paramref name="content"/>.</summary>
    public static IResult Completion(string content) => Results.Json(new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_767_225_600,
        ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 40, ["total_tokens"] = 140 },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
