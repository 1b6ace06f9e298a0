using System.Text.Json.Nodes;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Notifications;

/// <summary>The engine's notifications as proactive messages and group-webhook posts, each delivered once.</summary>
public sealed class NotificationDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _webhook = null!;
    private BotTestApp _app = null!;
    private OrderCycle _cycle = null!;

    public async ValueTask InitializeAsync()
    {
        _webhook = await FakeConnector.StartAsync();
        _app = await BotTestApp.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Bot:UnitWebhooks:baosheng-property"] = _webhook.BaseUrl + "/webhook",
        });
        _cycle = new OrderCycle(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _webhook.DisposeAsync();
    }

    [Fact]
    public async Task A_notification_delivered_twice_reaches_each_chat_and_the_group_webhook_once()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync($"绑定 {await _cycle.BindingCodeAsync()}");
        var orderId = await _cycle.DispatchedOrderAsync();
        var notification = OrderCycle.Dispatched(orderId);

        await _cycle.DeliverAsync(notification);
        await _cycle.DeliverAsync(notification);
        await Task.Delay(300);
        await chat.PollAsync();

        Assert.Single(chat.Seen, a => DirectLineClient.Describe(a).Contains("新工单待接单"));
        var post = Assert.Single(_webhook.Webhooks);
        Assert.Equal("markdown", (string?)post["msgtype"]);
        var content = (string)post["markdown"]!["content"]!;
        Assert.Contains("### 新工单待接单", content);
        Assert.Contains($"工单号：{orderId}", content);
        Assert.DoesNotContain("13805381234", content);
    }

    [Fact]
    public async Task A_group_robot_that_does_not_answer_gets_the_notice_from_the_queue_once_it_does()
    {
        _webhook.HoldWebhooks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The dispatch is answered although the robot is silent: the in-process delivery gives up at the webhook client's timeout.
        var orderId = await _cycle.DispatchedOrderAsync();
        var queue = _app.Storage.Queue(Functions.Hosting.QueueNames.Notifications);
        var queued = (await queue.ReceiveMessagesAsync(32)).Value
            .Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Body.ToString(), Gongjian.Bot.Storage.BotJson.Default.Notification)!)
            .Single(n => n.OrderId == orderId);
        Assert.Equal(("dispatched", RecipientKind.Unit), (queued.Kind, queued.Recipient.Kind));
        Assert.Empty(_webhook.Webhooks);

        _webhook.HoldWebhooks = null; // the robot answers again; the queue's retry delivers it, once
        await _cycle.DeliverAsync(queued);
        await _cycle.DeliverAsync(queued);
        var post = Assert.Single(_webhook.Webhooks);
        Assert.Contains($"工单号：{orderId}", (string)post["markdown"]!["content"]!);
    }

    [Fact]
    public async Task Reminders_and_escalations_arrive_as_plain_messages()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync($"绑定 {await _cycle.BindingCodeAsync()}");
        foreach (var (kind, text) in new[] { ("reminder", "【催办】请在 11月24日 18:00 前接单。"), ("escalation", "【督办】已超过办结期限，请尽快办结。") })
            await _cycle.DeliverAsync(new Notification
            {
                Id = Guid.NewGuid().ToString(), OrderId = "GJ261122-7KQ3MZ", Recipient = new Recipient(RecipientKind.Unit, "baosheng-property"),
                Kind = kind, Text = text, CreatedAt = DateTimeOffset.UtcNow,
            });
        var messages = string.Join("\n", (await chat.BotMessagesAsync(null)).Select(DirectLineClient.Describe));
        await Task.Delay(200);
        await chat.PollAsync();
        var all = string.Join("\n", chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe));
        Assert.Contains("【催办】", all);
        Assert.Contains("【督办】", all);
        Assert.Equal(2, _webhook.Webhooks.Count);
    }

    [Fact]
    public async Task Completion_asks_the_resident_for_a_rating_then_a_comment()
    {
        var (chat, orderId) = await PlacedAndCompletedAsync();
        await _cycle.DeliverAsync(Completed(orderId)); // a retry from the queue: asks nothing twice
        var messages = (await chat.BotMessagesAsync(null)).Select(DirectLineClient.Describe).ToList();
        var prompt = Assert.Single(messages, m => m.Contains("请为这次服务打分"));
        Assert.Equal(prompt, messages.Last());
        Assert.Contains("5 分最满意；如果问题没解决，请点“重新办理”", prompt);
        Assert.DoesNotContain("请点选 1～5 分", prompt);
        Assert.Contains("5分|4分|3分|2分|1分|重新办理", prompt);

        (string Say, string Expect)[] script = [("帮助", "1～5 分"), ("六分", "请选择 1～5 分"), ("5分", "还有什么想说"), ("很及时，谢谢！", "感谢您的评价")];
        foreach (var (say, expect) in script) Assert.Contains(expect, await chat.SayAsync(say));
        var state = await _cycle.StateAsync(orderId);
        Assert.Equal(OrderStatus.Confirmed, state.Status);
        Assert.Equal(5, state.Rating);
    }

    [Fact]
    public async Task Not_solved_offers_to_reopen_with_a_reason()
    {
        var (chat, orderId) = await PlacedAndCompletedAsync();
        await _cycle.DeliverAsync(Completed(orderId));
        await chat.BotMessagesAsync(null);
        Assert.Contains("哪里还没解决", await chat.SayAsync("重新办理"));
        Assert.Contains("已为您申请重新办理", await chat.SayAsync("灯还是不亮"));
        Assert.Equal(OrderStatus.Reopened, (await _cycle.StateAsync(orderId)).Status);
    }

    [Fact]
    public async Task A_notice_older_than_one_already_shown_for_the_order_is_not_shown()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var orderId = System.Text.RegularExpressions.Regex.Match(await chat.SayAsync("确认提交"), @"GJ\d{6}-[A-Z0-9]{6}").Value;

        // The queue hands them over out of order: 办结 (event 5) first, then the older 接单 (event 4).
        await _cycle.DeliverAsync(ToResident(orderId, 3, "dispatched", "您的诉求已派给泰山宝盛置业有限公司。"));
        await _cycle.DeliverAsync(ToResident(orderId, 5, "completed", "您的诉求已由泰山宝盛置业有限公司办结。"));
        await _cycle.DeliverAsync(ToResident(orderId, 4, "accepted", "泰山宝盛置业有限公司已接单，正在办理。"));
        // A notice of the same event (a reminder carries the order's last event) and a newer one still arrive.
        await _cycle.DeliverAsync(ToResident(orderId, 5, "reminder", "【提醒】请为这次服务打分。"));
        await _cycle.DeliverAsync(ToResident(orderId, 6, "closed", "工单已办结归档。"));
        await chat.PollAsync();

        var shown = chat.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe).ToList();
        var lines = string.Join("\n", shown);
        Assert.Contains("已派给", lines);
        Assert.Contains("办结。", lines);
        Assert.DoesNotContain("已接单，正在办理", lines);
        Assert.Contains("【提醒】", lines);
        Assert.Contains("归档", lines);
        Assert.True(shown.FindIndex(s => s.Contains("已派给")) < shown.FindIndex(s => s.Contains("办结。")), lines);
    }

    [Fact]
    public async Task The_order_of_notices_is_kept_per_order_and_per_chat()
    {
        var first = await DirectLineClient.StartAsync(_app.Http);
        await first.BotMessagesAsync(null);
        await first.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var a = System.Text.RegularExpressions.Regex.Match(await first.SayAsync("确认提交"), @"GJ\d{6}-[A-Z0-9]{6}").Value;
        await first.SayAsync("路灯不亮了，东七里社区宝盛小区5号楼，电话13805381234");
        var b = System.Text.RegularExpressions.Regex.Match(await first.SayAsync("确认提交"), @"GJ\d{6}-[A-Z0-9]{6}").Value;
        Assert.NotEqual(a, b);

        // Order A is far along; order B's first notice (a lower sequence) is still news, not an old notice.
        await _cycle.DeliverAsync(ToResident(a, 7, "accepted", $"工单 {a} 已接单。"));
        await _cycle.DeliverAsync(ToResident(b, 2, "dispatched", $"工单 {b} 已派单。"));
        await first.PollAsync();
        var lines = string.Join("\n", first.Seen.Where(DirectLineClient.IsBotMessage).Select(DirectLineClient.Describe));
        Assert.Contains($"工单 {a} 已接单", lines);
        Assert.Contains($"工单 {b} 已派单", lines);
    }

    private static Notification ToResident(string orderId, int sequence, string kind, string text) => new()
    {
        Id = $"{orderId}:{sequence}:{kind}:resident", OrderId = orderId, Recipient = new Recipient(RecipientKind.Resident, orderId),
        Kind = kind, Text = text, Sequence = sequence, CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Malformed_notification_fails_the_invocation_for_the_poison_queue()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => Functions.BotDesk.DeliverNotificationFunction.Run(new Functions.Hosting.FunctionInvocation
        {
            FunctionName = "DeliverNotification", InvocationId = "1", Message = "{\"id\":\"x\"}",
        }, _app.Services, CancellationToken.None));
    }

    private static Notification Completed(string orderId) => new()
    {
        // The id the engine gives the completion's notice to the resident (event 4): the app delivered it in process already.
        Id = $"{orderId}:4:resident:{orderId}".ToLowerInvariant(), OrderId = orderId, Recipient = new Recipient(RecipientKind.Resident, orderId), Kind = "completed",
        Text = "您的诉求已由泰山宝盛置业有限公司办结。问题解决了吗？请为这次服务打分（1–5 分）。", CreatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A resident places an order in chat; the unit accepts and completes it through the API.</summary>
    private async Task<(DirectLineClient Chat, string OrderId)> PlacedAndCompletedAsync()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var placed = await chat.SayAsync("确认提交");
        var orderId = System.Text.RegularExpressions.Regex.Match(placed, @"GJ\d{6}-[A-Z0-9]{6}").Value;
        var dispatcher = await _app.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await _cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await _app.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await _cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        var completed = await _cycle.PostAsync($"/api/orders/{orderId}/complete", liaison, new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        return (chat, orderId);
    }
}
