using Gongjian.Functions.Needs;
using Gongjian.Functions.Resources;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// 需求清单 and 资源清单 in real Chromium against the real app and Azurite, on the demo data scripts/dev seeds: the
/// dispatcher sees the community's needs, asks for suggested units (with the reason) and matches the first; the
/// liaison sees only its own unit's resources. Screenshots: needs-suggestions, needs, resources.
/// </summary>
public sealed class ListsConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    [Fact]
    public async Task Dispatcher_sees_suggested_units_with_reasons_and_matches_one_liaison_sees_its_own_resources()
    {
        await DemoLists.SeedAsync(App.Services.GetRequiredService<NeedStore>(), App.Services.GetRequiredService<ResourceStore>(),
            DemoData.Units.ToDictionary(u => u.Id, u => u.Name), CancellationToken.None);

        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.GetByTestId("menu").GetByText("需求清单").ClickAsync();
        var page = dispatcher.GetByTestId("needs-page");
        var row = page.Locator("tr", new() { HasText = "读书分享和文艺排练" });
        await row.WaitForAsync();
        // 东七里's three demo needs only: none of 三联's or 青山's.
        Assert.Equal(3, await page.Locator("tbody tr.ant-table-row").CountAsync());
        Assert.DoesNotContain("独居和高龄老人", await page.InnerTextAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = "推荐单位" }).ClickAsync();
        var suggestions = dispatcher.GetByTestId("suggestion");
        await suggestions.First.GetByText("提供 文化教育：宝盛网格驿站活动室；覆盖 东七里社区；场地可容纳 30 人").WaitForAsync();
        Assert.Contains("泰山宝盛置业有限公司", await suggestions.First.InnerTextAsync());
        Assert.Contains("覆盖 全街道", await suggestions.Nth(1).InnerTextAsync()); // the volunteers' 漂流书屋, street-wide
        await ConsoleBrowser.ShootAsync(dispatcher, "needs-suggestions");

        await suggestions.First.GetByRole(AriaRole.Button, new() { Name = "对接" }).ClickAsync();
        await row.GetByText("已对接").WaitForAsync();
        Assert.Contains("泰山宝盛置业有限公司", await row.InnerTextAsync());
        await ConsoleBrowser.ShootAsync(dispatcher, "needs");

        var liaison = await SignedInAsync(await App.LiaisonAsync("baosheng-property"));
        await liaison.GetByTestId("menu").GetByText("资源清单").ClickAsync();
        var resources = liaison.GetByTestId("resources-page");
        await resources.GetByText("宝盛网格驿站活动室").WaitForAsync();
        Assert.Equal(2, await resources.Locator("tbody tr.ant-table-row").CountAsync());
        Assert.Contains("可容纳 30 人", await resources.InnerTextAsync());
        Assert.DoesNotContain("免费法律咨询", await resources.InnerTextAsync());
        await ConsoleBrowser.ShootAsync(liaison, "resources");

        Assert.Empty(Browser.Complaints);
    }
}
