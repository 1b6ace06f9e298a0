using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The console's second slice in real Chromium against the real app and Azurite: the dispatcher dispatches to
/// the suggested unit; the contact stays masked until 显示联系方式 and the audit lists that view; the organizer's
/// street overview counts the orders made; a showcase is composed, previewed, published, read by an anonymous
/// browser without personal data, withdrawn and gone. Screenshots go to artifacts/screenshots/console.
/// </summary>
public sealed class OrganizerConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite, "--Sla:DispatchWithin=00:00:03")
{
    private const string Phone = "13805381234";
    // Dispatch is due 3 s after placing (app argument above), so the overview's overdue list fills within the test.

    private async Task<JsonElement> OrderAsync(string id) =>
        await (await App.GetAsync($"/api/orders/{id}?contact=masked", await App.DispatcherAsync())).ReadJsonAsync(200);

    [Fact]
    public async Task Dispatcher_dispatches_to_the_suggested_unit_and_reveals_the_contact_only_on_asking()
    {
        var (busy, _) = await App.PlaceAsync(TestApp.NewOrder("小区花坛垃圾很多", "environment"));
        await App.DispatchAsync(busy, await App.DispatcherAsync(), "caiyuan-volunteers"); // the volunteers hold one open order
        var (id, _) = await App.PlaceAsync(TestApp.NewOrder("楼下垃圾桶满了没人清", "environment"));

        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.GotoAsync(Url($"/console/orders/{id}"));
        // Two units serve 环境卫生 in 东七里: 宝盛置业 holds nothing, the volunteers one order; the lighter one is preselected.
        await dispatcher.GetByTestId("suggestion-reason").GetByText("推荐理由：服务类别相符 · 覆盖本社区 · 暂无在办工单").WaitForAsync();
        Assert.Contains("泰山宝盛置业有限公司", await dispatcher.GetByTestId("unit-select").InnerTextAsync());
        await dispatcher.GetByTestId("unit-select").ClickAsync();
        await dispatcher.GetByTestId("suggestion-caiyuan-volunteers").GetByText("服务类别相符 · 覆盖本社区 · 在办 1 单").WaitForAsync();
        await ConsoleBrowser.ShootAsync(dispatcher, "dispatch-suggestions");
        await dispatcher.Keyboard.PressAsync("Escape");

        // Masked, and no audit row, until 显示联系方式.
        Assert.Equal("138****1234", await dispatcher.GetByTestId("order-phone").InnerTextAsync());
        await dispatcher.GetByTestId("contact-views").GetByText("还没有人查看过未打码的联系方式").WaitForAsync();
        Assert.DoesNotContain(Phone, await dispatcher.Locator("body").InnerTextAsync());
        await dispatcher.GetByTestId("reveal-contact").ClickAsync();
        await dispatcher.GetByTestId("order-phone").GetByText(Phone).WaitForAsync();
        var audit = dispatcher.GetByTestId("contact-views");
        await audit.GetByText("工作台").WaitForAsync();
        Assert.Contains("东七里社区派单员", await audit.InnerTextAsync());
        await ConsoleBrowser.ShootAsync(dispatcher, "order-contact-audit");

        // One step, a double click: one dispatch, to the suggested unit.
        await dispatcher.GetByTestId("dispatch").DblClickAsync();
        await dispatcher.GetByTestId("order-status").GetByText("待接单", new() { Exact = true }).WaitForAsync();
        var order = await OrderAsync(id);
        Assert.Equal("baosheng-property", order.GetProperty("unit").GetProperty("id").GetString());
        Assert.Single(order.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("type").GetString() == "dispatched");

        // The organizer reads the audit (the dispatcher's views, via the console) but never the contact itself.
        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.GotoAsync(Url($"/console/orders/{id}"));
        var seen = organizer.GetByTestId("contact-views");
        await seen.GetByText("工作台").First.WaitForAsync();
        Assert.Contains("派单员", await seen.InnerTextAsync());
        Assert.Equal(0, await organizer.GetByTestId("reveal-contact").CountAsync());
        Assert.DoesNotContain(Phone, await organizer.Locator("body").InnerTextAsync());

        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Street_overview_counts_the_orders_and_lists_the_overdue_and_escalated()
    {
        var dispatcher = await App.DispatcherAsync();
        var (a, _) = await App.PlaceAsync();
        var (b, _) = await App.PlaceAsync(TestApp.NewOrder("单元门禁坏了，老人进不了门"));
        var (c, _) = await App.PlaceAsync(TestApp.NewOrder("小区路灯不亮"));
        var (d, _) = await App.PlaceAsync(TestApp.NewOrder("楼道里堆满了杂物", "environment", "sanlian"));
        await App.DispatchAsync(c, dispatcher);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var store = App.Services.GetRequiredService<OrderStore>();
        var placedAt = (await store.LoadAsync(b, default))!.State.PlacedAt;
        Assert.Null((await store.ExecuteAsync(b, new ExpireDeadline
        {
            By = Actor.System, Step = SlaStep.Dispatch, StepStartedAt = placedAt, Policy = App.Services.GetRequiredService<SlaPolicy>(),
        }, default)).Rejection);

        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.WaitForURLAsync("**/console/street");
        await organizer.GetByText("财源街道 · 总览").WaitForAsync();
        await organizer.GetByTestId("count-total").GetByText("4").WaitForAsync();
        Assert.Contains("3", await organizer.GetByTestId("count-placed").InnerTextAsync());
        Assert.Contains("1", await organizer.GetByTestId("count-dispatched").InnerTextAsync());
        var dongqili = await organizer.GetByTestId("community-dongqili").Locator("td").AllInnerTextsAsync();
        Assert.Equal(["东七里社区", "3", "3", "2"], dongqili);
        var sanlian = await organizer.GetByTestId("community-sanlian").Locator("td").AllInnerTextsAsync();
        Assert.Equal(["三联社区", "1", "1", "1"], sanlian);
        var overdue = organizer.GetByTestId("overdue-list");
        foreach (var id in new[] { a, b, d }) await overdue.GetByText(id).WaitForAsync();
        Assert.Equal(0, await overdue.GetByText(c).CountAsync());
        var escalated = organizer.GetByTestId("escalated-list");
        await escalated.GetByText(b).WaitForAsync();
        Assert.Contains("督办（1）", await escalated.InnerTextAsync());
        Assert.DoesNotContain(Phone, await organizer.Locator("body").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(organizer, "street-overview");

        // Each order links to its page.
        await escalated.GetByRole(AriaRole.Link, new() { Name = b }).ClickAsync();
        await organizer.GetByTestId("order-id").GetByText(b).WaitForAsync();
        Assert.Contains("已督办", await organizer.Locator("body").InnerTextAsync());

        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Organizer_composes_previews_publishes_and_withdraws_and_the_public_sees_no_personal_data()
    {
        var (dispatcher, liaison) = (await App.DispatcherAsync(), await App.LiaisonAsync());
        var (id, code) = await App.PlaceAsync(TestApp.NewOrder(photos: [TestImages.PngBase64()]));
        await App.DispatchAsync(id, dispatcher);
        await App.AcceptAsync(id, liaison);
        await App.CompleteAsync(id, liaison);
        await (await App.PostAsync($"/api/orders/{id}/confirm", new { rating = 5, comment = "师傅很负责" }, trackingCode: code)).ReadJsonAsync(200);
        const string title = "楼道亮了，居民心也亮了";
        const string story = "东七里社区居民反映楼道灯损坏，宝盛置业当天上门更换，老人晚上上下楼不再摸黑。";

        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.GetByTestId("compose").ClickAsync();
        await organizer.WaitForURLAsync("**/console/showcases/new");
        var row = organizer.Locator("tr", new() { HasText = id });
        await row.Locator("input[type=checkbox]").CheckAsync();
        var choices = organizer.GetByTestId("photo-choices");
        // One before-photo (not shown unless chosen) and one after-photo (shown by default).
        var boxes = choices.GetByRole(AriaRole.Checkbox);
        await boxes.Nth(1).WaitForAsync();
        Assert.Equal(2, await boxes.CountAsync());
        Assert.False(await boxes.Nth(0).IsCheckedAsync());
        Assert.True(await boxes.Nth(1).IsCheckedAsync());
        await boxes.Nth(0).CheckAsync(); // show the before-photo too
        await organizer.GetByTestId("showcase-title").FillAsync(title);
        await organizer.GetByTestId("showcase-story").FillAsync("李秀英家3号楼2单元301的灯修好了");
        Assert.True(await organizer.GetByTestId("publish").IsDisabledAsync()); // publish only what was previewed

        // The API refuses personal data; the console says why.
        await organizer.GetByTestId("preview").ClickAsync();
        await organizer.GetByTestId("compose-problem").GetByText("请删除后再发布").WaitForAsync();
        await organizer.GetByTestId("showcase-story").FillAsync(story);
        await organizer.GetByTestId("preview").ClickAsync();

        // The preview is the public page's own rendering, photos loaded, styles applied under the console's policy.
        var frame = organizer.FrameLocator("[data-testid=preview-frame]");
        await frame.Locator("h1").GetByText(title).WaitForAsync();
        var frameHandle = await (await organizer.QuerySelectorAsync("[data-testid=preview-frame]"))!.ContentFrameAsync();
        await frameHandle!.WaitForFunctionAsync("() => [...document.images].length === 2 && [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal("处理前", await frameHandle.EvalOnSelectorAsync<string>("a.labelled", "a => a.dataset.label"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await frameHandle.EvalOnSelectorAsync<string>(".tags li", "e => getComputedStyle(e).backgroundColor"));
        var previewText = await frame.Locator("body").InnerTextAsync();
        await ConsoleBrowser.ShootAsync(organizer, "showcase-compose");

        await organizer.GetByTestId("publish").DblClickAsync();
        var link = organizer.GetByTestId("public-link");
        await link.WaitForAsync();
        var href = Url((await link.GetAttributeAsync("href"))!);
        Assert.Equal(1, (await (await App.GetAsync("/api/showcases")).ReadJsonAsync(200)).GetArrayLength()); // a double click published once

        // An anonymous reader: the same page as previewed, no name, phone, address or the resident's words.
        var reader = await Browser.OpenAsync(phone: true);
        var answer = await reader.GotoAsync(href);
        Assert.Equal(200, answer!.Status);
        await reader.Locator("h1").GetByText(title).WaitForAsync();
        var html = await reader.ContentAsync();
        foreach (var secret in new[] { Phone, "138****1234", "李秀英", "宝盛小区3号楼", "三楼楼道灯坏了一个星期了", "师傅很负责", id })
            Assert.DoesNotContain(secret, html);
        Assert.Equal(previewText, await reader.Locator("body").InnerTextAsync());
        await reader.WaitForFunctionAsync("() => [...document.images].length === 2 && [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await ConsoleBrowser.ShootAsync(reader, "showcase-published");

        // Withdraw from the street page: the public page is gone, with a clear Chinese page.
        await organizer.GetByRole(AriaRole.Button, new() { Name = "返回总览" }).ClickAsync();
        var showcases = organizer.GetByTestId("showcases");
        await showcases.GetByText(title).WaitForAsync();
        await showcases.GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await organizer.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await organizer.GetByText("已撤回，公开页面不再显示这篇晒单。").WaitForAsync();
        await showcases.GetByText("还没有发布晒单").WaitForAsync();

        // A new reader (the first one's browser may keep the page for its max-age of 5 minutes, as a CDN would).
        reader = await Browser.OpenAsync(phone: true);
        answer = await reader.GotoAsync(href);
        Assert.Equal(410, answer!.Status);
        await reader.GetByText("这篇晒单已撤回").First.WaitForAsync();
        Assert.DoesNotContain(title, await reader.ContentAsync());
        await ConsoleBrowser.ShootAsync(reader, "showcase-withdrawn");

        Assert.Empty(Browser.Complaints);
    }
}
