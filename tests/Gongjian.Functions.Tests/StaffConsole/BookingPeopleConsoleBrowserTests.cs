using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// 资源共享预约 and 双报到 in real Chromium against the real app and Azurite: the owner unit's liaison opens its 活动室 for
/// booking, approves one pending request and declines another, and an overlapping request is refused with its Chinese
/// title; the street's organizer sees the people who reported with phones masked; a liaison reports its unit and the
/// community's dispatcher accepts it and marks a commitment met. Screenshots: bookings-policy, bookings-day, bookings-day-phone,
/// bookings-refused, people-masked, person-detail, people-dispatcher, unit-report-submitted, unit-report-accepted.
/// </summary>
public sealed class BookingPeopleConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    private static readonly string Day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3).ToString("yyyy-MM-dd");
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static object Booking(string start, string end, string name, string phone, string purpose) =>
        new { date = Day, start, end, name, phone, purpose, people = 12 };

    [Fact]
    public async Task Liaison_approves_a_pending_booking_and_an_overlapping_one_is_refused()
    {
        var key = await App.LiaisonAsync("baosheng-property");
        var id = (await (await App.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 9:00–17:00",
        }, key)).ReadJsonAsync(201)).GetProperty("id").GetString()!;

        var liaison = await SignedInAsync(key);
        await liaison.GetByTestId("menu").GetByText("资源预约").ClickAsync();
        var page = liaison.GetByTestId("bookings-page");
        await page.GetByText("该资源不开放预约。").WaitForAsync();
        await page.GetByTestId("open-policy").ClickAsync();
        foreach (var d in Weekdays) await liaison.GetByTestId($"policy-{d}").GetByRole(AriaRole.Checkbox).CheckAsync();
        await ConsoleBrowser.ShootAsync(liaison, "bookings-policy");
        await liaison.GetByTestId("save-policy").ClickAsync();
        await liaison.GetByText("开放预约设置已保存。").WaitForAsync();

        await (await App.PostAsync($"/api/resources/{id}/bookings", Booking("09:00", "10:00", "王芳", "13812345678", "楼道议事会"))).ReadJsonAsync(201);
        await (await App.PostAsync($"/api/resources/{id}/bookings", Booking("14:00", "15:00", "李强", "13900001111", "书法班"))).ReadJsonAsync(201);
        await liaison.GotoAsync(Url($"/console/bookings?resource={id}&date={Day}"));
        await page.GetByTestId("pending").GetByText("待审批 2 条").WaitForAsync();
        var card = page.GetByTestId("booking-day");
        var first = card.Locator("tr", new() { HasText = "09:00–10:00" });
        var second = card.Locator("tr", new() { HasText = "14:00–15:00" });
        await first.GetByText("待审批").WaitForAsync();
        Assert.Contains("王**", await first.InnerTextAsync());
        Assert.Contains("楼道议事会", await first.InnerTextAsync());
        Assert.DoesNotContain("13812345678", await page.InnerTextAsync());

        await first.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await first.GetByText("已预约").WaitForAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "拒绝" }).ClickAsync();
        await liaison.GetByPlaceholder("例如：当天已安排党员活动").FillAsync("当天已安排党员活动。");
        await liaison.GetByTestId("confirm-decline").ClickAsync();
        await second.GetByText("已拒绝").WaitForAsync();
        Assert.Contains("当天已安排党员活动。", await second.InnerTextAsync());
        await page.GetByTestId("pending").GetByText("没有待审批的预约").WaitForAsync();

        // A resident's overlapping request is refused by the API; the owner recording one in the console sees why.
        await (await App.PostAsync($"/api/resources/{id}/bookings", Booking("09:00", "11:00", "赵敏", "13700002222", "排练"))).ShouldBeProblemAsync(409, "slot_taken");
        await page.GetByTestId("book-on-behalf").ClickAsync();
        await liaison.GetByLabel("开始时间").FillAsync("09:00");
        await liaison.GetByLabel("结束时间").FillAsync("11:00");
        await liaison.GetByLabel("预约人").FillAsync("赵敏");
        await liaison.GetByLabel("联系电话").FillAsync("13700002222");
        await liaison.GetByLabel("用途").FillAsync("排练");
        await liaison.GetByTestId("save-booking").ClickAsync();
        await liaison.GetByTestId("book-refusal").GetByText("该时段已被预约。").WaitForAsync();
        await ConsoleBrowser.ShootAsync(liaison, "bookings-refused");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "取消", Exact = true }).ClickAsync();

        var slots = page.GetByTestId("slots");
        Assert.Contains("09:00–10:00 已占用", await slots.InnerTextAsync());
        Assert.Contains("14:00–15:00 空闲", await slots.InnerTextAsync());
        await page.GetByTestId("reveal-contact").ClickAsync();
        await first.GetByText("王芳 · 13812345678").WaitForAsync();
        await ConsoleBrowser.ShootAsync(liaison, "bookings-day");
        var phone = await SignedInAsync(key, phone: true);
        await phone.GotoAsync(Url($"/console/bookings?resource={id}&date={Day}"));
        await phone.GetByTestId("booking-day").GetByText("已拒绝").WaitForAsync();
        await ConsoleBrowser.ShootAsync(phone, "bookings-day-phone");

        // The street's organizer sees the day, who booked masked and no purpose, and no buttons.
        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.GotoAsync(Url($"/console/bookings?resource={id}&date={Day}"));
        var row = organizer.GetByTestId("booking-day").Locator("tr", new() { HasText = "09:00–10:00" });
        await row.GetByText("已预约").WaitForAsync();
        Assert.Contains("王** · 138****5678", await row.InnerTextAsync());
        Assert.DoesNotContain("楼道议事会", await organizer.GetByTestId("bookings-page").InnerTextAsync());
        Assert.Equal(0, await organizer.GetByTestId("booking-day").GetByRole(AriaRole.Button, new() { Name = "批准" }).CountAsync());

        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Staff_see_the_people_list_without_unmasked_phones()
    {
        foreach (var (name, phone, kind) in new[] { ("张伟", "13812345678", "partyMember"), ("刘洋", "13900001111", "volunteer") })
            await (await App.PostAsync("/api/people", new { communityId = "dongqili", kind, name, phone, workUnit = "泰安市第一中学" })).ReadJsonAsync(201);

        var organizer = await SignedInAsync(await App.OrganizerAsync());
        await organizer.GetByTestId("menu").GetByText("双报到").ClickAsync();
        await organizer.GetByTestId("tab-people").ClickAsync();
        await ConsoleBrowser.PickAsync(organizer, "pick-community", "东七里社区", organizer.Locator(".page-head h2"));
        var people = organizer.GetByTestId("people");
        await people.GetByText("138****5678").WaitForAsync();
        var text = await organizer.GetByTestId("people-page").InnerTextAsync();
        Assert.Contains("张**", text);
        Assert.Contains("139****1111", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("13900001111", text);
        Assert.DoesNotContain("张伟", text);
        Assert.Equal(0, await organizer.GetByTestId("export-people").CountAsync());
        await ConsoleBrowser.ShootAsync(organizer, "people-masked");

        // The community's own dispatcher sees them in full, logs hours, and may export.
        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.GotoAsync(Url("/console/people?tab=people"));
        var row = dispatcher.GetByTestId("people").Locator("tr", new() { HasText = "张伟" });
        await row.GetByText("13812345678").WaitForAsync();
        await row.ClickAsync();
        var person = dispatcher.GetByTestId("person");
        await person.GetByText("泰安市第一中学").WaitForAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "确认报到" }).ClickAsync();
        await person.GetByText("已确认").WaitForAsync();
        await dispatcher.GetByPlaceholder("服务内容").FillAsync("敬老院义务理发");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "登记时长" }).ClickAsync();
        await person.GetByText("敬老院义务理发").WaitForAsync();
        Assert.Contains("2 小时", await person.InnerTextAsync());
        await ConsoleBrowser.PickAsync(dispatcher, "pick-team", "学雷锋志愿服务队");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "加入", Exact = true }).ClickAsync();
        await person.Locator(".ant-tag", new() { HasText = "学雷锋志愿服务队" }).WaitForAsync();
        await ConsoleBrowser.ShootAsync(dispatcher, "person-detail");
        await dispatcher.Locator(".ant-drawer-close").ClickAsync();
        // The list reloads after each change: wait for the row as the last one (the team) left it, then its hours.
        await row.Filter(new() { HasText = "学雷锋志愿服务队" }).GetByText("2 小时").WaitForAsync();
        await dispatcher.GetByTestId("teams").GetByText("学雷锋志愿服务队 1 人").WaitForAsync();
        var download = await dispatcher.RunAndWaitForDownloadAsync(() => dispatcher.GetByTestId("export-people").ClickAsync());
        Assert.Equal("报到人员-东七里社区.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("\"张伟\",\"13812345678\",\"在职党员\"", csv);
        await ConsoleBrowser.ShootAsync(dispatcher, "people-dispatcher");

        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Dispatcher_sets_up_a_team_and_retires_it()
    {
        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.GotoAsync(Url("/console/people?tab=people"));
        var teams = dispatcher.GetByTestId("teams");
        await teams.GetByText("学雷锋志愿服务队 0 人").WaitForAsync();

        // A name with a phone number is refused in the API's words; a clean one is set up.
        await dispatcher.GetByTestId("team-add").ClickAsync();
        var dialog = dispatcher.GetByRole(AriaRole.Dialog, new() { Name = "成立队伍" });
        await dialog.GetByLabel("队伍名称").FillAsync("联系13905381234队");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "成 立" }).Or(dialog.GetByRole(AriaRole.Button, new() { Name = "成立" })).ClickAsync();
        await dialog.GetByText("不能含电话、证件号或门牌号").WaitForAsync();
        await dialog.GetByLabel("队伍名称").FillAsync("红色物业服务队");
        await dialog.GetByLabel("简介（选填）").FillAsync("物业党员和居民志愿者一起巡查楼道、维修公共设施。");
        await ConsoleBrowser.ShootAsync(dispatcher, "people-team-new");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "成 立" }).Or(dialog.GetByRole(AriaRole.Button, new() { Name = "成立" })).ClickAsync();
        var team = teams.Locator(".ant-tag", new() { HasText = "红色物业服务队" });
        await team.GetByText("红色物业服务队 0 人").WaitForAsync();

        await team.GetByRole(AriaRole.Button, new() { Name = "停用红色物业服务队" }).ClickAsync();
        await dispatcher.Locator(".ant-popconfirm:visible").GetByRole(AriaRole.Button, new() { Name = "停 用" })
            .Or(dispatcher.Locator(".ant-popconfirm:visible").GetByRole(AriaRole.Button, new() { Name = "停用" })).ClickAsync();
        await team.GetByText("（已停用）").WaitForAsync();
        Assert.Equal(0, await team.GetByRole(AriaRole.Button, new() { Name = "停用红色物业服务队" }).CountAsync());
        await SettledAsync(dispatcher);
        await ConsoleBrowser.ShootAsync(dispatcher, "people-teams");

        // The public list no longer offers it.
        var listed = await (await App.GetAsync("/api/communities/dongqili/teams")).ReadJsonAsync(200);
        Assert.DoesNotContain(listed.GetProperty("teams").EnumerateArray(), t => t.GetProperty("name").GetString() == "红色物业服务队");
        Assert.Empty(Browser.Complaints);
    }

    [Fact]
    public async Task Liaison_submits_a_report_and_the_community_accepts_it()
    {
        var liaison = await SignedInAsync(await App.LiaisonAsync("daizong-law-firm"));
        await liaison.GetByTestId("menu").GetByText("双报到").ClickAsync();
        var page = liaison.GetByTestId("unit-reports-page");
        await page.GetByText("还没有单位报到").WaitForAsync();
        await ConsoleBrowser.PickAsync(liaison, "report-community", "东七里社区", liaison.Locator(".page-head h2"));
        await liaison.GetByTestId("report-posts").FillAsync("楼道议事会法律顾问\n每月一次法律咨询");
        await liaison.GetByLabel("全年服务项目数").FillAsync("4");
        await liaison.GetByTestId("submit-report").ClickAsync();
        var row = page.GetByTestId("unit-reports").Locator("tr", new() { HasText = "山东岱宗律师事务所" });
        await row.GetByText("待接收").WaitForAsync();
        Assert.Contains("东七里社区", await row.InnerTextAsync());
        Assert.Contains("0/3", await row.InnerTextAsync());

        await ConsoleBrowser.PickAsync(liaison, "report-community", "东七里社区", liaison.Locator(".page-head h2"));
        await liaison.GetByTestId("report-posts").FillAsync("普法讲座");
        await liaison.GetByTestId("submit-report").ClickAsync();
        await liaison.GetByTestId("report-refusal").GetByText("本单位今年已向该社区报到。").WaitForAsync();
        await ConsoleBrowser.ShootAsync(liaison, "unit-report-submitted");

        var dispatcher = await SignedInAsync(await App.DispatcherAsync());
        await dispatcher.GetByTestId("menu").GetByText("双报到").ClickAsync();
        await dispatcher.GetByTestId("unit-reports").GetByText("山东岱宗律师事务所").ClickAsync();
        var report = dispatcher.GetByTestId("unit-report");
        await report.GetByText("楼道议事会法律顾问").WaitForAsync();
        await dispatcher.GetByTestId("accept-report").ClickAsync();
        await report.GetByText("已接收").WaitForAsync();
        await report.GetByTestId("commitment").Filter(new() { HasText = "楼道议事会法律顾问" }).GetByRole(AriaRole.Button, new() { Name = "确认兑现" }).ClickAsync();
        await dispatcher.GetByPlaceholder("兑现情况，例如：3月参加楼道议事会2次").FillAsync("3月参加楼道议事会2次");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await report.GetByText("已兑现").WaitForAsync();
        Assert.Contains("1/3", await report.InnerTextAsync());
        await ConsoleBrowser.ShootAsync(dispatcher, "unit-report-accepted");

        Assert.Empty(Browser.Complaints);
    }
}
