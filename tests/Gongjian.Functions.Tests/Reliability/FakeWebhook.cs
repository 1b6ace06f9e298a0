using System.Collections.Concurrent;
using System.Text.Json;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gongjian.Functions.Tests.Reliability;

/// <summary>A local group-robot webhook (WeCom format) that records every markdown message it is sent.</summary>
public sealed class FakeWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentBag<string> Messages { get; } = [];
    /// <summary>While true, the robot answers as WeCom does when it refuses a message (errcode ≠ 0) and records nothing.</summary>
    public bool Refusing { get; set; }
    public string Url { get; }

    private FakeWebhook(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<FakeWebhook> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hook = new FakeWebhook(app, $"http://127.0.0.1:{port}/hook");
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            if (hook.Refusing) return Results.Json(new { errcode = 45009, errmsg = "api freq out of limit" });
            hook.Messages.Add(doc.RootElement.GetProperty("markdown").GetProperty("content").GetString()!);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return hook;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
