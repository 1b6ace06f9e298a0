using Gongjian.Functions.Communities;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.StaffConsole;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// The public 活动预告 pages as a resident opens them from a WeChat link: real Chromium on a phone, anonymous (script would run if any got through: none may).
/// Upcoming activities with time, place and counts (places, registered, waiting) and how to register by chat; never a
/// name, phone, person key or code, even with people registered and waiting; hostile titles shown as text; cancelled
/// activities and other streets' absent; a community's page holds only its own.
/// </summary>
public sealed class ActivitiesPageBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private TestApp _app = null!;
    private ConsoleBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    private static object Activity(string title, string community = "dongqili", string place = "东七里社区党群服务中心", int capacity = 2) => new
    {
        communityId = community, organiserKind = "community", title, category = "volunteer", description = "清理楼道杂物，请穿方便干活的衣服。",
        place, startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(3),
        deadline = DateTimeOffset.UtcNow.AddDays(2), capacity, audiences = new[] { "residents", "volunteers" },
    };

    [Fact]
    public async Task The_page_shows_upcoming_activities_with_counts_and_no_personal_data_and_escapes_hostile_titles()
    {
        // A second street (仙营街道), whose activities must stay off 财源街道's pages.
        var directory = _app.Services.GetRequiredService<CommunityDirectory>();
        await directory.AddAsync(DemoData.Xianying, CancellationToken.None);
        foreach (var c in DemoData.XianyingCommunities) await directory.AddAsync(c, CancellationToken.None);
        var dispatcher = await _app.DispatcherAsync();
        var full = await AnnounceAsync(_app, dispatcher, Activity("学雷锋志愿服务日"));
        var codes = new List<string>();
        foreach (var person in new[] { 0, 1, 2 }) codes.Add((await RegisteredAsync(_app, full, person)).GetProperty("checkInCode").GetString()!);
        var hostile = await AnnounceAsync(_app, dispatcher, Activity(Hostile, place: "\"><b>活动室</b>"));
        var cancelled = await AnnounceAsync(_app, dispatcher, Activity("已取消的健步走"));
        await (await PostAsync(_app, $"/api/activities/{cancelled}/cancel", new { reason = "因天气原因取消。" }, dispatcher)).ReadJsonAsync(200);
        var elsewhere = await AnnounceAsync(_app, await _app.DispatcherAsync("sanlian"), Activity("三联社区义诊", community: "sanlian"));
        var otherStreet = await AnnounceAsync(_app, await _app.DispatcherAsync("xianying-1"), Activity("仙营街道读书会", community: "xianying-1"));
        var personKeys = (await (await _app.GetAsync($"/api/activities/{full}", dispatcher)).ReadJsonAsync(200))
            .GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("personKey").GetString()!).ToList();

        var page = await _browser.OpenAsync(phone: true);
        var response = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.Activities("caiyuan")).ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal(HtmlPageResult.ContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal("public, max-age=60", await response.HeaderValueAsync("cache-control"));
        Assert.Equal("财源街道 · 活动预告", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("财源街道活动预告", await page.TitleAsync());

        var shown = await page.Locator("li.card").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.activity)");
        Assert.Equal(new[] { full, hostile, elsewhere }.Order(), shown.Order());
        var card = await page.Locator($"li[data-activity='{full}']").InnerTextAsync();
        foreach (var text in new[] { "学雷锋志愿服务日", "志愿服务", "名额已满，可候补", "东七里社区党群服务中心", "2 人，已报名 2 人，候补 1 人", "居民、志愿者", "东七里社区" })
            Assert.Contains(text, card);
        Assert.Contains("这周有什么活动", await page.Locator("#how-to-register").InnerTextAsync());
        Assert.Equal("/api/chat", await page.GetByRole(AriaRole.Link, new() { Name = "共建聊天" }).GetAttributeAsync("href"));
        Assert.Equal(PagePaths.WishWall("caiyuan"), await page.GetByRole(AriaRole.Link, new() { Name = "微心愿" }).GetAttributeAsync("href"));
        Assert.Equal(PagePaths.Activities("caiyuan", "sanlian"), await page.GetByRole(AriaRole.Link, new() { Name = "三联社区" }).GetAttributeAsync("href"));

        // A hostile title and place are text: no element, no script, no image came out of them.
        var hostileCard = page.Locator($"li[data-activity='{hostile}']");
        Assert.Equal(Hostile, await hostileCard.Locator("h2").InnerTextAsync());
        Assert.Contains("\"><b>活动室</b>", await hostileCard.InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.Locator("main b").CountAsync());

        var html = await page.ContentAsync();
        foreach (var secret in Residents.Take(3).SelectMany(r => new[] { r.Name, r.Phone }).Concat(personKeys).Concat(codes))
            Assert.DoesNotContain(secret, html);
        await ConsoleBrowser.ShootAsync(page, "public-activities-street");

        // One community's page: only its activities; the street's other communities are a link away.
        response = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.Activities("caiyuan", "sanlian")).ToString());
        Assert.Equal(200, response!.Status);
        Assert.Equal("三联社区 · 活动预告", await page.Locator("h1").InnerTextAsync());
        Assert.Equal([elsewhere], await page.Locator("li.card").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.activity)"));
        Assert.Contains("还可报名 2 人", await page.Locator($"li[data-activity='{elsewhere}']").InnerTextAsync());
        await ConsoleBrowser.ShootAsync(page, "public-activities-community");
        Assert.DoesNotContain(otherStreet, await page.ContentAsync());

        // Unknown streets and communities of another street are pages too, not problem documents.
        response = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.Activities("nowhere")).ToString());
        Assert.Equal(404, response!.Status);
        Assert.Equal("没有找到这个街道", await page.Locator("h1").InnerTextAsync());
        response = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.Activities("caiyuan", "xianying-1")).ToString());
        Assert.Equal(404, response!.Status);
        Assert.Equal("没有找到这个社区", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(_browser.Complaints);
    }
}
