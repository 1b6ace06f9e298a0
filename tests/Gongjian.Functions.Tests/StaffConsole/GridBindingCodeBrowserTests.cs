using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// 网格员绑定码 in real Chromium: the dispatcher asks for the grid worker's chat binding code on the grid's card in 网格管理; a
/// grid without a worker key is told so in the API's words; with one, the code shows once with how to use it; with two,
/// the card asks for whom.
/// </summary>
public sealed class GridBindingCodeBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    [Fact]
    public async Task The_dispatcher_issues_a_grid_workers_chat_binding_code_from_the_grid_card()
    {
        var dispatcher = await App.DispatcherAsync();
        await (await Activities.ActivityClient.PostAsync(App, "/api/grids", NewGrid(), dispatcher)).ReadJsonAsync(201);
        var page = await SignedInAsync(dispatcher);
        await page.GetByTestId("menu").GetByText("网格管理").ClickAsync();
        var button = page.GetByTestId($"binding-code-{GridId}");
        await button.ClickAsync();
        var refused = page.GetByText("这个网格还没有在用的网格员密钥");
        await refused.WaitForAsync();
        await refused.WaitForAsync(new() { State = WaitForSelectorState.Hidden }); // the notice goes by itself

        await App.KeyAsync(ActorRole.GridWorker, GridId, "王建国");
        await button.ClickAsync();
        var shown = page.GetByTestId("grid-binding-code");
        await shown.GetByText("发给「东七里社区·宝盛网格」的网格员王建国").WaitForAsync();
        var code = (await shown.Locator("h2").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{6}$", code);
        await shown.GetByText($"请网格员在共建小助手中发送“绑定 {code}”").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "grid-binding-code");
        await page.GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();
        await shown.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // A second worker: the card asks for whom (oldest key first), and the code names the one chosen.
        await App.KeyAsync(ActorRole.GridWorker, GridId, "刘桂兰");
        await button.ClickAsync();
        var choice = page.GetByTestId("grid-worker-choice");
        await choice.GetByText("「宝盛网格」有 2 位网格员").WaitForAsync();
        Assert.Equal(["王建国", "刘桂兰"], (await choice.Locator("label").AllInnerTextsAsync()).Select(l => l[..3]));
        Assert.True(await page.GetByTestId("grid-worker-issue").IsDisabledAsync(), "nobody chosen yet");
        await choice.GetByText("刘桂兰").ClickAsync();
        await page.Locator("[data-testid='grid-worker-issue']:not([disabled])").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "grid-binding-code-choose");
        await page.GetByTestId("grid-worker-issue").ClickAsync();
        await shown.GetByText("发给「东七里社区·宝盛网格」的网格员刘桂兰").WaitForAsync();
        Assert.Matches("^[0-9]{6}$", (await shown.Locator("h2").InnerTextAsync()).Trim());
        await choice.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();
        await shown.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await ConsoleBrowser.ShootAsync(page, "grid-card");
        Assert.True(Browser.Complaints.Count == 0, string.Join("\n", Browser.Complaints));
    }
}
