using System.Globalization;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Deliberations.DeliberationClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// The 议事 screens in real Chromium on the real app: a resident's topic (raised by the API, as the chat does) in the
/// dispatcher's list; on its page the dispatcher sees the raiser's contact, accepts it, schedules a meeting with a vote,
/// records an opinion; residents vote by the API; after the vote's deadline (the app's clock and the browser's jump) the
/// dispatcher closes the vote (tally and rule shown), records minutes and a decision (a decision with nothing to do refused
/// in the API's words first), turns it into an order, the unit completes it, the page shows it delivered with a rating; the
/// list's steps follow. Screenshots of each screen in artifacts/screenshots/console/.
/// </summary>
public sealed class DeliberationConsoleBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
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

    private static string Beijing(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_dispatcher_takes_a_topic_through_review_meeting_vote_decision_orders_and_rating()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, _) = await RaisedAsync(_app);

        var page = await _browser.OpenAsync();
        await page.GotoAsync(Url("/console/"));
        await page.GetByPlaceholder("gjk_…").FillAsync(dispatcher);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        await page.GetByTestId("menu").GetByText("议事").ClickAsync();
        await page.GetByTestId($"status-{id}").GetByText("待审核").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "deliberations-list");

        // 审: the raiser's contact is there for the community's staff; accept.
        await page.GetByText("东门加装电动车充电桩").ClickAsync();
        await page.GetByTestId("deliberation-contact").GetByText(RaiserPhone).WaitForAsync();
        Assert.DoesNotContain(RaiserPhone, await page.GetByTestId("deliberation-heading").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(page, "deliberation-raised");
        await page.GetByTestId("deliberation-accept").ClickAsync();
        await page.GetByTestId("deliberation-status").GetByText("已受理，待议事").WaitForAsync();

        // 议: a meeting in an hour with a vote closing half an hour after it; an opinion recorded for the property company.
        var meeting = DateTimeOffset.ParseExact(Beijing(_clock.GetUtcNow().AddHours(1)) + "+08:00", "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        await page.GetByTestId("meeting-at").FillAsync(Beijing(meeting));
        await page.GetByTestId("meeting-vote").ClickAsync();
        await page.GetByTestId("vote-question").FillAsync("是否在东门加装 10 个充电桩");
        await page.GetByTestId("vote-closes").FillAsync(Beijing(meeting.AddMinutes(30)));
        await ConsoleBrowser.ShootAsync(page, "deliberation-schedule");
        await page.GetByTestId("meeting-save").ClickAsync();
        await page.GetByTestId("deliberation-status").GetByText("议事中").WaitForAsync();
        await page.GetByTestId("opinion-author").ClickAsync();
        await page.GetByTitle("物业公司").ClickAsync();
        await page.GetByTestId("opinion-text").FillAsync("物业同意提供东门空地，负责日常管理。");
        await page.GetByTestId("opinion-add").ClickAsync();
        await page.GetByTestId("opinions").GetByText("物业同意提供东门空地，负责日常管理。").WaitForAsync();
        foreach (var (phone, choice) in new[] { (VoterPhones[0], "for"), (VoterPhones[1], "for"), (VoterPhones[2], "against") })
            await (await VoteAsync(_app, id, phone, choice)).ReadJsonAsync(200);

        // After the meeting and the vote's deadline: close the vote, then minutes and decision.
        _clock.Shift(meeting.AddMinutes(31) - _clock.GetUtcNow());
        await page.Clock.SetSystemTimeAsync(_clock.GetUtcNow().UtcDateTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await page.GetByTestId("vote-close").ClickAsync();
        await page.GetByTestId("vote-tally").GetByText("通过").WaitForAsync();
        Assert.Contains("赞成 2、反对 1、弃权 0", await page.GetByTestId("vote-tally").InnerTextAsync());
        await page.GetByTestId("decision-minutes").FillAsync("到会 15 人。物业同意提供东门空地，宝盛置业负责安装。");
        await page.GetByTestId("decision-text").FillAsync("在东门加装 10 个充电桩，物业负责日常管理。");
        await page.GetByTestId("decision-save").ClickAsync();
        await page.GetByText("请写明第 1 件事项要办什么。").WaitForAsync(); // the API's refusal, in its words
        await page.GetByTestId("action-text-0").FillAsync("东门加装 10 个电动车充电桩");
        await page.GetByTestId("action-address-0").FillAsync("宝盛小区东门");
        await ConsoleBrowser.ShootAsync(page, "deliberation-decision");
        await page.GetByTestId("decision-save").ClickAsync();
        await page.GetByTestId("deliberation-status").GetByText("已形成决议").WaitForAsync();

        // 办: the decision becomes an order, which the unit completes.
        await page.GetByTestId("orders-contact-phone").FillAsync("05388221234");
        await page.GetByTestId("orders-create").ClickAsync();
        await page.GetByTestId("orders-created").WaitForAsync();
        await page.GetByTestId("action-status-1").GetByText("办理中").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "deliberation-orders");
        var orderId = (await DeliberationAsync(_app, id, dispatcher)).GetProperty("actions")[0].GetProperty("targetId").GetString()!;
        await _app.DispatchAsync(orderId, dispatcher);
        await _app.AcceptAsync(orderId, liaison);
        await _app.CompleteAsync(orderId, liaison);
        await (await _app.PostAsync($"/api/deliberations/{id}/ratings", new { phone = VoterPhones[0], stars = 5, comment = "充电桩很方便" })).ReadJsonAsync(200);

        // 评: delivered, rated; the dispatcher closes it; the list shows the last step.
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await page.GetByTestId("action-status-1").GetByText("已办结").WaitForAsync();
        await page.GetByTestId("rating-summary").GetByText("1 位居民评价，平均 5.0 星。").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "deliberation-delivered");
        await page.GetByTestId("deliberation-close").ClickAsync();
        await page.GetByTestId("deliberation-status").GetByText("已结束").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "返回议事" }).ClickAsync();
        await page.GetByTestId($"status-{id}").GetByText("已结束").WaitForAsync();

        // The public page residents see: the record, no personal data.
        var resident = await _browser.OpenAsync(phone: true);
        await resident.GotoAsync(Url($"/api/pages/deliberations/caiyuan/{id}"));
        await resident.Locator("#vote").GetByText("赞成 2、反对 1、弃权 0，通过").WaitForAsync();
        var html = await resident.ContentAsync();
        foreach (var personal in (string[])[RaiserName, RaiserPhone, "05388221234", .. VoterPhones]) Assert.DoesNotContain(personal, html);
        await ConsoleBrowser.ShootAsync(resident, "deliberation-public");
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }
}
