using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Activities.ActivityClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// 格事坊 in real Chromium on the real app: a grid worker on a phone checks in (the browser's location far from the grid:
/// recorded and flagged), is told in the API's words that a report needs a photo, then reports with one; the dispatcher
/// finds it in 格事坊, sees the location and reporter, the suggested duplicate, merges it, hands the 僵尸车 to 城管办, and
/// reads the grid's team and check-ins in 网格管理.
/// </summary>
public sealed class GridConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    [Fact]
    public async Task A_grid_worker_checks_in_and_reports_from_a_phone_and_the_dispatcher_merges_the_duplicate_and_hands_the_car_over()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(App);
        var earlier = (await FiledAsync(App, worker)).GetProperty("id").GetString()!;

        // The worker's phone, 1.4 km north of the grid's centre.
        var phone = await SignedInAsync(worker, phone: true);
        await phone.Context.GrantPermissionsAsync(["geolocation"]);
        await phone.Context.SetGeolocationAsync(new Geolocation { Latitude = 32.0600f, Longitude = (float)CentreLon });
        await phone.GetByTestId("checkin").ClickAsync();
        await phone.GetByTestId("checked-in").GetByText("超出网格范围，已记录").WaitForAsync();
        await phone.Context.SetGeolocationAsync(new Geolocation { Latitude = 32.0479f, Longitude = 112.1441f });
        await phone.GetByTestId("locate").ClickAsync();
        await phone.GetByTestId("location").GetByText("已定位").WaitForAsync();
        await phone.GetByText("车辆停放（含僵尸车）").ClickAsync();
        await phone.GetByTestId("report-text").FillAsync("3栋旁的车很久没动过，轮胎瘪了，疑似僵尸车。");
        await phone.GetByTestId("report-place").FillAsync("阳光花园小区3栋旁");
        await phone.GetByTestId("report-submit").ClickAsync();
        await phone.GetByTestId("report-error").GetByText("请至少拍一张现场照片。").WaitForAsync();
        await phone.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "car.png", MimeType = "image/png", Buffer = TestImages.Picture(64, 48, (90, 100, 120), (160, 160, 150)) });
        await ConsoleBrowser.ShootAsync(phone, "grid-report-phone");
        await phone.GetByTestId("report-submit").ClickAsync();
        await phone.GetByTestId("report-status").GetByText("待处置").WaitForAsync();
        var second = phone.Url.Split('/')[^1];
        await ConsoleBrowser.ShootAsync(phone, "grid-report-phone-filed");

        // The dispatcher: 格事坊 lists both; the second shows its location and reporter and suggests the first.
        var page = await SignedInAsync(dispatcher);
        await page.GetByTestId("menu").GetByText("格事坊").ClickAsync();
        await page.GetByTestId($"gridreport-{second}").WaitForAsync();
        await page.GetByTestId($"gridreport-{earlier}").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "gridreports");
        await page.GetByTestId($"gridreport-{second}").ClickAsync();
        await page.GetByText("北纬 32.04790").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "合并（疑似重复 1）" }).ClickAsync();
        await page.GetByTestId($"merge-{earlier}").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "gridreport-duplicates");
        await page.GetByTestId($"merge-{earlier}").ClickAsync();
        await page.GetByTestId("report-status").GetByText("已合并").WaitForAsync();

        // The first: handed to the street's 城管办 with a note.
        await page.GotoAsync(Url($"/console/gridreports/{earlier}"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "转交" }).ClickAsync();
        await page.GetByTestId("handover-body").FillAsync("财源街道城管办");
        await page.GetByTestId("handover").ClickAsync();
        await page.GetByText("请说明转交的原因和情况。").First.WaitForAsync();
        await page.GetByTestId("handover-note").FillAsync("已联系交警，张贴告知单后无人认领，转交城管办依法处置。");
        await page.GetByTestId("handover").ClickAsync();
        await page.GetByTestId("report-status").GetByText("已转交").WaitForAsync();
        await page.GetByTestId("timeline-duplicate").WaitForAsync();
        await page.GetByTestId("timeline-handed_over").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "gridreport-handed-over");

        // 网格管理: the team with phones (staff), and the check-in flagged far.
        await page.GetByTestId("menu").GetByText("网格管理").ClickAsync();
        var grid = page.GetByTestId($"grid-{GridId}");
        await grid.GetByText("网格长：李红梅 13807101234").WaitForAsync();
        await grid.GetByRole(AriaRole.Button, new() { Name = "签到记录" }).ClickAsync();
        await grid.GetByText("超出网格").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "grids");

        // The worker's inbox was told both outcomes.
        await phone.GotoAsync(Url("/console/inbox"));
        await phone.GetByText("已合并处理").First.WaitForAsync();
        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task The_dispatcher_edits_a_grids_team_and_a_stale_edit_is_refused()
    {
        await GridWithWorkerAsync(App);
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url("/console/grids"));
        var grid = page.GetByTestId($"grid-{GridId}");
        await grid.GetByText("网格长：李红梅 13807101234").WaitForAsync();

        // A new 网格员 joins the team and the leader's phone changes.
        await grid.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        var drawer = page.GetByTestId("grid-edit");
        await drawer.GetByLabel("姓名").First.WaitForAsync();
        var leader = drawer.GetByLabel("电话").First;
        await leader.FillAsync("13807109999");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "添加团队成员" }).ClickAsync();
        await drawer.GetByLabel("姓名").Last.FillAsync("赵小龙");
        await SettledAsync(page);
        await ConsoleBrowser.ShootAsync(page, "grid-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "保 存" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "保存" })).ClickAsync();
        await grid.GetByText("网格长：李红梅 13807109999").WaitForAsync();
        await grid.GetByText("志愿者：赵小龙").WaitForAsync();

        // Someone else saves the grid while the drawer is open: this save is refused in the API's words, nothing lost.
        await grid.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await drawer.GetByLabel("姓名").First.WaitForAsync();
        var other = await (await App.GetAsync($"/api/grids/{GridId}", await App.DispatcherAsync())).ReadJsonAsync(200);
        Assert.Equal(200, (int)(await App.SendAsync(HttpMethod.Put, $"/api/grids/{GridId}", new
        {
            name = "第三网格（调整后）", area = other.GetProperty("area").GetString(), centreLat = other.GetProperty("centreLat").GetDouble(),
            centreLon = other.GetProperty("centreLon").GetDouble(), radiusMetres = 400,
            team = other.GetProperty("team").EnumerateArray().Select(m => new { role = m.GetProperty("role").GetString(), name = m.GetProperty("name").GetString() }).ToArray(),
        }, await App.DispatcherAsync())).StatusCode);
        await drawer.GetByLabel("名称").FillAsync("第三网格");
        await page.GetByRole(AriaRole.Button, new() { Name = "保 存" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "保存" })).ClickAsync();
        await drawer.GetByText("该网格刚被他人修改，请刷新后再改。").WaitForAsync();
        Assert.Equal("第三网格（调整后）", (await (await App.GetAsync($"/api/grids/{GridId}", await App.DispatcherAsync())).ReadJsonAsync(200)).GetProperty("name").GetString());
        Assert.Empty(Browser.Complaints);
    }
}
