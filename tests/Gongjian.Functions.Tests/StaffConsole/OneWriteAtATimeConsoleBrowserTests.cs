using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Activities.ActivityClient;
using static Gongjian.Functions.Tests.Deliberations.DeliberationClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// One write at a time on a console screen (web/src/components/WriteScope): while a write is on its way — held in the
/// browser by <see cref="HeldWrites"/> until the test lets it go — the clicked button spins, every other write button of
/// the screen is disabled, another click or Enter sends nothing, and reads (tabs) still work; exactly one write reaches
/// the app; once it answers (success or a refusal in Chinese) the buttons come back. One test per kind of screen.
/// </summary>
public sealed class OneWriteAtATimeConsoleBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
{
    /// <summary>Waits until the button with <paramref name="testId"/> is disabled (the screen's state while a write runs).</summary>
    private static Task DisabledAsync(IPage page, string testId) => page.Locator($"[data-testid='{testId}'][disabled]").WaitForAsync();

    /// <summary>Waits until the button with <paramref name="testId"/> takes clicks again.</summary>
    private static Task EnabledAsync(IPage page, string testId) => page.Locator($"[data-testid='{testId}']:not([disabled]):not(.ant-btn-loading)").WaitForAsync();

    /// <summary>Waits until the button with <paramref name="testId"/> shows its spinner.</summary>
    private static Task SpinningAsync(IPage page, string testId) => page.Locator($"[data-testid='{testId}'].ant-btn-loading").WaitForAsync();

    private async Task<JsonElement> OrderAsync(string id) => await (await App.GetAsync($"/api/orders/{id}", await App.DispatcherAsync())).ReadJsonAsync(200);

