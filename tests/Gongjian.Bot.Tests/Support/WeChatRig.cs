using System.Text.RegularExpressions;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// The real app (real Kestrel, Azurite) configured for a WeChat Official Account whose platform is the local simulator:
/// the simulator posts to the app's <c>/api/wechat</c> and the app calls the simulator's API. Every log line is kept.
/// </summary>
public sealed partial class WeChatRig : IAsyncDisposable
{
    public const string Template = "tmpl-order-update";

    private WeChatRig(BotTestApp app, WeChatSimulator sim, LogLines logs)
    {
        App = app;
        Sim = sim;
        Logs = logs;
        Cycle = new OrderCycle(app);
    }

    public BotTestApp App { get; }
    public WeChatSimulator Sim { get; }
    public LogLines Logs { get; }
    public OrderCycle Cycle { get; }

    public static async Task<WeChatRig> StartAsync(AzuriteFixture azurite, SimulatorSettings? settings = null, IReadOnlyDictionary<string, string>? appSettings = null)
    {
        settings ??= new SimulatorSettings();
        var sim = await WeChatSimulator.StartAsync(settings);
        var logs = new LogLines();
        var all = new Dictionary<string, string>
        {
            ["WeChat:AppId"] = settings.AppId, ["WeChat:AppSecret"] = settings.AppSecret, ["WeChat:Token"] = settings.Token,
            ["WeChat:ApiBaseUrl"] = sim.BaseAddress.ToString(), ["WeChat:SubscribeTemplateId"] = Template,
        };
        if (settings.EncodingAesKey is { } key) all["WeChat:EncodingAesKey"] = key;
        foreach (var (k, v) in appSettings ?? new Dictionary<string, string>()) all[k] = v;
        var app = await BotTestApp.StartAsync(azurite, all, logs.AddTo);
        sim.ServerUrl = new Uri(app.BaseAddress, "/api/wechat");
        return new WeChatRig(app, sim, logs);
    }

    public static string OrderIdIn(string text) =>
        OrderId().Match(text) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"no order id in:\n{text}");

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    public static partial Regex OrderId();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
