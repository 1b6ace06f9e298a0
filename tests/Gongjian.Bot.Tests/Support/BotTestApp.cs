using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Storage;
using Gongjian.Understanding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// The real app on real Kestrel (a free port) and real Azurite, with its own table/queue prefix,
/// the demo directory, and the scripted understanding (or the app's own, when asked). Bot settings come from <c>settings</c>.
/// </summary>
public sealed class BotTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestApp(WebApplication app, Uri baseAddress, ScriptedUnderstanding understanding)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Understanding = understanding;
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public ScriptedUnderstanding Understanding { get; }
    public IServiceProvider Services => _app.Services;
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BotTestApp> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null, bool scriptedUnderstanding = true)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..12];
        var understanding = new ScriptedUnderstanding();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Storage:Prefix={prefix}",
            "--Storage:NetworkTimeout=00:01:00", // a starved Azurite on a busy test machine is slow, not down
            "--Logging:LogLevel:Default=Warning",
            "--Host:Triggers=false",
            "--RateLimits:Enabled=false", // every test client is 127.0.0.1; the abuse limits have their own tests
            .. (settings ?? new Dictionary<string, string>()).Select(kv => $"--{kv.Key}={kv.Value}"),
        ];
        var app = AppBuilder.Build(args, builder =>
        {
            if (scriptedUnderstanding) builder.Services.AddSingleton<IWishUnderstanding>(understanding);
            services?.Invoke(builder.Services);
        });
        await app.Services.GetRequiredService<StorageClients>().CreateIfMissingAsync([], CancellationToken.None);
        var directory = app.Services.GetRequiredService<CommunityDirectory>();
        await directory.AddAsync(DemoData.Caiyuan, CancellationToken.None);
        foreach (var c in DemoData.Communities) await directory.AddAsync(c, CancellationToken.None);
        foreach (var u in DemoData.Units) await directory.AddAsync(u, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotTestApp(app, new Uri(address), understanding);
    }

    public async Task<string> KeyAsync(ActorRole role, string scope = "", string name = "测试人员") =>
        (await Get<StaffKeys>().CreateAsync(role, scope, name, CancellationToken.None)).Key;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
