using System.Text.RegularExpressions;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;
using Microsoft.Playwright;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// End to end in headless Chromium: the real Web Chat bundle on /chat, talking to the app's own
/// Direct Line by polling, clicked and typed into like a person would.
/// </summary>
public sealed partial class WebChatTests(AzuriteFixture azurite) : WebChatTest(azurite)
{
        [Fact]
    public async Task Resident_places_an_order_in_chinese_through_web_chat()
    {
        var chat = await OpenChatAsync();
        Assert.Equal("共建小助手 · 居民点单", await chat.Page.TitleAsync());

        await chat.PressAsync("我要点单");
        await chat.SeeAsync("遇到了什么问题");
        await chat.SayAsync("三楼楼道灯坏了一个星期了，晚上看不见");
        await chat.SeeAsync("请问您住在哪个社区");
        await chat.PressAsync("东七里社区");
        await chat.SeeAsync("请告诉我具体地点");
        await chat.SayAsync("宝盛小区3号楼2单元");
        await chat.SeeAsync("请留一个联系电话");
        await chat.SayAsync("138 0538 1234");
        await chat.SeeAsync("请确认您的诉求");
        await chat.PressAsync("确认提交");
        await chat.SeeAsync("已提交！您的工单号");

        var transcript = await chat.TranscriptAsync();
        var orderId = OrderNumber().Match(transcript).Value;
        Assert.False(string.IsNullOrEmpty(orderId), transcript);
        var order = await new OrderCycle(App).StateAsync(orderId);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal("repair", order.Category);
        Assert.Equal("dongqili", order.CommunityId);
        Assert.Equal("宝盛小区3号楼2单元", order.Address);
        Assert.Equal("13805381234", order.Contact.Phone);
    }

    [Fact]
    public async Task Liaison_accepts_a_dispatched_order_from_the_card()
    {
        var cycle = new OrderCycle(App);
        var chat = await OpenChatAsync();
        await chat.SayAsync($"绑定 {await cycle.BindingCodeAsync()}");
        await chat.SeeAsync("绑定成功！您现在是「泰山宝盛置业有限公司」的联络员");

        var orderId = await cycle.DispatchedOrderAsync();
        await cycle.DeliverAsync(OrderCycle.Dispatched(orderId));
        await chat.SeeAsync("新工单待接单");
        await chat.PressAsync("接单");
        await chat.SeeAsync("已接单！");

        Assert.Equal(OrderStatus.Accepted, (await cycle.StateAsync(orderId)).Status);
        Assert.Contains("13805381234", await chat.TranscriptAsync());
    }

    [Theory]
    [InlineData("/chat/")]
    [InlineData("/chat")]
    public async Task The_page_works_with_or_without_a_trailing_slash_and_the_send_box_has_the_focus(string path)
    {
        var context = await Chromium.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var chat = new ChatPageDriver(await context.NewPageAsync());
        await chat.OpenAsync(App.BaseAddress, path);
        await chat.SeeAsync("我是共建小助手");
        Assert.DoesNotContain(chat.BrowserLog, line => line.StartsWith("HTTP ", StringComparison.Ordinal));

        // Typing right away, without clicking anywhere, goes into the send box.
        await chat.Page.WaitForFunctionAsync(
            "() => document.activeElement && document.activeElement.getAttribute('data-id') === 'webchat-sendbox-input'",
            null, new() { Timeout = (float)ChatPageDriver.Patience.TotalMilliseconds });
        await chat.Page.Keyboard.TypeAsync("在吗");
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.SeeAsync("在的，您请说");
        await context.CloseAsync();
    }

