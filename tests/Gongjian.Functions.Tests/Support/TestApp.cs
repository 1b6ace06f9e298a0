using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Support;

/// <summary>
/// The real app on real Kestrel (a free port) and real Azurite, with its own table/queue prefix
/// and the demo directory loaded. Talk to it over HTTP like any client.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public StorageClients Storage => _app.Services.GetRequiredService<StorageClients>();

    private TestApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>
    /// Starts the app. Queue and timer functions do not run unless <paramref name="args"/> says
    /// <c>--Host:Triggers=true</c>, so tests see exactly the effects of their own requests.
    /// </summary>
    public static Task<TestApp> StartAsync(AzuriteFixture azurite, params string[] args) => StartAsync(azurite, null, args);

    /// <summary>Starts the app with services replaced by the test (e.g. its clock: <c>s.AddSingleton&lt;TimeProvider&gt;(clock)</c>).</summary>
    public static async Task<TestApp> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? services, params string[] args)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var app = AppBuilder.Build([
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Storage:Prefix={prefix}",
            "--Storage:NetworkTimeout=00:01:00", // a starved Azurite on a busy test machine is slow, not down
            "--Logging:LogLevel:Default=Warning",
            "--Host:Triggers=false",
            "--RateLimits:Enabled=false", // every test client is 127.0.0.1; the abuse limits have their own tests
            .. args,
        ], builder => services?.Invoke(builder.Services));
        await app.Services.GetRequiredService<StorageClients>().CreateIfMissingAsync([], CancellationToken.None);
        var directory = app.Services.GetRequiredService<CommunityDirectory>();
        await directory.AddAsync(DemoData.Caiyuan, CancellationToken.None);
        foreach (var c in DemoData.Communities) await directory.AddAsync(c, CancellationToken.None);
        foreach (var u in DemoData.Units) await directory.AddAsync(u, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, new Uri(address));
    }

    public async Task<string> KeyAsync(ActorRole role, string scope = "", string name = "测试人员") =>
        (await Services.GetRequiredService<StaffKeys>().CreateAsync(role, scope, name, CancellationToken.None)).Key;

    public Task<string> DispatcherAsync(string community = "dongqili") => KeyAsync(ActorRole.Dispatcher, community, "东七里社区派单员");
    public Task<string> LiaisonAsync(string unit = "baosheng-property") => KeyAsync(ActorRole.Liaison, unit, "宝盛置业联络员");
    public Task<string> OrganizerAsync(string street = "caiyuan") => KeyAsync(ActorRole.Organizer, street, "财源街道党工委");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null, string? trackingCode = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body is string raw
            ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
            : JsonContent.Create(body);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (trackingCode is not null) request.Headers.Add("X-Tracking-Code", trackingCode);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? key = null, string? trackingCode = null) =>
        SendAsync(HttpMethod.Post, path, body, key, trackingCode);

    public Task<HttpResponseMessage> GetAsync(string path, string? key = null, string? trackingCode = null) =>
        SendAsync(HttpMethod.Get, path, null, key, trackingCode);

    public static object NewOrder(string text = "三楼楼道灯坏了一个星期了", string? category = "repair", string community = "dongqili",
        IReadOnlyList<string>? photos = null) => new
    {
        text, category, communityId = community, address = "宝盛小区3号楼2单元301",
        contact = new { name = "李秀英", phone = "13805381234" }, photos,
    };

    /// <summary>Places an order as a resident; returns its id and tracking code.</summary>
    public async Task<(string Id, string TrackingCode)> PlaceAsync(object? order = null)
    {
        var response = await PostAsync("/api/orders", order ?? NewOrder());
        var json = await response.ReadJsonAsync(201);
        return (json.GetProperty("id").GetString()!, json.GetProperty("trackingCode").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class ResponseExtensions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with this status and code, and a Chinese title.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var json = await response.ReadJsonAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", json.GetProperty("title").GetString()!);
        return json;
    }
}
