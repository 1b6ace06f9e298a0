using Gongjian.Bot.Storage;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>A unit's liaison in chat: binding with a one-time code, the 接单/拒单 card, 办结 with a note and a photo.</summary>
public sealed class LiaisonConversationTests(AzuriteFixture azurite) : BotAppTest(azurite)
{
    private async Task<DirectLineClient> BoundLiaisonAsync()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        Assert.Contains("绑定成功", await chat.SayAsync($"绑定 {await Cycle.BindingCodeAsync()}"));
        return chat;
    }

    [Fact]
    public async Task Binding_codes_work_once_and_not_after_they_expire()
    {
        var code = await Cycle.BindingCodeAsync();
        var first = await DirectLineClient.StartAsync(App.Http);
        var second = await DirectLineClient.StartAsync(App.Http);
        var expired = await App.Get<BindingCodes>().IssueAsync("baosheng-property", "泰山宝盛置业有限公司", "test", TimeSpan.FromMinutes(-1), CancellationToken.None);
        (DirectLineClient Chat, string Say, string Expect)[] script =
        [
            (first, "绑定 000001", "绑定码不正确"),
            (first, $"绑定 {code}", "绑定成功！您现在是「泰山宝盛置业有限公司」的联络员"),
            (second, $"绑定{code}", "已经用过了"),
            (second, $"绑定 {expired.Code}", "已过期"),
            (second, $"绑定：{string.Concat(code.Select(c => (char)(c - '0' + '０')))}", "已经用过了"),
            (first, "帮助", "接单"),
            (first, "解除绑定", "已解除绑定"),
        ];
        foreach (var (chat, say, expect) in script)
        {
            var reply = await chat.SayAsync(say);
            Assert.True(reply.Contains(expect), $"'{say}' → expected '{expect}' in:\n{reply}");
        }
    }

    [Fact]
    public async Task Staff_binding_codes_need_a_staff_key_in_scope()
    {
        Assert.Equal(401, (int)(await Cycle.PostAsync("/api/units/baosheng-property/binding-codes", null, null)).StatusCode);
        var liaison = await App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.Equal(403, (int)(await Cycle.PostAsync("/api/units/baosheng-property/binding-codes", liaison, null)).StatusCode);
        var otherCommunity = await App.KeyAsync(ActorRole.Dispatcher, "qingshan");
        Assert.Equal(403, (int)(await Cycle.PostAsync("/api/units/baosheng-property/binding-codes", otherCommunity, null)).StatusCode);
        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.Equal(201, (int)(await Cycle.PostAsync("/api/units/baosheng-property/binding-codes", dispatcher, null)).StatusCode);
        Assert.Equal(404, (int)(await Cycle.PostAsync("/api/units/no-such-unit/binding-codes", dispatcher, null)).StatusCode);
    }

    [Fact]
    public async Task Dispatched_card_accepts_and_completion_needs_a_real_photo()
    {
        var chat = await BoundLiaisonAsync();
        var orderId = await Cycle.DispatchedOrderAsync();
        await Cycle.DeliverAsync(OrderCycle.Dispatched(orderId));
        var card = DirectLineClient.Describe((await chat.BotMessagesAsync(null)).Last());
        Assert.Contains("新工单待接单", card);
        Assert.Contains("\"title\":\"接单\"", card);
        Assert.Contains("\"title\":\"拒单\"", card);

        (string Say, object? Value, string Expect)[] script =
        [
            ("接单", new { action = "accept", orderId }, "已接单！"),
            ("接单", new { action = "accept", orderId }, "没有办成"),
            ("办结", null, "描述办理情况"),
            ("帮助", null, "描述办理情况"),
            ("已更换楼道灯泡，现在亮了", null, "现场照片"),
        ];
        foreach (var (say, value, expect) in script)
        {
            var reply = await chat.SayAsync(say, value);
            Assert.True(reply.Contains(expect), $"'{say}' → expected '{expect}' in:\n{reply}");
        }
        Assert.Contains("13805381234", chat.Seen.Where(DirectLineClient.IsBotMessage).Select(a => (string?)a["text"]).First(t => t!.Contains("已接单"))!);
        Assert.Equal(OrderStatus.Accepted, (await Cycle.StateAsync(orderId)).Status);

        Assert.Contains("只能接收照片", await chat.SendFileAsync("", "application/pdf", "%PDF-1.4"u8.ToArray()));
        Assert.Contains("不是图片", await chat.SendFileAsync("", "image/png", "这不是照片"u8.ToArray()));
        Assert.Equal(OrderStatus.Accepted, (await Cycle.StateAsync(orderId)).Status);
        Assert.Contains("已办结", await chat.UploadAsync("", "image/png", TestImages.Png(text: "GPS 36.2,117.1")));
        var done = await Cycle.StateAsync(orderId);
        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.Single(done.AfterPhotoIds);
    }

    [Fact]
    public async Task Decline_asks_for_a_reason_and_returns_the_order_to_the_dispatcher()
    {
        var chat = await BoundLiaisonAsync();
        var orderId = await Cycle.DispatchedOrderAsync();
        Assert.Contains("拒单原因", await chat.SayAsync("拒单", new { action = "decline", orderId }));
        Assert.Contains("几个字", await chat.SayAsync("嗯"));
        Assert.Contains("已拒单", await chat.SayAsync("不在我们的服务范围"));
        Assert.Equal(OrderStatus.Declined, (await Cycle.StateAsync(orderId)).Status);
    }

    [Fact]
    public async Task Actions_before_binding_ask_for_a_binding_code()
    {
        var chat = await DirectLineClient.StartAsync(App.Http);
        await chat.BotMessagesAsync(null);
        var orderId = await Cycle.DispatchedOrderAsync();
        Assert.Contains("还没有绑定单位", await chat.SayAsync($"接单 {orderId}"));
        Assert.Equal(OrderStatus.Dispatched, (await Cycle.StateAsync(orderId)).Status);
    }
}