    /// <summary>
    /// A whole resident conversation as a person sees it: the summary card with one field per line and
    /// its buttons once, the 称呼 asked once, small talk, notices in order (an older one that arrives late
    /// is not shown), the rating, and the progress of the finished order without a deadline. With
    /// GONGJIAN_SCREENSHOTS set to a folder, the page is photographed there (card.png, conversation.png).
    /// </summary>
    [Fact]
    public async Task A_whole_resident_conversation_reads_well_in_web_chat()
    {
        var cycle = new OrderCycle(App);
        var context = await Chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 480, Height = 900 } });
        var chat = new ChatPageDriver(await context.NewPageAsync());
        await chat.OpenAsync(App.BaseAddress, "/chat/");
        await chat.SeeAsync("我是共建小助手");

        await chat.SayAsync("三楼楼道灯坏了一个星期了，晚上看不见");
        await chat.SeeAsync("请问您住在哪个社区");
        await chat.PressAsync("东七里社区");
        await chat.SeeAsync("请告诉我具体地点");
        await chat.SayAsync("宝盛小区3号楼2单元");
        await chat.SeeAsync("请留一个联系电话");
        await chat.SayAsync("138 0538 1234");
        await chat.SeeAsync("怎么称呼您");

        // One card, its buttons once (no suggested actions beside it), each field on its own line.
        // The transcript people see (Web Chat also copies new activities into a hidden live region for screen readers).
        var transcript = chat.Page.Locator("#webchat .webchat__basic-transcript__transcript");
        await ScreenshotAsync(chat, "card.png");
        Assert.Equal(1, await transcript.GetByRole(AriaRole.Button, new() { Name = "确认提交", Exact = true }).CountAsync());
        Assert.Equal(1, await transcript.GetByRole(AriaRole.Button, new() { Name = "修改", Exact = true }).CountAsync());
        Assert.Equal(0, await chat.Page.Locator("#webchat [role=toolbar], #webchat .webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "确认提交" }).CountAsync());
        // Each field is a row of its own, one below the other (measured in one go: the transcript may scroll).
        var rows = await transcript.Locator(".ac-adaptiveCard").Last.EvaluateAsync<double[][]>(
            "card => [...card.querySelectorAll('.ac-factset tr')].map(r => [r.getBoundingClientRect().top, r.getBoundingClientRect().bottom])");
        Assert.Equal(5, rows.Length);
        for (var i = 1; i < rows.Length; i++) Assert.True(rows[i][0] >= rows[i - 1][1], $"row {i} starts above the end of row {i - 1}");
        Assert.Equal(1, await transcript.GetByText("三楼楼道灯坏了一个星期了，晚上看不见", new() { Exact = true }).CountAsync() - 1);

        await chat.SayAsync("王阿姨");
        await chat.SeeAsync("好的，王阿姨，记住了");
        Assert.Equal(1, await transcript.GetByRole(AriaRole.Button, new() { Name = "确认提交", Exact = true }).CountAsync());
        await chat.PressAsync("确认提交");
        await chat.SeeAsync("王阿姨，已提交！您的工单号");
        var orderId = OrderNumber().Match(await chat.TranscriptAsync()).Value;
        Assert.Equal("王阿姨", (await cycle.StateAsync(orderId)).Contact.Name);
        await chat.SayAsync("谢谢");
        await chat.SeeAsync("不客气！工单有进展我会在这里告诉您");

        var dispatcher = await App.KeyAsync(ActorRole.Dispatcher, "dongqili");
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/dispatch", dispatcher, new { unitId = "baosheng-property" })).IsSuccessStatusCode);
        var liaison = await App.KeyAsync(ActorRole.Liaison, "baosheng-property");
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/accept", liaison, null)).IsSuccessStatusCode);
        Assert.True((await cycle.PostAsync($"/api/orders/{orderId}/complete", liaison, new { note = "已更换灯泡", photos = new[] { TestImages.PngBase64() } })).IsSuccessStatusCode);
        // The app tells the resident in process, as each step is stored: 接单, then 办结 with the rating.
        await chat.SeeAsync("请为这次服务打分");
        // A late retry of the 接单 notice from the queue (its own id, as the engine gave it) shows nothing again.
        var state = await cycle.StateAsync(orderId);
        await cycle.DeliverAsync(ToResident(orderId, state.Version - 1, "accepted", "您的诉求已由泰山宝盛置业有限公司接单，正在办理中。"));
        await chat.PressAsync("5分");
        await chat.SeeAsync("还有什么想说的吗");
        await chat.SayAsync("灯修好了，谢谢师傅");
        await chat.SeeAsync("感谢您的评价");
        await chat.SayAsync("查进度");
        await chat.SeeAsync("已评价");
        await chat.SayAsync("再见");
        await chat.SeeAsync("祝您生活愉快");

        var all = await chat.TranscriptAsync();
        // Shown once, before the rating. Counted by the transcript's own label of each message ("机器人 共建 说: …"): the live
        // region above it repeats only the latest messages, as many as arrived together.
        const string Accepted = "说: 您的诉求已由泰山宝盛置业有限公司接单，正在办理中", Rating = "说: 您的诉求已由泰山宝盛置业有限公司办结";
        Assert.Equal(1, all.Split(Accepted).Length - 1);
        Assert.True(all.IndexOf(Accepted, StringComparison.Ordinal) < all.IndexOf(Rating, StringComparison.Ordinal), all);
        Assert.DoesNotContain("预计", all[all.LastIndexOf("您的工单进度", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("没太明白", all);
        Assert.DoesNotContain("以上", all);
        await ScreenshotAsync(chat, "conversation.png");
        await context.CloseAsync();
    }

    private static Notification ToResident(string orderId, int sequence, string kind, string text) => new()
    {
        Id = $"{orderId}:{sequence}:resident:{orderId}".ToLowerInvariant(), OrderId = orderId, Recipient = new Recipient(RecipientKind.Resident, orderId),
        Kind = kind, Text = text, Sequence = sequence, CreatedAt = DateTimeOffset.UtcNow,
    };

    private static async Task ScreenshotAsync(ChatPageDriver chat, string name)
    {
        if (Environment.GetEnvironmentVariable("GONGJIAN_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await chat.ScreenshotAsync(Path.Combine(folder, name));
    }

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
