using System.Text.RegularExpressions;
using Gongjian.Bot.Tests.Support;
using Gongjian.Domain.Orders;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// End to end in headless Chromium: the real Web Chat bundle on /chat, talking to the app's own
/// Direct Line by polling, clicked and typed into like a person would.
/// </summary>
public sealed partial class WebChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestApp _app = null!;
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
        _app = await BotTestApp.StartAsync(azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<ChatPageDriver> OpenChatAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var chat = new ChatPageDriver(await context.NewPageAsync());
        await chat.OpenAsync(_app.BaseAddress);
        await chat.SeeAsync("我是共建小助手");
        return chat;
    }

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
        var order = await new OrderCycle(_app).StateAsync(orderId);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal("repair", order.Category);
        Assert.Equal("dongqili", order.CommunityId);
        Assert.Equal("宝盛小区3号楼2单元", order.Address);
        Assert.Equal("13805381234", order.Contact.Phone);
    }

    [Fact]
    public async Task Liaison_accepts_a_dispatched_order_from_the_card()
    {
        var cycle = new OrderCycle(_app);
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

    [GeneratedRegex(@"GJ\d{6}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
