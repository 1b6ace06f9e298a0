using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The staff inbox in real Chromium against the real app and Azurite: a signed-in dispatcher's bell counts the
/// 新工单 notice of an order placed through the API (the console polls with If-None-Match, no reload), the inbox
/// page lists it with a link to the order, and 全部标为已读 clears the count. Screenshot: artifacts/screenshots/console/inbox.png.
/// </summary>
public sealed class InboxConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    [Fact]
    public async Task The_bell_counts_a_new_order_and_the_inbox_lists_it_until_marked_read()
    {
        var page = await Browser.OpenAsync();
        var polls = new List<string?>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/inbox?", StringComparison.Ordinal)) lock (polls) polls.Add(r.Headers.GetValueOrDefault("if-none-match")); };
        await page.GotoAsync(Url("/console/"));
        await SignInAsync(page, await App.DispatcherAsync());
        await page.Locator("[data-testid=inbox-bell][aria-label='消息']").WaitForAsync(); // nothing yet

        var (id, _) = await App.PlaceAsync(TestApp.NewOrder("单元门口的路灯不亮了"));
        // The next poll (every 30 s) brings it, without reloading the page.
        await page.Locator("[data-testid=inbox-bell][aria-label='消息，1 条未读']").WaitForAsync(new() { Timeout = 150_000 }); // the next 30 s poll; generous for a busy machine
        lock (polls) Assert.Contains(polls.Skip(1), tag => tag is { Length: > 2 }); // polls after the first send the ETag back

        await page.GetByTestId("inbox-bell").ClickAsync();
        await page.WaitForURLAsync("**/console/inbox");
        var list = page.GetByTestId("inbox-list");
        await list.GetByText("新工单").WaitForAsync();
        var text = await list.InnerTextAsync();
        Assert.Contains("【待派单】", text);
        Assert.Contains(id, text);
        Assert.Contains("单元门口的路灯不亮了", text);
        Assert.DoesNotContain("13805381234", await page.Locator("body").InnerTextAsync());
        await page.GetByTestId("inbox-unread").GetByText("1 条未读").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "inbox");

        await page.GetByRole(AriaRole.Button, new() { Name = "全部标为已读" }).ClickAsync();
        await page.Locator("[data-testid=inbox-bell][aria-label='消息']").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("inbox-unread").CountAsync());

        await list.GetByRole(AriaRole.Link, new() { Name = "查看工单" }).ClickAsync();
        await page.WaitForURLAsync($"**/console/orders/{id}");
        Assert.Empty(Browser.Complaints);
    }
}
