using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>
/// The public 微心愿 wall as a resident opens it from a WeChat link: real Chromium, anonymous, JavaScript off. Published,
/// claimed and fulfilled wishes with their anonymised text, community, category, status and the claiming unit; a person
/// claimer only as 党员志愿者; wishes not yet published, rejected or withdrawn absent; no personal data in the document.
/// </summary>
public sealed class WishWallBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private TestApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}. Run scripts/setup; never 'playwright install'.");
        _app = await TestApp.StartAsync(azurite);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_wall_shows_published_wishes_and_their_claimers_without_personal_data()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var (waiting, _) = await PublishedAsync(_app, dispatcher, "行动不便的老人想要一副助行器。");
        var (byUnit, _) = await PublishedAsync(_app, dispatcher, "三年级的小朋友想要一个新书包。");
        await (await PostAsync(_app, $"/api/wishes/{byUnit}/claim", new { kind = "unit" }, liaison)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/wishes/{byUnit}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, liaison)).ReadJsonAsync(200);
        var (byPerson, _) = await PublishedAsync(_app, dispatcher, "八十多岁的老人想请人上门理发。");
        await (await PostAsync(_app, $"/api/wishes/{byPerson}/claim", new { kind = "partyMember", name = PersonName, phone = PersonPhone })).ReadJsonAsync(200);
        var (unpublished, _) = await SubmitAsync(_app);
        var (rejected, _) = await SubmitAsync(_app);
        await (await PostAsync(_app, $"/api/wishes/{rejected}/reject", new { reason = "请改为社区服务工单" }, dispatcher)).ReadJsonAsync(200);

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.WishWall("caiyuan")).ToString());
        Assert.Equal(200, response!.Status);

        Assert.Equal("财源街道 · 微心愿", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("财源街道微心愿", await page.TitleAsync());
        Assert.Equal("财源街道微心愿", await page.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        Assert.Contains("1 个心愿等待认领", await page.Locator("meta[property='og:description']").GetAttributeAsync("content"));

        var cards = page.Locator("li.card");
        var shown = await cards.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.wish)");
        Assert.Equal(new[] { waiting, byUnit, byPerson }.Order(), shown.Order());
        Assert.DoesNotContain(unpublished, shown);
        Assert.DoesNotContain(rejected, shown);

        var unitCard = await page.Locator($"li[data-wish='{byUnit}']").InnerTextAsync();
        foreach (var text in new[] { "三年级的小朋友想要一个新书包。", "学习用品", "已实现", "东七里社区", "小宇奶奶", "认领：泰山宝盛置业有限公司" })
            Assert.Contains(text, unitCard);
        var personCard = await page.Locator($"li[data-wish='{byPerson}']").InnerTextAsync();
        Assert.Contains("认领：党员志愿者", personCard);
        Assert.Contains("待认领", await page.Locator($"li[data-wish='{waiting}']").InnerTextAsync());

        var html = await page.ContentAsync();
        foreach (var secret in new[] { ResidentName, ResidentPhone, PersonName, PersonPhone, PrivateText, "宝盛小区3号楼", "请改为社区服务工单" })
            Assert.DoesNotContain(secret, html);
        Assert.Equal(0, await page.Locator("script").CountAsync());

        // An unknown street is a page too, not a problem document.
        var missing = await page.GotoAsync(new Uri(_app.Http.BaseAddress!, PagePaths.WishWall("nowhere")).ToString());
        Assert.Equal(404, missing!.Status);
        Assert.Equal("没有找到这个街道", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }
}
