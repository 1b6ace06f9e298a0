using System.Globalization;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The 活动 screens in real Chromium on the real app: a dispatcher announces an activity (a refusal shown in the API's words
/// first), people register by chat (the API) until one waits, the dispatcher sees names and phones, the waiting list and the
/// counts, checks people in by the code on their phone and from the list, and records hours after the end; another
/// organiser cancels one with a reason while a liaison who does not organise it reads it masked. The app's clock jumps to
/// the start and past the end (<see cref="ShiftedClock"/>), and the browser's clock with it, instead of waiting.
/// </summary>
public sealed class ActivityConsoleBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;
    private ConsoleBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, services => services.AddSingleton<TimeProvider>(_clock));
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    private string Url(string path) => new Uri(_app.Http.BaseAddress!, path).ToString();

    private async Task<IPage> SignedInAsync(string key)
    {
        var page = await _browser.OpenAsync();
        await page.GotoAsync(Url("/console/"));
        await page.GetByPlaceholder("gjk_…").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        return page;
    }

    /// <summary>A datetime-local value in Beijing time, to the minute.</summary>
    private static string Beijing(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_organiser_announces_sees_registrations_and_the_waiting_list_checks_people_in_and_records_hours()
    {
        var page = await SignedInAsync(await _app.DispatcherAsync());
        await page.GetByTestId("menu").GetByText("活动").ClickAsync();
        await page.GetByTestId("activity-new").ClickAsync();
        await page.GetByTestId("activity-title").FillAsync("学雷锋志愿服务日");
        await page.GetByTestId("activity-place").FillAsync("东七里社区党群服务中心二楼");
        await page.GetByTestId("activity-capacity").FillAsync("2");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "志愿者" }).CheckAsync();
        await page.GetByTestId("activity-description").FillAsync("清理小区公共区域，为独居老人理发。");
        var start = DateTimeOffset.ParseExact(Beijing(_clock.GetUtcNow().AddHours(2)) + "+08:00", "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        await page.GetByTestId("activity-starts").FillAsync(Beijing(start));
        Assert.Equal(Beijing(start.AddHours(2)), await page.GetByTestId("activity-ends").InputValueAsync());
        Assert.Equal(Beijing(start.AddHours(-1)), await page.GetByTestId("activity-deadline").InputValueAsync());

        // A deadline after the start: the API's refusal, in its words, and nothing announced.
        await page.GetByTestId("activity-deadline").FillAsync(Beijing(start.AddHours(1)));
        await page.GetByTestId("activity-save").ClickAsync();
        await page.GetByTestId("activity-problem").GetByText("报名截止时间须在现在之后、活动开始之前。").WaitForAsync();
        await page.GetByTestId("activity-deadline").FillAsync(Beijing(start.AddHours(-1)));
        await ConsoleBrowser.ShootAsync(page, "activity-new");
        await page.GetByTestId("activity-save").ClickAsync();
        await page.GetByTestId("activity-status").GetByText("报名中").WaitForAsync();
        var id = page.Url.Split('/')[^1];

        // Four people register by chat: two get the places, two wait.
        var codes = new List<string>();
        foreach (var person in new[] { 0, 1, 2, 3 }) codes.Add((await RegisteredAsync(_app, id, person)).GetProperty("checkInCode").GetString()!);
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await page.GetByTestId("activity-counts").GetByText("已报名 2/2，候补 2").WaitForAsync();
        var registered = await page.GetByTestId("activity-registered").InnerTextAsync();
        foreach (var (name, phone) in Residents.Take(2)) { Assert.Contains(name, registered); Assert.Contains(phone, registered); }
        var waiting = await page.GetByTestId("activity-waiting").InnerTextAsync();
        Assert.Contains($"第 1 位\t{Residents[2].Name}", waiting);
        Assert.Contains($"第 2 位\t{Residents[3].Name}", waiting);
        Assert.Contains($"{Residents[3].Name}报名，候补第2位（已报名 2/2，候补 2）", await page.GetByTestId("activity-timeline").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(page, "activity-registrations");

        // The list: counts, no names.
        await page.GetByRole(AriaRole.Button, new() { Name = "返回活动" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "学雷锋志愿服务日" });
        await row.GetByTestId($"counts-{id}").Filter(new() { HasText = "候补 2" }).WaitForAsync();
        Assert.Equal("2/2候补 2", await page.GetByTestId($"counts-{id}").InnerTextAsync());
        Assert.Contains("报名中", await row.InnerTextAsync());
        var list = await page.ContentAsync();
        foreach (var (name, phone) in Residents) { Assert.DoesNotContain(name, list); Assert.DoesNotContain(phone, list); }
        await ConsoleBrowser.ShootAsync(page, "activities");

        // What residents see of it (the link on the list, opened on a phone): counts and how to register, no one's name.
        Assert.Equal(PagePaths.Activities("caiyuan", "dongqili"), await page.GetByTestId("activities-public").GetAttributeAsync("href"));
        var resident = await _browser.OpenAsync(phone: true);
        await resident.GotoAsync(Url(PagePaths.Activities("caiyuan", "dongqili")));
        Assert.Contains("2 人，已报名 2 人，候补 2 人", await resident.Locator($"li[data-activity='{id}']").InnerTextAsync());
        var publicHtml = await resident.ContentAsync();
        foreach (var (name, phone) in Residents) { Assert.DoesNotContain(name, publicHtml); Assert.DoesNotContain(phone, publicHtml); }
        await ConsoleBrowser.ShootAsync(resident, "activities-public");

        // The day comes. A waiting person's code is refused in the API's words; a registered one's checks in; another from the list.
        _clock.Shift(start - _clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await row.ClickAsync();
        await page.GetByTestId("checkin-code").FillAsync(codes[2]);
        await page.GetByTestId("checkin-by-code").ClickAsync();
        await page.GetByText("没有找到这位报名人，候补或未报名的不能签到。").WaitForAsync();
        await IdleAsync(page);
        await page.GetByTestId("checkin-code").FillAsync(codes[0].ToLowerInvariant());
        await page.GetByTestId("checkin-by-code").ClickAsync();
        await page.GetByTestId("activity-registered").Locator("tr", new() { HasText = Residents[0].Name }).GetByText("已签到").WaitForAsync();
        await IdleAsync(page);
        await page.GetByTestId($"checkin-{Residents[1].Phone}").ClickAsync();
        await page.GetByTestId("activity-registered").Locator("tr", new() { HasText = Residents[1].Name }).GetByText("已签到").WaitForAsync();
        Assert.Contains("已签到 2", await page.GetByTestId("activity-registered").Locator(".ant-card-head").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(page, "activity-checkin");

        // After the end: hours per person (the second left early), then the activity is 已结束 and the hours are on the list.
        _clock.Shift(TimeSpan.FromHours(2));
        await page.Clock.SetSystemTimeAsync(_clock.GetUtcNow().UtcDateTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await page.GetByTestId("activity-attendance").WaitForAsync();
        await page.GetByTestId($"hours-{Residents[1].Phone}").FillAsync("1.5");
        await page.GetByTestId("attendance-save").GetByText("登记 2 人出勤，共 3.5 小时").WaitForAsync();
        var photo = Path.Combine(ConsoleBrowser.Screenshots, "activity-photo.png");
        await File.WriteAllBytesAsync(photo, TestImages.Picture(160, 120, (214, 82, 60), (250, 214, 120)));
        await page.GetByTestId("activity-attendance").Locator("input[type=file]").SetInputFilesAsync(photo);
        await page.GetByTestId("activity-attendance").Locator(".ant-upload-list-item").First.WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "activity-attendance");
        await page.GetByTestId("attendance-save").ClickAsync();
        await page.GetByTestId("activity-status").GetByText("已结束").WaitForAsync();
        var done = await page.GetByTestId("activity-registered").InnerTextAsync();
        Assert.Contains("2 小时", done);
        Assert.Contains("1.5 小时", done);
        await page.GetByTestId("activity-timeline").GetByText("登记出勤 2 人，共 3.5 小时").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("checkin-code").CountAsync());
        await ConsoleBrowser.ShootAsync(page, "activity-completed");

        // 活动风采: the photo is there for staff; once showcased, the public page shows the activity with its counts and photo.
        var showcase = page.GetByTestId("activity-showcase");
        await showcase.Locator("img[alt='活动照片']").First.WaitForAsync();
        await page.GetByTestId("activity-showcase-button").ClickAsync();
        await page.GetByTestId("activity-showcased").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "activity-showcased");
        // (A new address: the page is cached for a minute, and this phone opened it before.)
        await resident.GotoAsync(Url(PagePaths.Activities("caiyuan", "dongqili")) + "?from=showcase");
        var shown = resident.Locator($"li[data-showcased='{id}']");
        Assert.Contains("参加 2 人，服务 3.5 小时", await shown.InnerTextAsync());
        // In view (a lazy image loads only there), then loaded: whether it loaded as a picture is the assertion, not when.
        await shown.ScrollIntoViewIfNeededAsync();
        await shown.Locator("img").EvaluateAsync("img => img.complete || new Promise(done => { img.addEventListener('load', done); img.addEventListener('error', done); })");
        Assert.True(await shown.Locator("img").EvaluateAsync<bool>("img => img.naturalWidth > 0"), "the showcased photo loads for anyone");
        var showcaseHtml = await resident.ContentAsync();
        foreach (var (name, phone) in Residents) { Assert.DoesNotContain(name, showcaseHtml); Assert.DoesNotContain(phone, showcaseHtml); }
        await ConsoleBrowser.ShootAsync(resident, "activities-showcase-public");
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }

    [Fact]
    public async Task An_organiser_cancels_with_a_reason_and_staff_who_do_not_organise_it_see_names_masked()
    {
        var id = await AnnounceAsync(_app, await _app.DispatcherAsync(), NewActivity(capacity: 5));
        await RegisteredAsync(_app, id, 0);

        var liaison = await SignedInAsync(await _app.LiaisonAsync());
        await liaison.GotoAsync(Url($"/console/activities/{id}"));
        await liaison.GetByText("您不是这次活动的主办方").WaitForAsync();
        var masked = await liaison.GetByTestId("activity-registered").InnerTextAsync();
        Assert.DoesNotContain(Residents[0].Name, masked);
        Assert.DoesNotContain(Residents[0].Phone, masked);
        Assert.Equal(0, await liaison.GetByTestId("activity-cancel").CountAsync());
        Assert.Equal(0, await liaison.GetByTestId($"checkin-{Residents[0].Phone}").CountAsync());

        var organizer = await SignedInAsync(await _app.OrganizerAsync());
        await organizer.GetByTestId("menu").GetByText("活动").ClickAsync();
        await organizer.Locator("tr", new() { HasText = "学雷锋志愿服务日" }).ClickAsync();
        // 代为报名 for someone who phoned: a bad number refused in the API's words, then a place and the codes to read out.
        await organizer.GetByTestId("register-for").ClickAsync();
        await organizer.GetByTestId("register-name").FillAsync(Residents[1].Name);
        await organizer.GetByTestId("register-phone").FillAsync("12345");
        await organizer.Locator(".ant-modal", new() { HasText = "为打电话或到社区来报名的人登记" }).Locator(".ant-btn-primary").ClickAsync();
        await organizer.GetByText("联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。").WaitForAsync();
        await organizer.GetByTestId("register-phone").FillAsync(Residents[1].Phone);
        await organizer.Locator(".ant-modal", new() { HasText = "为打电话或到社区来报名的人登记" }).Locator(".ant-btn-primary").ClickAsync();
        var result = await organizer.GetByTestId("register-result").InnerTextAsync();
        Assert.Matches("签到码：[2-9A-Z]{6}", result);
        Assert.Contains("报名码：", result);
        await ConsoleBrowser.ShootAsync(organizer, "activity-register-for");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "知道了" }).ClickAsync();
        await organizer.GetByTestId("activity-counts").GetByText("已报名 2/5，候补 0").WaitForAsync();

        await organizer.GetByTestId("activity-cancel").ClickAsync();
        await organizer.GetByTestId("activity-cancel-reason-input").FillAsync("因天气原因改期，另行通知。");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认取消" }).ClickAsync();
        await organizer.GetByTestId("activity-status").GetByText("已取消").WaitForAsync();
        Assert.Equal("因天气原因改期，另行通知。", await organizer.GetByTestId("activity-cancel-reason").InnerTextAsync());
        await organizer.GetByTestId("activity-timeline").GetByText("活动已取消").WaitForAsync();
        Assert.Contains("原因：因天气原因改期，另行通知。", await organizer.GetByTestId("activity-timeline").InnerTextAsync());
        Assert.Equal(0, await organizer.GetByTestId("activity-cancel").CountAsync());
        await ConsoleBrowser.ShootAsync(organizer, "activity-cancelled");

        // A cancelled activity is under 已取消, not among the coming ones.
        await organizer.GetByRole(AriaRole.Button, new() { Name = "返回活动" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Tab, new() { Name = "已取消（1）" }).ClickAsync();
        await organizer.Locator("tr", new() { HasText = "学雷锋志愿服务日" }).WaitForAsync();
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }

    [Fact]
    public async Task The_organiser_moves_an_activity_to_another_place_before_it_starts()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher, NewActivity(capacity: 5));
        await RegisteredAsync(_app, id, 0);
        var page = await SignedInAsync(dispatcher);
        await page.GotoAsync(Url($"/console/activities/{id}"));
        await page.GetByTestId("activity-revise").ClickAsync();
        var save = page.GetByTestId("activity-revise-save");
        Assert.True(await save.IsDisabledAsync(), "nothing changed yet");
        await page.GetByTestId("activity-revise-place").FillAsync("东七里社区宝盛里小区广场");
        await page.GetByText("已报名和候补共 1 人").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "activity-revise");
        await save.ClickAsync();
        await page.Locator(".ant-descriptions").GetByText("东七里社区宝盛里小区广场").WaitForAsync();
        var timeline = page.GetByTestId("activity-timeline");
        await timeline.GetByText("修改了活动地点").WaitForAsync();
        Assert.Contains("地点改为：东七里社区宝盛里小区广场", await timeline.InnerTextAsync());
        Assert.DoesNotContain("原因：地点改为", await timeline.InnerTextAsync());
        var stored = await (await _app.GetAsync($"/api/activities/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("东七里社区宝盛里小区广场", 1), (stored.GetProperty("place").GetString(), stored.GetProperty("registeredCount").GetInt32()));
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }

    [Fact]
    public async Task A_liaison_announces_in_its_units_name_and_runs_it()
    {
        var liaison = await SignedInAsync(await _app.LiaisonAsync());
        await liaison.GetByTestId("menu").GetByText("活动").ClickAsync();
        await liaison.GetByText("还没有要举办的活动").WaitForAsync();
        await liaison.GetByTestId("activity-new").ClickAsync();
        await liaison.GetByTestId("activity-title").FillAsync("物业开放日：电梯安全讲座");
        await ConsoleBrowser.PickAsync(liaison, "activity-category", "教育培训");
        await ConsoleBrowser.PickAsync(liaison, "activity-community-select", "三联社区");
        await liaison.GetByTestId("activity-place").FillAsync("宝盛置业物业服务中心");
        await liaison.GetByTestId("activity-starts").FillAsync(Beijing(_clock.GetUtcNow().AddDays(3)));
        await liaison.GetByTestId("activity-save").ClickAsync();
        await liaison.GetByTestId("activity-status").GetByText("报名中").WaitForAsync();
        await liaison.GetByTestId("register-for").WaitForAsync(); // the unit organises it: 主办方操作 are its own
        await liaison.GetByRole(AriaRole.Button, new() { Name = "返回活动" }).ClickAsync();
        // The list's row once it shows the counts (a row caught while the list re-renders could lack a cell).
        var row = liaison.Locator("tr", new() { HasText = "物业开放日：电梯安全讲座" }).Filter(new() { HasText = "0/30" });
        await row.WaitForAsync();
        Assert.Contains("教育培训", await row.InnerTextAsync());
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }

    /// <summary>
    /// The console runs one write at a time (<c>useAction</c>) and ignores a click while one is still on its way — a
    /// refusal (409) first reloads the activity. Its button shows it is busy until then: wait until no button does, so
    /// the next click is taken (CI, under load, clicked during that reload and the check-in never happened).
    /// </summary>
    private static Task IdleAsync(IPage page) => page.WaitForFunctionAsync("() => document.querySelectorAll('.ant-btn-loading').length === 0");
}
