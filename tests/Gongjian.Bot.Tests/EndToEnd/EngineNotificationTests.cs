using System.Text.RegularExpressions;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// With the app's own queue triggers running: the fulfilment engine's notifications (its wire format,
/// through the real <c>notifications</c> queue) reach the liaison's chat as the 接单 card and the
/// resident's chat as the rating prompt.
/// </summary>
public sealed partial class EngineNotificationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestApp _app = null!;
    private string _hostJsonDir = "";

    public async ValueTask InitializeAsync()
    {
        _hostJsonDir = Directory.CreateTempSubdirectory("gongjian-bot-host-").FullName;
        var hostJson = Path.Combine(_hostJsonDir, "host.json");
        await File.WriteAllTextAsync(hostJson, """{ "version": "2.0", "extensions": { "queues": { "maxPollingInterval": "00:00:00.300", "visibilityTimeout": "00:00:01" } } }""");
        _app = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Host:Triggers"] = "true", ["Host:HostJsonPath"] = hostJson,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_hostJsonDir, recursive: true);
    }

    [Fact]
    public async Task Dispatch_reaches_the_liaison_card_and_completion_asks_the_resident_to_rate()
    {
        var cycle = new OrderCycle(_app);
        var liaison = await DirectLineClient.StartAsync(_app.Http);
        await liaison.BotMessagesAsync(null);
        Assert.Contains("绑定成功", await liaison.SayAsync($"绑定 {await cycle.BindingCodeAsync()}"));

        var resident = await DirectLineClient.StartAsync(_app.Http);
        await resident.BotMessagesAsync(null);
        await resident.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var orderId = OrderNumber().Match(await resident.SayAsync("确认提交")).Value;

        var dispatcher = await _app.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var card = await WaitForAsync(liaison, "新工单待接单");
        Assert.Contains(orderId, card);

        Assert.Contains("已接单", await liaison.SayAsync("接单", new { action = "accept", orderId }));
        Assert.Contains("描述办理情况", await liaison.SayAsync("办结"));
        Assert.Contains("现场照片", await liaison.SayAsync("已更换灯泡"));
        Assert.Contains("已办结", await liaison.SendFileAsync("", "image/png", TestImages.Png()));

        Assert.Contains("请为这次服务打分", await WaitForAsync(resident, "办结"));
        Assert.Contains("还有什么想说", await resident.SayAsync("4分"));
        Assert.Contains("感谢您的评价", await resident.SayAsync("跳过"));
        var confirmed = await cycle.StateAsync(orderId);
        Assert.Equal(OrderStatus.Confirmed, confirmed.Status);

        // The engine's notices carry their event's sequence: the resident's chat keeps the newest one shown per order.
        var marks = await _app.Get<Gongjian.Bot.Storage.BotTables>().Deliveries
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == "o." + orderId).ToListAsync();
        var shown = Assert.Single(marks).GetInt32("Sequence");
        Assert.InRange(shown!.Value, 2, confirmed.Version);
    }

    /// <summary>Polls until a proactive bot message containing <paramref name="text"/> arrives.</summary>
    private static async Task<string> WaitForAsync(DirectLineClient chat, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await chat.PollAsync();
            var found = chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe).LastOrDefault(d => d.Contains(text) && !d.Contains("已提交"));
            if (found is not null) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No proactive message with '{text}'.");
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
