using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Observability;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>
/// The real app on Kestrel and Azurite with test-only background functions mapped, its own
/// storage prefix (shared when two instances must see one account) and, when given, its own host.json.
/// </summary>
public sealed class TriggerTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _hostJsonDir;

    private TriggerTestApp(WebApplication app, string prefix, string? hostJsonDir, HttpClient http)
        => (_app, Prefix, _hostJsonDir, Http) = (app, prefix, hostJsonDir, http);

    public string Prefix { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public StorageClients Storage => _app.Services.GetRequiredService<StorageClients>();
    public TriggerHost Host => _app.Services.GetRequiredService<TriggerHost>();

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>host.json with just an <c>extensions.queues</c> section, e.g. <c>"batchSize": 4, "maxDequeueCount": 3</c>.</summary>
    public static string Queues(string settings) => $$"""{ "version": "2.0", "extensions": { "queues": { {{settings}} } } }""";

    public static Task<TriggerTestApp> StartAsync(
        AzuriteFixture azurite, Action<WebApplication> map, string? hostJson = null, string? prefix = null, params string[] args)
        => StartAsync(azurite, map, hostJson, prefix, null, args);

    /// <summary>As above, with every log line written to <paramref name="logs"/> instead of the console.</summary>
    public static async Task<TriggerTestApp> StartAsync(
        AzuriteFixture azurite, Action<WebApplication> map, string? hostJson, string? prefix, LogCapture? logs, params string[] args)
    {
        prefix ??= NewPrefix();
        string? dir = null;
        var all = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:Prefix={prefix}", "--Storage:NetworkTimeout=00:01:00",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Gongjian.Functions.Queue=None",
            "--Logging:LogLevel:Gongjian.Functions.Timer=None", "--Logging:LogLevel:Gongjian.Functions.Invoke=None",
        };
        if (hostJson is not null)
        {
            dir = Directory.CreateTempSubdirectory("gongjian-hostjson-").FullName;
            File.WriteAllText(Path.Combine(dir, "host.json"), hostJson);
            all.Add($"--Host:HostJsonPath={Path.Combine(dir, "host.json")}");
        }
        all.AddRange(args);
        var app = AppBuilder.Build([.. all], logs is null ? null : builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        });
        map(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (dir is not null) Directory.Delete(dir, recursive: true);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        return new TriggerTestApp(app, prefix, dir, http);
    }

    /// <summary>The app's queue client (base64, prefixed), created if missing so tests can send before the listener runs.</summary>
    public async Task<Azure.Storage.Queues.QueueClient> QueueAsync(string name)
    {
        var queue = Storage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_hostJsonDir is not null) Directory.Delete(_hostJsonDir, recursive: true);
    }
}

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; generous by default for a slow 2-core machine.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds}s waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 60) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
