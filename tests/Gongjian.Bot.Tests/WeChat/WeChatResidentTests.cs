using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>
/// A resident on the WeChat Official Account, end to end over the real wire format: the simulator posts signed,
/// encrypted XML to the app's /api/wechat and keeps what the resident receives (passive replies, customer-service
/// and subscription messages). The dialogs are the bot's own; only the channel is WeChat.
/// </summary>
public sealed class WeChatResidentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Resident = "oWx_resident_Li_0001";
    private WeChatRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeChatRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private static string Passive(Delivery d)
    {
        Assert.True(d.Passive is not null, $"no passive reply (attempts {d.Attempts}, statuses {string.Join(",", d.Statuses)}): {d.RefusalBody}");
        return d.Passive!;
    }

    private static void Expect(string text, params string[] parts)
    {
        foreach (var part in parts) Assert.True(text.Contains(part), $"expected '{part}' in:\n{text}");
    }

    [Fact]
    public async Task A_follower_is_welcomed_places_a_wish_with_a_photo_and_a_location_follows_it_and_rates_it()
    {
        var sim = _rig.Sim;
        Expect(Passive(await sim.FollowAsync(Resident)), "您好！我是共建小助手", "msgmenucontent=我要点单");
        Expect(Passive(await sim.TextAsync(Resident, "楼道灯坏了好几天了，东七里社区")), "具体地点");
        Expect(Passive(await sim.LocationAsync(Resident, 36.1937, 117.1290, "山东省泰安市泰山区宝盛小区3号楼")), "收到您的位置：山东省泰安市泰山区宝盛小区3号楼", "联系电话");
        Expect(Passive(await sim.ImageAsync(Resident, TestImages.Png())), "收到照片了（共 1 张）", "联系电话");
        var card = Passive(await sim.TextAsync(Resident, "13805381234"));
        Expect(card, "请确认您的诉求", "照片：1 张", "宝盛小区3号楼", "msgmenucontent=确认提交");
        var placed = Passive(await sim.TextAsync(Resident, "确认提交"));
        Expect(placed, "已提交！您的工单号");
        var orderId = WeChatRig.OrderIdIn(placed);

        var state = await _rig.Cycle.StateAsync(orderId);
        Assert.Equal("山东省泰安市泰山区宝盛小区3号楼", state.Address);
        Assert.Single(state.BeforePhotoIds);

        // The unit accepts and completes through the API: the resident hears of it in WeChat (customer-service messages).
        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await _rig.App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        await sim.WaitForAsync(Resident, inbox => inbox.Any(r => r.Kind == Received.CustomerService && r.Text.Contains("接单，正在办理中")));
        var completed = await _rig.Cycle.PostAsync($"/api/orders/{orderId}/complete", liaison, new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        var asked = await sim.WaitForAsync(Resident, inbox => inbox.Any(r => r.Kind == Received.CustomerService && r.Text.Contains("办结")));
        Expect(asked.Last(r => r.Kind == Received.CustomerService && r.Text.Contains("办结")).Text, "请为这次服务打分", "msgmenucontent=5分");
        Assert.Single(asked, r => r.Image is not null); // the completion photo came first

        Expect(Passive(await sim.TextAsync(Resident, "查进度")), orderId);
        Expect(Passive(await sim.TextAsync(Resident, "5分")), "还有什么想说的");
        Expect(Passive(await sim.TextAsync(Resident, "师傅很负责")), "感谢您的评价");
        var closed = await _rig.Cycle.StateAsync(orderId);
        Assert.Equal(OrderStatus.Confirmed, closed.Status);
        Assert.Equal(5, closed.Rating);

        // The openid is personal data: no log line carries it, nor the place the resident shared.
        var leaks = _rig.Logs.Lines.Where(l => l.Contains(Resident) || l.Contains("宝盛小区3号楼") || l.Contains("13805381234")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n----\n", leaks));
        await Transcripts.SaveAsync("wechat-resident.md", Render("微信公众号：居民点单、发照片和位置、跟进并评价", sim.Conversation(Resident)));
    }

    [Fact]
    public async Task WeChats_retries_of_one_MsgId_place_one_order_and_get_the_same_answer()
    {
        var sim = _rig.Sim;
        await sim.FollowAsync(Resident);
        Expect(Passive(await sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234")), "请确认您的诉求");
        // The answers to the first two posts are lost on the way: WeChat posts the same MsgId twice more.
        var delivery = await sim.TextAsync(Resident, "确认提交", lostAnswers: 2);
        Assert.Equal(3, delivery.Attempts);
        var orderId = WeChatRig.OrderIdIn(Passive(delivery));

        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders?pageSize=100");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dispatcher);
        using var response = await _rig.App.Http.SendAsync(request);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var ids = list["items"]!.AsArray().Select(o => (string?)o!["id"]).ToList();
        Assert.Equal([orderId], ids);
    }

    [Fact]
    public async Task A_slow_answer_goes_out_as_a_customer_service_message_refreshing_an_expired_token_once()
    {
        var sim = _rig.Sim;
        await sim.FollowAsync(Resident);
        Expect(Passive(await sim.TextAsync(Resident, "你好")), "共建小助手");
        // Understanding has not answered when the passive budget is spent: WeChat gets "success", once.
        var hold = new TaskCompletionSource();
        _rig.App.Understanding.Hold = hold;
        var delivery = await sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼");
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.Passive);
        // The token the app holds expires meanwhile: the first send answers 42001, the app refreshes and sends again.
        await _rig.App.Get<Gongjian.Bot.WeChat.WeChatAccessTokens>().GetAsync(CancellationToken.None); // the app holds a token (as after any earlier send)
        var tokensBefore = sim.TokenRequests;
        sim.ExpireToken();
        hold.SetResult();
        var inbox = await sim.WaitForAsync(Resident, i => i.Any(r => r.Kind == Received.CustomerService));
        Expect(inbox.Single(r => r.Kind == Received.CustomerService).Text, "联系电话");
        Assert.Equal(tokensBefore + 1, sim.TokenRequests);
        Assert.Contains(_rig.Logs.Lines, l => l.Contains("errcode 42001"));
        _rig.App.Understanding.Hold = null;
    }

    [Fact]
    public async Task Voice_with_recognition_is_read_as_words_and_voice_without_is_answered_politely()
    {
        var sim = _rig.Sim;
        await sim.FollowAsync(Resident);
        Expect(Passive(await sim.VoiceAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼")), "联系电话");
        Expect(Passive(await sim.VoiceAsync(Resident, null)), "语音没有听清");
    }

    [Fact]
    public async Task Outside_the_window_an_update_goes_as_a_subscription_message_only_as_often_as_the_resident_agreed()
    {
        await using var rig = await WeChatRig.StartAsync(azurite, new SimulatorSettings { ServiceWindow = TimeSpan.Zero },
            new Dictionary<string, string> { ["WeChat:ServiceWindow"] = "00:00:00" });
        var sim = rig.Sim;
        await sim.FollowAsync(Resident);
        Expect(Passive(await sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234")), "请确认您的诉求");
        var orderId = WeChatRig.OrderIdIn(Passive(await sim.TextAsync(Resident, "确认提交")));
        await sim.ConsentAsync(Resident, WeChatRig.Template, accept: true);

        var dispatcher = await rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await rig.Cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await rig.App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await rig.Cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        var inbox = await sim.WaitForAsync(Resident, i => i.Any(r => r.Kind == Received.Subscription));
        var update = inbox.Single(r => r.Kind == Received.Subscription);
        Assert.StartsWith("您的诉求已由", (string?)update.Data!["thing1"]!["value"]);
        Assert.True(((string?)update.Data["thing1"]!["value"])!.Length <= 20);

        // One consent, one message: the completion finds none left and is not sent (logged, not retried).
        Assert.True((await rig.Cycle.PostAsync($"/api/orders/{orderId}/complete", liaison, new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } })).IsSuccessStatusCode);
        Assert.Contains(rig.Logs.Lines, l => l.Contains("no subscription consent"));
        Assert.Single(sim.Inbox(Resident), r => r.Kind is Received.Subscription or Received.CustomerService);
    }

    [Fact]
    public async Task An_unfollowed_resident_is_forgotten_and_later_updates_are_not_sent()
    {
        var sim = _rig.Sim;
        await sim.FollowAsync(Resident);
        Expect(Passive(await sim.TextAsync(Resident, "楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234")), "请确认您的诉求");
        var orderId = WeChatRig.OrderIdIn(Passive(await sim.TextAsync(Resident, "确认提交")));
        Assert.Null((await sim.UnfollowAsync(Resident)).Passive);
        var users = _rig.App.Get<Gongjian.Bot.WeChat.WeChatUsers>();
        Assert.Null(await users.GetAsync(Gongjian.Bot.WeChat.WeChatChannel.ConversationIdOf(sim.Settings.AppId, Resident), CancellationToken.None));

        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await _rig.App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        Assert.Contains(_rig.Logs.Lines, l => l.Contains("has unfollowed"));
        Assert.DoesNotContain(sim.Inbox(Resident), r => r.Kind != Received.Passive);
    }

    private static string Render(string title, IReadOnlyList<Received> inbox) =>
        $"# {title}\n\n" + string.Join("\n\n", inbox.Select(r => (r.Kind == Received.Follower ? "**居民**：" : $"**小助手**（{r.Kind switch { Received.Passive => "被动回复", Received.CustomerService => "客服消息", _ => "订阅通知" }}）：") +
            System.Text.RegularExpressions.Regex.Replace(r.Text, "<a href=\"[^\"]*\">([^<]*)</a>", "[$1]").Replace("\n", "  \n")));
}
