using System.Text.Json;
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
public sealed class OneWriteAtATimeBrowserTests(AzuriteFixture azurite) : ConsoleBrowserTest(azurite)
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
}