    [Fact]
    public async Task An_order_takes_one_step_at_a_time_派单_held_leaves_不予受理_disabled()
    {
        var (id, _) = await App.PlaceAsync();
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url($"/console/orders/{id}"));
        await page.GetByTestId("suggestion-reason").WaitForAsync(); // the suggested unit is preselected
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("dispatch").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "dispatch");
        await DisabledAsync(page, "reject");
        await ConsoleBrowser.ShootAsync(page, "order-busy");
        // Enter on the spinning button and a forced click on the disabled one: nothing more is sent.
        await page.GetByTestId("dispatch").PressAsync("Enter");
        await page.GetByTestId("reject").ClickAsync(new() { Force = true });
        Assert.Equal([$"POST /api/orders/{id}/dispatch"], held.Writes);

        held.Release();
        await page.GetByTestId("order-status").GetByText("待接单", new() { Exact = true }).WaitForAsync();
        Assert.Equal([$"POST /api/orders/{id}/dispatch"], held.Writes);
        var order = await OrderAsync(id);
        Assert.Equal("dispatched", order.GetProperty("status").GetString());
        Assert.Single(order.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("type").GetString() == "dispatched");
        Assert.DoesNotContain(order.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("type").GetString() == "rejected");
        Assert.True(Browser.Complaints.Count == 0, string.Join("\n", Browser.Complaints));
    }

    [Fact]
    public async Task A_write_still_on_its_way_when_the_dispatcher_opens_another_order_leaves_that_orders_buttons_usable()
    {
        var (first, _) = await App.PlaceAsync();
        var (second, _) = await App.PlaceAsync();
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.Locator("tr", new() { HasText = first }).ClickAsync();
        await page.GetByTestId("suggestion-reason").WaitForAsync();
        var held = await HeldWrites.OnAsync(page);
        await page.GetByTestId("dispatch").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "dispatch");

        // Back to the board and into the other order, in the app (no reload): a screen's scope ends with the screen.
        await page.GoBackAsync();
        await page.Locator("tr", new() { HasText = second }).ClickAsync();
        await page.GetByTestId("order-id").GetByText(second).WaitForAsync();
        await page.GetByTestId("suggestion-reason").WaitForAsync();
        await EnabledAsync(page, "dispatch");
        await EnabledAsync(page, "reject");

        held.Release();
        await page.GetByTestId("dispatch").ClickAsync();
        await page.GetByTestId("order-status").GetByText("待接单", new() { Exact = true }).WaitForAsync();
        Assert.Equal([$"POST /api/orders/{first}/dispatch", $"POST /api/orders/{second}/dispatch"], held.Writes);
        Assert.Equal("dispatched", (await OrderAsync(first)).GetProperty("status").GetString());
        Assert.Equal("dispatched", (await OrderAsync(second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_activity_check_in_sent_by_Enter_is_sent_once_and_after_a_refusal_the_buttons_wait_for_the_reload()
    {
        var dispatcher = await App.DispatcherAsync();
        var id = await AnnounceAsync(App, dispatcher);
        var page = await SignedInAsync(dispatcher);
        await page.GotoAsync(Url($"/console/activities/{id}"));
        await page.GetByTestId("activity-status").GetByText("报名中").WaitForAsync();
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("checkin-code").FillAsync("ZZZ999");
        await page.GetByTestId("checkin-code").PressAsync("Enter");
        await held.FirstAsync();
        await SpinningAsync(page, "checkin-by-code");
        await DisabledAsync(page, "activity-cancel");
        await DisabledAsync(page, "register-for");
        await page.GetByTestId("checkin-code").PressAsync("Enter");
        await page.GetByTestId("checkin-by-code").PressAsync("Enter");
        Assert.Equal([$"POST /api/activities/{id}/checkin"], held.Writes);

        // Before the day the app refuses (409): its words are shown and the activity is read again — the buttons wait for
        // that reload too (held here until the test has looked), then come back.
        var (reloading, reloaded) = await HeldWrites.HoldReadsAsync(page, $"**/api/activities/{id}");
        held.Release();
        await reloading;
        await page.GetByText("只能在活动当天签到。").WaitForAsync();
        await SpinningAsync(page, "checkin-by-code");
        await DisabledAsync(page, "activity-cancel");
        reloaded();
        await EnabledAsync(page, "activity-cancel");
        await EnabledAsync(page, "register-for");
        Assert.Equal([$"POST /api/activities/{id}/checkin"], held.Writes);
        Assert.True(Browser.Complaints.Count == 0, string.Join("\n", Browser.Complaints));
    }

    [Fact]
    public async Task A_new_activity_form_is_sent_once_however_often_Enter_is_pressed()
    {
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url("/console/activities/new"));
        await page.GetByTestId("activity-title").FillAsync("学雷锋志愿服务日");
        await page.GetByTestId("activity-place").FillAsync("东七里社区党群服务中心二楼");
        await page.GetByTestId("activity-capacity").FillAsync("20");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "志愿者" }).CheckAsync();
        var start = DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8));
        await page.GetByTestId("activity-starts").FillAsync(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T10:00");
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("activity-title").PressAsync("Enter");
        await held.FirstAsync();
        await SpinningAsync(page, "activity-save");
        await page.GetByTestId("activity-place").PressAsync("Enter");
        await page.GetByTestId("activity-title").PressAsync("Enter");
        Assert.Equal(["POST /api/activities"], held.Writes);

        held.Release();
        await page.GetByTestId("activity-status").GetByText("报名中").WaitForAsync();
        Assert.Equal(["POST /api/activities"], held.Writes);
        var list = await (await App.GetAsync("/api/activities?community=dongqili", await App.DispatcherAsync())).ReadJsonAsync(200);
        Assert.Single(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("title").GetString() == "学雷锋志愿服务日");
    }

    [Fact]
    public async Task A_deliberation_held_on_受理_leaves_答复_and_不予受理_disabled()
    {
        var (id, _) = await RaisedAsync(App);
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url($"/console/deliberations/{id}"));
        await page.GetByTestId("deliberation-accept").WaitForAsync();
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("deliberation-accept").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "deliberation-accept");
        await DisabledAsync(page, "deliberation-answer");
        await DisabledAsync(page, "deliberation-decline");
        await page.GetByTestId("deliberation-decline").ClickAsync(new() { Force = true });
        Assert.Equal([$"POST /api/deliberations/{id}/accept"], held.Writes);

        held.Release();
        await page.GetByTestId("meeting-save").WaitForAsync(); // the next step: 安排议事会
        await EnabledAsync(page, "meeting-save");
        Assert.Equal([$"POST /api/deliberations/{id}/accept"], held.Writes);
    }

    [Fact]
    public async Task A_grid_report_held_on_就地解决_leaves_the_other_steps_disabled_while_its_tabs_still_switch()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(App);
        var id = (await FiledAsync(App, worker)).GetProperty("id").GetString()!;
        var page = await SignedInAsync(dispatcher);
        await page.GotoAsync(Url($"/console/gridreports/{id}"));
        await page.GetByTestId("resolve-note").FillAsync("已联系物业当场清理。");
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("resolve").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "resolve");
        // A tab is a read: it switches, and the step on it waits.
        await page.GetByRole(AriaRole.Tab, new() { Name = "转为派单" }).ClickAsync();
        await DisabledAsync(page, "to-order");
        await page.GetByTestId("to-order").ClickAsync(new() { Force = true });
        Assert.Equal([$"POST /api/grid-reports/{id}/resolve"], held.Writes);

        held.Release();
        await page.GetByTestId("report-status").GetByText("已就地解决").WaitForAsync();
        Assert.Equal([$"POST /api/grid-reports/{id}/resolve"], held.Writes);
    }

    [Fact]
    public async Task A_wish_held_on_发布_leaves_不予发布_disabled()
    {
        var id = (await (await App.PostAsync("/api/wishes", new
        {
            communityId = "dongqili", category = "study", text = "孙子上三年级，书包破了，想要一个新书包。", contact = new { name = "张秀英", phone = "13812345678" },
        })).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url($"/console/wishes/{id}"));
        await page.GetByTestId("wish-public-input").FillAsync("三年级的小朋友想要一个新书包。");
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("wish-publish").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "wish-publish");
        await DisabledAsync(page, "wish-reject");
        await page.GetByTestId("wish-reject").ClickAsync(new() { Force = true });
        Assert.Single(held.Writes);

        held.Release();
        await page.GetByTestId("wish-status").GetByText("待认领").WaitForAsync();
        Assert.Equal([$"POST /api/wishes/{id}/publish"], held.Writes);
    }

    [Fact]
    public async Task A_project_held_on_发布_leaves_取消项目_disabled()
    {
        var organizer = await App.OrganizerAsync();
        var id = (await (await App.PostAsync("/api/projects", new
        {
            title = "健康服务在身边", category = "医疗健康", goal = "组织辖区医疗单位为老年人开展义诊和健康讲座。", needIds = Array.Empty<string>(),
            startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(120), unitsWanted = 2,
            milestones = new[] { new { title = "首场义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) } },
        }, organizer)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var page = await SignedInAsync(organizer);
        await page.GotoAsync(Url($"/console/projects/{id}"));
        await page.GetByTestId("project-publish").WaitForAsync();
        var held = await HeldWrites.OnAsync(page);

        await page.GetByTestId("project-publish").ClickAsync();
        await held.FirstAsync();
        await SpinningAsync(page, "project-publish");
        await DisabledAsync(page, "project-cancel");
        await page.GetByTestId("project-publish").PressAsync("Enter");
        Assert.Single(held.Writes);

        held.Release();
        await page.GetByTestId("project-start").WaitForAsync(); // published: the next step shows
        await EnabledAsync(page, "project-cancel");
        Assert.Equal([$"POST /api/projects/{id}/publish"], held.Writes);
    }

    [Fact]
    public async Task A_booking_day_held_on_批准_leaves_the_other_bookings_buttons_disabled()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3);
        var key = await App.LiaisonAsync("baosheng-property");
        var id = (await (await App.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 9:00–17:00",
        }, key)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var everyDay = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, opens = "08:00", closes = "18:00" }).ToArray();
        await (await App.SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", new { hours = everyDay, slotMinutes = 60, instant = false }, key)).ReadJsonAsync(200);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (start, end, name) in new[] { ("09:00", "10:00", "王芳"), ("14:00", "15:00", "李强") })
            await (await App.PostAsync($"/api/resources/{id}/bookings", new { date, start, end, name, phone = "13812345678", purpose = "楼道议事会", people = 12 })).ReadJsonAsync(201);
        var page = await SignedInAsync(key);
        await page.GotoAsync(Url($"/console/bookings?resource={id}&date={date}"));
        var card = page.GetByTestId("booking-day");
        var first = card.Locator("tr", new() { HasText = "09:00–10:00" });
        await first.GetByText("待审批").WaitForAsync();
        var held = await HeldWrites.OnAsync(page);

        await first.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await held.FirstAsync();
        await first.Locator("button.ant-btn-loading").WaitForAsync();
        var second = card.Locator("tr", new() { HasText = "14:00–15:00" });
        await second.Locator("button[disabled]", new() { HasText = "批准" }).WaitForAsync();
        await second.Locator("button[disabled]", new() { HasText = "拒绝" }).WaitForAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync(new() { Force = true });
        Assert.Single(held.Writes);

        held.Release();
        await first.GetByText("已预约").WaitForAsync();
        await second.Locator("button:not([disabled])", new() { HasText = "批准" }).WaitForAsync();
        Assert.Single(held.Writes);
        Assert.EndsWith("/approve", held.Writes[0]);
    }

    [Fact]
    public async Task The_units_admin_held_on_退出共建_leaves_the_other_units_buttons_disabled()
    {
        var page = await SignedInAsync(await App.KeyAsync(ActorRole.Admin, "", "系统管理员"));
        await page.GotoAsync(Url("/console/admin/units"));
        await page.GetByTestId("retire-baosheng-property").ClickAsync();
        await page.GetByTestId("retire-reason").FillAsync("单位合并，不再参与共建");
        var held = await HeldWrites.OnAsync(page);

        await page.Locator("#confirm-retire").ClickAsync();
        await held.FirstAsync();
        await page.Locator("#confirm-retire.ant-btn-loading").WaitForAsync();
        await DisabledAsync(page, "edit-caiyuan-volunteers");
        await DisabledAsync(page, "retire-caiyuan-volunteers");
        await DisabledAsync(page, "add-unit");
        Assert.Single(held.Writes);

        held.Release();
        await page.Locator("tr", new() { HasText = "baosheng-property" }).GetByTestId("retired-tag").WaitForAsync();
        await EnabledAsync(page, "edit-caiyuan-volunteers");
        Assert.Equal(["POST /api/units/baosheng-property/retire"], held.Writes);
    }

    [Fact]
    public async Task A_persons_drawer_held_on_确认报到_then_on_登记时长_leaves_the_pages_team_button_disabled()
    {
        await (await App.PostAsync("/api/people", new { communityId = "dongqili", kind = "volunteer", name = "张伟", phone = "13812345678", workUnit = "泰安市第一中学" })).ReadJsonAsync(201);
        var page = await SignedInAsync(await App.DispatcherAsync());
        await page.GotoAsync(Url("/console/people?tab=people"));
        await page.GetByTestId("people").Locator("tr", new() { HasText = "张伟" }).GetByText("13812345678").ClickAsync();
        var person = page.GetByTestId("person");
        await person.GetByText("泰安市第一中学").WaitForAsync();
        // Before 确认报到 the drawer says what it unlocks instead of offering writes the API would refuse.
        Assert.Contains("确认报到后，才能为其加入队伍、登记服务时长。", await person.GetByTestId("person-unconfirmed").InnerTextAsync());
        Assert.Equal(0, await person.GetByRole(AriaRole.Button, new() { Name = "登记时长" }).CountAsync());
        Assert.Equal(0, await person.GetByTestId("pick-team").CountAsync());
        await ConsoleBrowser.ShootAsync(page, "person-unconfirmed");
        var confirm = await HeldWrites.OnAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "确认报到" }).ClickAsync();
        await confirm.FirstAsync();
        await page.Locator(".ant-drawer button.ant-btn-loading", new() { HasText = "确认报到" }).WaitForAsync();
        await DisabledAsync(page, "team-add");
        confirm.Release();
        await person.GetByText("已确认").WaitForAsync();
        await EnabledAsync(page, "team-add");
        Assert.Equal(0, await person.GetByTestId("person-unconfirmed").CountAsync());
        Assert.Single(confirm.Writes);
        Assert.EndsWith("/confirm", confirm.Writes[0]);

        var hours = await HeldWrites.OnAsync(page);
        await person.GetByPlaceholder("服务内容").FillAsync("敬老院义务理发");
        await person.GetByRole(AriaRole.Button, new() { Name = "登记时长" }).ClickAsync();
        await hours.FirstAsync();
        await person.Locator("button.ant-btn-loading", new() { HasText = "登记时长" }).WaitForAsync();
        await DisabledAsync(page, "team-add");
        await person.Locator("button.ant-btn-loading", new() { HasText = "登记时长" }).ClickAsync(new() { Force = true });
        Assert.Single(hours.Writes);

        hours.Release();
        await person.GetByText("敬老院义务理发").WaitForAsync();
        await EnabledAsync(page, "team-add");
        Assert.Single(hours.Writes);
        Assert.EndsWith("/hours", hours.Writes[0]);
    }
}
