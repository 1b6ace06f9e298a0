using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Scorecards;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// 统计与年度评议 in real Chromium against the real app and Azurite: a known year of records and this month's orders;
/// the organizer reads the indicators table and the ECharts charts, starts the suggested scheme, enters 居民代表评议,
/// opens a score's records, publishes, and prints a unit's report; a liaison sees its own line only. Screenshots go to
/// artifacts/screenshots/console, and the charts page to docs/evaluation-charts.png.
/// </summary>
public sealed class EvaluationConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    [Fact]
    public async Task Organizer_reads_indicators_and_charts_scores_the_year_traces_a_point_publishes_and_prints()
    {
        await EvaluationYard.WriteAsync(App);
        var (dispatcher, baosheng) = (await App.DispatcherAsync(), await App.LiaisonAsync());
        for (var n = 0; n < 3; n++)
        {
            var (id, _) = await App.PlaceAsync(TestApp.NewOrder($"{n + 3}号楼楼道灯不亮"));
            await App.DispatchAsync(id, dispatcher);
            if (n < 2) await App.AcceptAsync(id, baosheng);
        }

        var page = await SignedInAsync(await App.OrganizerAsync());
        await page.GetByTestId("menu").GetByText("评议", new() { Exact = true }).ClickAsync();
        var table = page.GetByTestId("indicators-table");
        var row = table.Locator("tr", new() { HasText = "泰山宝盛置业有限公司" });
        // answered both it was sent in time (the third is not due yet)
        await row.Filter(new() { HasText = "100.0%" }).WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "evaluation-indicators");

        await page.GetByRole(AriaRole.Tab, new() { Name = "统计图表" }).ClickAsync();
        foreach (var chart in new[] { "chart-months", "chart-categories", "chart-overdue", "chart-units", "chart-communities" })
            await page.Locator($"[data-testid={chart}][data-ready=true] canvas").First.WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "evaluation-charts");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Root, "docs", "evaluation-charts.png"), FullPage = true });

        // No scheme yet: the organizer starts from the suggested one, then enters 宝盛's 居民代表评议.
        await page.GetByRole(AriaRole.Tab, new() { Name = "年度评议" }).ClickAsync();
        await page.GetByTestId("use-suggested").ClickAsync();
        var line = page.GetByTestId("scorecard-table").Locator("tr", new() { HasText = "泰山宝盛置业有限公司" });
        await line.WaitForAsync();
        var before = await line.InnerTextAsync();
        Assert.Contains("28", before);
        await page.GetByLabel("泰山宝盛置业有限公司评议分").FillAsync("18");
        await page.GetByLabel("泰山宝盛置业有限公司评议分").PressAsync("Tab");
        // 15 (answered both due in time) + 10 (two claims) + 2 (a commitment met) + 1 (two attended its activity) = 28, and 18 entered: 46.
        await line.Locator("b", new() { HasText = "46" }).WaitForAsync();
        Assert.NotEqual(before, await line.InnerTextAsync());

        // A point opens its records: 宝盛's two approved claims.
        await page.GetByTestId("points-baosheng-property-projects_claimed").ClickAsync();
        var trace = page.GetByTestId("trace");
        await trace.GetByText("小区停车整治").WaitForAsync();
        Assert.Contains("楼道亮灯", await trace.InnerTextAsync());
        await SettledAsync(page);
        await ConsoleBrowser.ShootAsync(page, "evaluation-trace");
        await page.Keyboard.PressAsync("Escape");
        await trace.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await SettledAsync(page);
        await ConsoleBrowser.ShootAsync(page, "evaluation-scorecard");

        await page.GetByTestId("publish").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await page.GetByTestId("scorecard-status").GetByText("已发布 · 方案第 1 版").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "打印报告" }).ClickAsync();
        await page.GetByTestId("report").GetByText("年度共建评议报告").WaitForAsync();
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await page.Locator(".shell-header").IsVisibleAsync());
        await ConsoleBrowser.ShootAsync(page, "evaluation-report-print");
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });

        // The CSV link downloads the indicators; 导出记录 then shows who exported what.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-indicators-csv").ClickAsync());
        Assert.EndsWith("-考核指标.csv", download.SuggestedFilename);
        await page.GetByRole(AriaRole.Tab, new() { Name = "导出记录" }).ClickAsync();
        var exportRow = page.GetByTestId("export-records").Locator("tr", new() { HasText = "CSV" });
        await exportRow.WaitForAsync();
        Assert.Contains("财源街道党工委", await exportRow.InnerTextAsync());
        Assert.Contains("考核指标", await exportRow.InnerTextAsync());
        await SettledAsync(page);
        await ConsoleBrowser.ShootAsync(page, "evaluation-exports");

        // A liaison: its own line, ranked in the street; never another unit's.
        var liaison = await SignedInAsync(baosheng);
        await liaison.GotoAsync(Url("/console/evaluation?tab=scorecard"));
        await liaison.GetByTestId("scorecard-table").Locator("tr", new() { HasText = "泰山宝盛置业有限公司" }).WaitForAsync();
        Assert.DoesNotContain("财源街道社区卫生服务中心", await liaison.GetByTestId("scorecard-table").InnerTextAsync());
        Assert.Equal(0, await liaison.GetByTestId("publish").CountAsync());
        Assert.Equal(0, await liaison.GetByRole(AriaRole.Tab, new() { Name = "导出记录" }).CountAsync());
        await ConsoleBrowser.ShootAsync(liaison, "evaluation-liaison");

        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Organizer_edits_the_scheme_each_save_a_new_version_and_a_published_year_keeps_it()
    {
        await EvaluationYard.WriteAsync(App);
        var page = await SignedInAsync(await App.OrganizerAsync());
        await page.GotoAsync(Url("/console/evaluation?tab=scorecard"));
        await page.GetByTestId("use-suggested").ClickAsync();
        await page.GetByTestId("scorecard-status").GetByText("草稿 · 方案第 1 版").WaitForAsync();

        // The editor starts from the current version: eight indicators, 居民代表评议 out of 20, 100 in all.
        await page.GetByTestId("scheme-edit").ClickAsync();
        var editor = page.GetByTestId("scheme-editor");
        await editor.GetByTestId("scheme-item-7").WaitForAsync();
        Assert.Equal("20", await page.GetByLabel("评议分满分").InputValueAsync());
        await editor.GetByTestId("scheme-sum").GetByText("各项满分之和 100 分，方案总分 100 分，一致。").WaitForAsync();

        // 居民代表评议 raised to 25 without raising the total: the sum says so, and the API refuses it in its words.
        await page.GetByLabel("评议分满分").FillAsync("25");
        await editor.GetByTestId("scheme-sum").GetByText("各项满分之和 105 分，方案总分 100 分，请调整").WaitForAsync();
        await editor.GetByTestId("scheme-save").ClickAsync();
        await editor.GetByTestId("scheme-problem").GetByText("各项满分之和为 105 分，与方案总分 100 分不一致。").WaitForAsync();

        // The total follows: saved as version 2, and the scorecard is scored with it.
        await page.GetByTestId("scheme-total").FillAsync("105");
        await editor.GetByTestId("scheme-sum").GetByText("一致。").WaitForAsync();
        await SettledAsync(page);
        await ConsoleBrowser.ShootAsync(page, "evaluation-scheme-editor");
        await editor.GetByTestId("scheme-save").ClickAsync();
        await page.GetByTestId("scheme-saved").GetByText("已保存为方案第 2 版").WaitForAsync();
        await page.GetByTestId("scorecard-status").GetByText("草稿 · 方案第 2 版").WaitForAsync();
        await page.GetByText("满分 105 分").WaitForAsync();

        // Published: the scheme can no longer change, here or through the API.
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await page.GetByTestId("scorecard-status").GetByText("已发布 · 方案第 2 版").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("scheme-edit").CountAsync());
        Assert.Empty(Browser.Complaints);
    }
}
