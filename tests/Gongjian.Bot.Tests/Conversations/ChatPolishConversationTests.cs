using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.Conversations;

/// <summary>
/// What a resident reads, polished (issue 8, item 5): how to address them (称呼), small talk, the one
/// summary card, and no deadline on finished orders. Tables of utterance → what the answer must (and
/// must not) contain, through the real app; "{order}" stands for the order number given earlier.
/// </summary>
public sealed partial class ChatPolishConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await BotTestApp.StartAsync(azurite);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Each step: what is said, what the answer contains, and what it must not contain (null: no check).</summary>
    public static TheoryData<string, (string Say, string Expect, string? Never)[], string?> Scripts => new()
    {
        {
            "No name given: asked once, with the card; the answer is on the card and on the order",
            [
                ("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "怎么称呼您", null),
                ("王阿姨", "好的，王阿姨，记住了", "FactSet"),
                ("确认提交", "王阿姨，已提交", null),
                ("路灯也不亮了，东七里社区宝盛小区5号楼，电话13805381234", "\"称呼\",\"value\":\"王阿姨\"", "怎么称呼您"),
            ],
            "王阿姨"
        },
        {
            "A self-introduction is understood, not taken for a wish, and the bot does not ask again",
            [
                ("你好，我叫王建国", "好的，王建国，记住了", "没太明白"),
                ("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "\"称呼\",\"value\":\"王建国\"", "怎么称呼您"),
                ("确认提交", "已提交", null),
            ],
            "王建国"
        },
        {
            "A surname is enough; said in the middle of a wish, the question is asked again",
            [
                ("我要点单", "遇到了什么问题", null),
                ("我姓王", "记住了，您姓王", "遇到了什么问题\n遇到了什么问题"),
                ("楼道灯坏了好几天", "哪个社区", null),
                ("东七里", "具体地点", null),
                ("宝盛小区3号楼", "联系电话", null),
                ("13805381234", "\"称呼\",\"value\":\"王先生/女士\"", "怎么称呼您"),
                ("确认提交", "已提交", null),
            ],
            "王先生/女士"
        },
        {
            "The name may be skipped: 确认提交 without one keeps 居民, and the bot does not ask again",
            [
                ("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "怎么称呼您", null),
                ("确认提交", "已提交", null),
                ("路灯不亮了，东七里社区宝盛小区5号楼，电话13805381234", "请核对下面的信息", "怎么称呼您"),
            ],
            "居民"
        },
        {
            "修改 → 称呼 changes the name",
            [
                ("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234", "怎么称呼您", null),
                ("李阿姨", "好的，李阿姨，记住了。信息没问题的话，请点上面的“确认提交”", "FactSet"),
                ("修改", "称呼", null),
                ("称呼", "怎么称呼您", null),
                ("张大爷", "\"称呼\",\"value\":\"张大爷\"", null),
                ("确认提交", "已提交", null),
            ],
            "张大爷"
        },
        {
            "Small talk is answered naturally, in context",
            [
                ("你好", "我是共建小助手", "没太明白"),
                ("谢谢", "不客气", "没太明白"),
                ("好的", "好的", "没太明白"),
                ("在吗", "在的", "没太明白"),
                ("楼道灯坏了好几天", "哪个社区", null),
                ("谢谢", "不客气。\n请问您住在哪个社区", null),
                ("好的", "哪个社区", "没找到这个社区"),
                ("东七里", "具体地点", null),
                ("宝盛小区3号楼", "联系电话", null),
                ("13805381234", "请确认您的诉求", null),
                ("谢谢", "请点卡片上的“确认提交”", "\"FactSet\""),
                ("好的", "已提交", null),
                ("确认提交", "没有要提交的内容", "请核对"),
                ("谢谢", "工单有进展我会在这里告诉您", "没太明白"),
                ("再见", "再见，祝您生活愉快", "没太明白"),
            ],
            null
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Resident_conversation_follows_the_script(string name, (string Say, string Expect, string? Never)[] script, string? contactName)
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        string? orderId = null;
        foreach (var (say, expect, never) in script)
        {
            var reply = await chat.SayAsync(say);
            Assert.True(reply.Contains(expect.Replace("{order}", orderId ?? "?")), $"[{name}] '{say}' → expected '{expect}' in:\n{reply}");
            if (never is not null) Assert.False(reply.Contains(never), $"[{name}] '{say}' → '{never}' must not be in:\n{reply}");
            orderId ??= OrderNumber().Match(reply) is { Success: true } m ? m.Value : null;
        }
        if (contactName is null) return;
        Assert.NotNull(orderId);
        Assert.Equal(contactName, (await new OrderCycle(_app).StateAsync(orderId!)).Contact.Name);
    }

    [Fact]
    public async Task The_summary_is_one_card_with_each_field_once_and_its_buttons_once()
    {
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        var replies = await chat.BotMessagesAsync(await chat.SendAsync("三楼楼道灯坏了一个星期了，东七里社区宝盛小区3号楼，电话13805381234"));
        var message = Assert.Single(replies);
        Assert.StartsWith("请核对下面的信息", (string?)message["text"]);
        Assert.DoesNotContain("以上", (string?)message["text"]);
        Assert.Null(message["suggestedActions"]);
        var card = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        var facts = card["content"]!["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(["问题", "类别", "社区", "地点", "电话"], facts.Keys);
        Assert.Equal("东七里社区", facts["社区"]);
        Assert.Equal("13805381234", facts["电话"]);
        // The wish's words appear once in what is shown (the fallback text is for channels that show no card).
        var shown = (string?)message["text"] + string.Join("|", facts.Values) + card["content"]!["body"]![0]!["text"];
        Assert.Equal(1, Regex.Count(shown, "楼道灯坏了"));
        Assert.Equal(["确认提交", "修改", "取消"], card["content"]!["actions"]!.AsArray().Select(a => (string)a!["title"]!));
        Assert.All(card["content"]!["actions"]!.AsArray(), a => Assert.Equal((string?)a!["title"], (string?)a["data"]));
    }

    [Fact]
    public async Task A_finished_order_shows_no_deadline_even_after_a_reminder_named_one()
    {
        var cycle = new OrderCycle(_app);
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var orderId = OrderNumber().Match(await chat.SayAsync("确认提交")).Value;
        await cycle.DeliverAsync(new Notification
        {
            Id = $"{orderId}:reminder", OrderId = orderId, Recipient = new Recipient(RecipientKind.Resident, orderId), Kind = "reminder",
            Text = "您的工单正在派单。", DueAt = DateTimeOffset.UtcNow.AddHours(3), CreatedAt = DateTimeOffset.UtcNow,
        });
        await chat.PollAsync();
        Assert.Contains("预计", await chat.SayAsync("查进度"));

        Assert.Contains($"已取消工单 {orderId}", await chat.SayAsync($"取消工单 {orderId}"));
        var progress = await chat.SayAsync("查进度");
        Assert.Contains("已取消", progress);
        Assert.DoesNotContain("预计", progress);
        Assert.DoesNotContain("前处理", progress);
    }

    [Fact]
    public async Task A_completed_order_asks_for_the_rating_instead_of_a_deadline()
    {
        var cycle = new OrderCycle(_app);
        var chat = await DirectLineClient.StartAsync(_app.Http);
        await chat.BotMessagesAsync(null);
        await chat.SayAsync("楼道灯坏了，东七里社区宝盛小区3号楼，电话13805381234");
        var orderId = OrderNumber().Match(await chat.SayAsync("确认提交")).Value;
        var dispatcher = await _app.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await _app.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        Assert.Contains("预计", await chat.SayAsync("查进度"));
        var completed = await cycle.PostAsync($"/api/orders/{orderId}/complete", liaison, new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        var progress = await chat.SayAsync("查进度");
        Assert.Contains("待评价", progress);
        Assert.Contains("我的评价", progress);
        Assert.DoesNotContain("预计", progress);
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
