using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gongjian.Domain.Orders;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// The real app (real Kestrel, Azurite) configured for a WeCom self-built app whose platform is the local simulator:
/// the simulator posts members' callbacks to the app's <c>/api/wecom</c> and the app calls the simulator's API. Every log line is kept.
/// </summary>
public sealed class WeComRig : IAsyncDisposable
{
    private WeComRig(BotTestApp app, WeComSimulator sim, LogLines logs)
    {
        App = app;
        Sim = sim;
        Logs = logs;
        Cycle = new OrderCycle(app);
    }

    public BotTestApp App { get; }
    public WeComSimulator Sim { get; }
    public LogLines Logs { get; }
    public OrderCycle Cycle { get; }

    public static async Task<WeComRig> StartAsync(AzuriteFixture azurite)
    {
        var settings = new WeComSettings();
        var sim = await WeComSimulator.StartAsync(settings);
        var logs = new LogLines();
        var app = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["WeCom:CorpId"] = settings.CorpId, ["WeCom:AgentId"] = settings.AgentId, ["WeCom:Secret"] = settings.Secret,
            ["WeCom:Token"] = settings.Token, ["WeCom:EncodingAesKey"] = settings.EncodingAesKey, ["WeCom:ApiBaseUrl"] = sim.BaseAddress.ToString(),
        }, logs.AddTo);
        sim.ServerUrl = new Uri(app.BaseAddress, "/api/wecom");
        return new WeComRig(app, sim, logs);
    }

    /// <summary>The order's status as the staff API shows it (<c>GET /api/orders/{id}</c>).</summary>
    public async Task<string> StatusAsync(string orderId)
    {
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dispatcher);
        using var response = await App.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["status"]!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
