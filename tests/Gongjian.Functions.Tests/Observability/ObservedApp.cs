using System.Diagnostics;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>Where the observed apps of one test write: its own log lines, the shared spans and metric snapshots.</summary>
public sealed class TelemetrySinks(TelemetryFixture telemetry)
{
    public LogCapture Logs { get; } = new();
    public SyncList<Activity> Spans => telemetry.Spans;
    public SyncList<MetricSnapshot> Metrics => telemetry.Metrics;
    public void FlushMetrics() => telemetry.FlushMetrics();
}

/// <summary>
/// The real app (like TestApp) with every log line captured; its spans and metrics reach the
/// <see cref="TelemetryFixture"/>. Two instances may share a storage prefix: one serving HTTP, one
/// running the triggers.
/// </summary>
public sealed class ObservedApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ObservedApp(WebApplication app, HttpClient http) => (_app, Http) = (app, http);

    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public StorageClients Storage => _app.Services.GetRequiredService<StorageClients>();

    public static async Task<ObservedApp> StartAsync(AzuriteFixture azurite, TelemetrySinks sinks, string prefix, bool seed, params string[] args)
    {
        var app = AppBuilder.Build([
            "--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:Prefix={prefix}",
            // Debug everywhere: the privacy check should see as many lines as any sink could.
            "--Logging:LogLevel:Default=Debug", "--Host:Triggers=false", "--RateLimits:Enabled=false", .. args,
        ], builder =>
        {
            builder.Logging.ClearProviders(); // no console noise in the test output; the capture sees everything
            builder.Logging.AddProvider(sinks.Logs);
        });
        if (seed)
        {
            await app.Services.GetRequiredService<StorageClients>().CreateIfMissingAsync([], CancellationToken.None);
            var directory = app.Services.GetRequiredService<CommunityDirectory>();
            await directory.AddAsync(DemoData.Caiyuan, CancellationToken.None);
            foreach (var c in DemoData.Communities) await directory.AddAsync(c, CancellationToken.None);
            foreach (var u in DemoData.Units) await directory.AddAsync(u, CancellationToken.None);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ObservedApp(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A list the exporters of two apps can add to while the test reads it.</summary>
public sealed class SyncList<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    public int Count { get { lock (_items) return _items.Count; } }
    public bool IsReadOnly => false;
    public void Add(T item) { lock (_items) _items.Add(item); }
    public void Clear() { lock (_items) _items.Clear(); }
    public bool Contains(T item) { lock (_items) return _items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (_items) return _items.Remove(item); }
    public List<T> Snapshot() { lock (_items) return [.. _items]; }
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
