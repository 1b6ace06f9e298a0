using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using System.Net.Http.Json;
using Gongjian.WeChatSim;

namespace Gongjian.Bot.Tests.WeCom;

/// <summary>
/// A unit's liaison in the WeCom app, end to end over the real wire format: the simulator posts signed, encrypted XML
/// to the app's /api/wecom and keeps what the liaison receives (text messages, template cards, card updates). The
/// commands are the bot's own liaison commands (the same path as Web Chat); only the channel is WeCom.
/// </summary>
public sealed class WeComLiaisonTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Liaison = "ZhangWei_baosheng";
    private WeComRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WeComRig.StartAsync(azurite);
    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    private static void Expect(string text, params string[] parts)
    {
        foreach (var part in parts) Assert.True(text.Contains(part), $"expected '{part}' in:\n{text}");
    }

    private static void Taken(WeComPost post) => Assert.True(post.Status == 200, $"HTTP {post.Status}: {post.Body}");

    /// <summary>The member's latest text message once one containing <paramref name="part"/> has arrived.</summary>
    private async Task<string> TextWithAsync(string userId, string part) =>
        (await _rig.Sim.WaitForAsync(userId, i => i.Any(r => r.Kind == WeComReceived.Message && r.Text.Contains(part))))
            .Last(r => r.Kind == WeComReceived.Message && r.Text.Contains(part)).Text;

    private async Task<string> UpdateOfAsync(string userId, string taskId) =>
        (await _rig.Sim.WaitForAsync(userId, i => i.Any(r => r.Kind == WeComReceived.CardUpdate && r.TaskId == taskId)))
            .Single(r => r.Kind == WeComReceived.CardUpdate && r.TaskId == taskId).Text;

    private async Task BindAsync(string userId)
    {
        var code = await _rig.Cycle.BindingCodeAsync();
        Taken(await _rig.Sim.TextAsync(userId, "绑定 " + code));
        await TextWithAsync(userId, "绑定成功");
    }

    /// <summary>An order dispatched to the liaison's unit, and the card it brought them.</summary>
    private async Task<(string OrderId, WeComReceived Card)> DispatchedCardAsync(string userId)
    {
        var orderId = await _rig.Cycle.DispatchedOrderAsync();
        var inbox = await _rig.Sim.WaitForAsync(userId, i => i.Any(r => r.Kind == WeComReceived.TemplateCard && r.Text.Contains(orderId)));
        return (orderId, inbox.Single(r => r.Kind == WeComReceived.TemplateCard && r.Text.Contains(orderId)));
    }

    [Fact]
    public async Task A_liaison_binds_accepts_from_the_card_and_completes_with_a_photo()
    {
        var sim = _rig.Sim;
        var check = await sim.VerifyUrlAsync();
        Assert.Equal(200, check.Status);
        Assert.Equal(check.Expected, check.Body);

        await BindAsync(Liaison);
        var (orderId, card) = await DispatchedCardAsync(Liaison);
        Expect(card.Text, "新工单待接单", "工单号：" + orderId, "居民电话：接单后可见", "[接单]  [婉拒]");
        Assert.DoesNotContain("13805381234", card.Text);
        Assert.DoesNotContain("李秀英", card.Text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Text, orderId)); // the number once, in the card's facts

        Taken(await sim.TapAsync(Liaison, card.TaskId!, "接单"));
        Expect(await TextWithAsync(Liaison, "已接单"), orderId, "13805381234", "办结");
        Assert.Equal("已接单", await UpdateOfAsync(Liaison, card.TaskId!));
        Assert.Equal("accepted", await _rig.StatusAsync(orderId));

        Taken(await sim.TextAsync(Liaison, "办结"));
        await TextWithAsync(Liaison, "请简单描述办理情况");
        Taken(await sim.TextAsync(Liaison, "已更换楼道灯泡"));
        Expect(await TextWithAsync(Liaison, "请发一张办结后的现场照片"), "“+”");
        Taken(await sim.ImageAsync(Liaison, TestImages.Png()));
        await TextWithAsync(Liaison, "已办结，辛苦了");
        Assert.Equal("completed", await _rig.StatusAsync(orderId));
        var state = await _rig.Cycle.StateAsync(orderId);
        Assert.Single(state.AfterPhotoIds);

        // The userid, the resident's phone and what the liaison wrote are in no log line.
        var leaks = _rig.Logs.Lines.Where(l => l.Contains(Liaison) || l.Contains("13805381234") || l.Contains("已更换楼道灯泡")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n----\n", leaks));
        // The standing menu is not repeated under every reply (WeCom text has no buttons; "帮助" lists the commands).
        Assert.DoesNotContain(sim.Inbox(Liaison), r => r.Text.Contains("可以回复：看看项目"));
        await Transcripts.SaveAsync("wecom-liaison.md", Render("企业微信：联络员绑定、接单、办结", sim.Conversation(Liaison)));
    }

    [Fact]
    public async Task Declining_from_the_card_asks_for_a_reason_and_the_card_shows_it_declined_once_given()
    {
        var sim = _rig.Sim;
        await BindAsync(Liaison);
        var (orderId, card) = await DispatchedCardAsync(Liaison);
        Taken(await sim.TapAsync(Liaison, card.TaskId!, "婉拒"));
        await TextWithAsync(Liaison, "婉拒原因");
        Assert.Equal("dispatched", await _rig.StatusAsync(orderId));
        Taken(await sim.TextAsync(Liaison, "不在本单位服务范围内"));
        await TextWithAsync(Liaison, "已婉拒");
        Assert.Equal("已婉拒", await UpdateOfAsync(Liaison, card.TaskId!));
        Assert.Equal("declined", await _rig.StatusAsync(orderId));
        await Transcripts.SaveAsync("wecom-liaison-decline.md", Render("企业微信：联络员婉拒工单", sim.Conversation(Liaison)));
    }

    /// <summary>The card of <paramref name="orderId"/> that <paramref name="userId"/> received.</summary>
    private async Task<WeComReceived> CardOfAsync(string userId, string orderId) =>
        (await _rig.Sim.WaitForAsync(userId, i => i.Any(r => r.Kind == WeComReceived.TemplateCard && r.Text.Contains(orderId))))
            .Single(r => r.Kind == WeComReceived.TemplateCard && r.Text.Contains(orderId));

    [Fact]
    public async Task When_one_liaison_accepts_from_the_card_the_other_liaisons_card_shows_it_was_taken_without_a_tap()
    {
        const string other = "LiNa_baosheng";
        await BindAsync(Liaison);
        await BindAsync(other);
        var (orderId, mine) = await DispatchedCardAsync(Liaison);
        var theirs = await CardOfAsync(other, orderId);
        Taken(await _rig.Sim.TapAsync(Liaison, mine.TaskId!, "接单"));
        Assert.Equal("已被他人接单", await UpdateOfAsync(other, theirs.TaskId!));
        Assert.Equal("已接单", await UpdateOfAsync(Liaison, mine.TaskId!));
        // Each card was updated once: the acceptor's with their tap's code, the other's with the code its sending returned.
        Assert.Single(_rig.Sim.Inbox(Liaison), r => r.Kind == WeComReceived.CardUpdate);
        Assert.Single(_rig.Sim.Inbox(other), r => r.Kind == WeComReceived.CardUpdate);
        Assert.DoesNotContain(_rig.Logs.Lines, l => l.Contains("not updated"));
        await Transcripts.SaveAsync("wecom-liaison-taken-elsewhere.md", Render("企业微信：另一位联络员已接单", _rig.Sim.Conversation(other)));
    }

    [Fact]
    public async Task A_liaison_who_types_the_command_sees_their_own_card_say_accepted_and_the_other_sees_it_taken()
    {
        const string other = "LiNa_baosheng";
        await BindAsync(Liaison);
        await BindAsync(other);
        var (orderId, mine) = await DispatchedCardAsync(Liaison);
        var theirs = await CardOfAsync(other, orderId);
        Taken(await _rig.Sim.TextAsync(Liaison, "接单 " + orderId));
        await TextWithAsync(Liaison, "已接单");
        Assert.Equal("已接单", await UpdateOfAsync(Liaison, mine.TaskId!));
        Assert.Equal("已被他人接单", await UpdateOfAsync(other, theirs.TaskId!));
        Assert.Single(_rig.Sim.Inbox(Liaison), r => r.Kind == WeComReceived.CardUpdate);
    }

    [Fact]
    public async Task An_order_accepted_in_the_console_updates_every_liaisons_card()
    {
        const string other = "LiNa_baosheng";
        await BindAsync(Liaison);
        await BindAsync(other);
        var (orderId, mine) = await DispatchedCardAsync(Liaison);
        var theirs = await CardOfAsync(other, orderId);
        var key = await _rig.App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        var accepted = await _rig.Cycle.PostAsync($"/api/orders/{orderId}/accept", key, null);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal("已被他人接单", await UpdateOfAsync(Liaison, mine.TaskId!));
        Assert.Equal("已被他人接单", await UpdateOfAsync(other, theirs.TaskId!));
        Assert.Equal("accepted", await _rig.StatusAsync(orderId));
    }

    [Fact]
    public async Task An_order_the_resident_cancels_updates_the_live_card_once()
    {
        await BindAsync(Liaison);
        var placed = await (await _rig.Cycle.PostAsync("/api/orders", null, new
        {
            text = "小区门口的路灯不亮了", category = "repair", communityId = "dongqili", address = "宝盛小区东门",
            contact = new { name = "李秀英", phone = "13805381234" },
        })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var orderId = (string)placed!["id"]!;
        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await _rig.Cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var card = await CardOfAsync(Liaison, orderId);
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/cancel");
        cancel.Headers.Add("X-Tracking-Code", (string)placed["trackingCode"]!);
        var cancelled = await _rig.App.Http.SendAsync(cancel);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("已取消", await UpdateOfAsync(Liaison, card.TaskId!));
        // The cancellation's notices (to the dispatcher and to the unit) both pass by: the card is updated once.
        Taken(await _rig.Sim.TextAsync(Liaison, "帮助"));
        var inbox = await _rig.Sim.WaitForAsync(Liaison, i => i.Any(r => r.Kind == WeComReceived.Message && r.Text.Contains("联络员可以")));
        Assert.Single(inbox, r => r.Kind == WeComReceived.CardUpdate);
    }

    [Fact]
    public async Task A_tap_for_an_order_of_another_unit_is_refused_and_changes_nothing()
    {
        await BindAsync(Liaison);
        var placed = await (await _rig.Cycle.PostAsync("/api/orders", null, new
        {
            text = "家里老人想约社区医生上门量血压", category = "elderly", communityId = "dongqili", address = "宝盛小区5号楼1单元202",
            contact = new { name = "王大爷", phone = "13905381111" },
        })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var elsewhere = (string)placed!["id"]!;
        var dispatcher = await _rig.App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        var dispatched = await _rig.Cycle.PostAsync($"/api/orders/{elsewhere}/dispatch", dispatcher, new { unitId = "caiyuan-health-centre" });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
        Taken(await _rig.Sim.PostAsync(_rig.Sim.CardEventXml(Liaison, "gj-not-ours", "接单 " + elsewhere)));
        await TextWithAsync(Liaison, "这张工单不是派给本单位的");
        Assert.Equal("dispatched", await _rig.StatusAsync(elsewhere));
        // No card of that task was ever sent: WeCom refuses the update (its response code is for no card), and the app goes on.
        Taken(await _rig.Sim.TextAsync(Liaison, "帮助"));
        var inbox = await _rig.Sim.WaitForAsync(Liaison, i => i.Any(r => r.Kind == WeComReceived.Message && r.Text.Contains("联络员可以")));
        Assert.DoesNotContain(inbox, r => r.Kind == WeComReceived.CardUpdate);
        Assert.Contains(_rig.Logs.Lines, l => l.Contains("card not updated (errcode 40125)"));
    }

    [Fact]
    public async Task A_replayed_tap_is_taken_once_and_answered_once()
    {
        await BindAsync(Liaison);
        var (orderId, card) = await DispatchedCardAsync(Liaison);
        var tap = await _rig.Sim.TapAsync(Liaison, card.TaskId!, "接单");
        Taken(tap);
        Taken(await _rig.Sim.ReplayAsync(tap));
        Assert.Equal("已接单", await UpdateOfAsync(Liaison, card.TaskId!));
        // A later message is answered after everything before it (one conversation's turns run in order).
        Taken(await _rig.Sim.TextAsync(Liaison, "帮助"));
        var inbox = await _rig.Sim.WaitForAsync(Liaison, i => i.Any(r => r.Kind == WeComReceived.Message && r.Text.Contains("联络员可以")));
        Assert.Single(inbox, r => r.Kind == WeComReceived.Message && r.Text.Contains("已接单"));
        Assert.Single(inbox, r => r.Kind == WeComReceived.CardUpdate);
        Assert.Equal("accepted", await _rig.StatusAsync(orderId));
        Assert.Contains(_rig.Logs.Lines, l => l.Contains("already taken"));
    }

    [Fact]
    public async Task Forged_stale_foreign_and_malformed_callbacks_are_refused_precisely()
    {
        var sim = _rig.Sim;
        var xml = sim.Xml(Liaison, "text", [("Content", "绑定 123456", true), ("MsgId", "1", false)]);
        var forged = await sim.PostAsync(xml, token: "guessed-token");
        Assert.Equal(401, forged.Status);
        Assert.Contains("\"bad_msg_signature\"", forged.Body);
        var stale = await sim.PostAsync(xml, timestamp: DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
        Assert.Equal(403, stale.Status);
        Assert.Contains("\"stale_timestamp\"", stale.Body);
        var foreign = await sim.PostAsync(xml, receiveId: "wwsomeothercorp01");
        Assert.Equal(403, foreign.Status);
        Assert.Contains("\"wrong_corp\"", foreign.Body);
        var dtd = await sim.PostAsync("<!DOCTYPE xml [<!ENTITY x \"y\">]><xml><FromUserName>&x;</FromUserName></xml>");
        Assert.Equal(400, dtd.Status);
        Assert.Contains("\"invalid_xml\"", dtd.Body);
        var genuine = await sim.PostAsync(xml);
        Assert.Equal(200, genuine.Status); // the same message, genuine: taken (the refusals did not use up its MsgId), and answered
        await TextWithAsync(Liaison, "绑定码不正确");
        Assert.Single(sim.Inbox(Liaison));
    }

    private static string Render(string title, IReadOnlyList<WeComReceived> seen) =>
        $"# {title}\n\n" + string.Join("\n\n", seen.Select(r => r.Kind switch
        {
            WeComReceived.Member => "**联络员**：" + r.Text,
            WeComReceived.TemplateCard => "**小助手**（模板卡片）：  \n" + r.Text.Replace("\n", "  \n"),
            WeComReceived.CardUpdate => $"*（卡片按钮变为“{r.Text}”）*",
            _ => "**小助手**：" + r.Text.Replace("\n", "  \n"),
        }));
}
