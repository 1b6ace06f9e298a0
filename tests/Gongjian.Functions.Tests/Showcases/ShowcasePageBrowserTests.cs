using Gongjian.Functions.Showcases.Pages;
using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.Showcases;

/// <summary>
/// The public pages as a resident opens them from a WeChat link: real Chromium with JavaScript off, on a
/// 390-px phone and on a desktop. What is shown, that every photo loads, that the page's stylesheet is
/// applied under its policy, and that no personal data of the orders is anywhere in the document.
/// Screenshots go to artifacts/screenshots/showcases, or to <c>GONGJIAN_SCREENSHOT_DIR</c> (docs/screenshots for the docs).
/// </summary>
public sealed class ShowcasePageBrowserTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Title = "楼道亮了，老人吃上热乎饭";
    private const string Story = "东七里社区居民反映楼道灯损坏，泰山宝盛置业接单后当天上门，换上了新的声控灯。\n" +
        "三联社区一位独居老人行动不便，财源街道社区卫生服务中心联系志愿者，每周两次把午饭送到家门口。\n" +
        "一件件小事，办在了居民心坎上。";
    private static readonly string ScreenshotDir = Environment.GetEnvironmentVariable("GONGJIAN_SCREENSHOT_DIR") is { Length: > 0 } dir
        ? Path.GetFullPath(dir, RepoPaths.Root) : Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "showcases");

    private TestApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _showcase = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}. Run scripts/setup; never 'playwright install'.");
        _app = await TestApp.StartAsync(azurite);
        var organizer = await _app.OrganizerAsync();
        var stairs = await ShowcasePageSetup.StairLightAsync(_app, rating: 5);
        var lunch = await ShowcasePageSetup.LunchDeliveryAsync(_app);
        await ShowcasePageSetup.PublishAsync(_app, organizer, "小区停车位重新划线", "青山社区的停车位标线模糊，成员单位重新划线，车辆停放更有序。", stairs);
        _showcase = await ShowcasePageSetup.PublishAsync(_app, organizer, Title, Story, stairs, lunch);
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

    private sealed record Opened(IPage Page, IReadOnlyList<IResponse> Images, IReadOnlyList<string> Violations);

    /// <summary>Opens the page without JavaScript and waits for its load event (every image in, lazy ones too: without scripts Chromium loads them eagerly).</summary>
    private async Task<Opened> OpenAsync(string path, int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var images = new List<IResponse>();
        var violations = new List<string>();
        page.Response += (_, r) => { if (r.Request.ResourceType == "image") lock (images) images.Add(r); };
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (violations) violations.Add(m.Text); };
        await page.GotoAsync(new Uri(_app.Http.BaseAddress!, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return new Opened(page, images, violations);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var file = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine("Screenshot: " + file);
    }

    private static async Task AssertNoPersonalDataAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var secret in ShowcasePageSetup.PersonalData)
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, text);
        }
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 800)]
    public async Task The_showcase_page_shows_story_units_photos_and_ratings_without_personal_data(string device, int width, int height)
    {
        var opened = await OpenAsync(PagePaths.Showcase("caiyuan", _showcase), width, height);
        var page = opened.Page;

        Assert.Equal(Title, await page.TitleAsync());
        Assert.Equal(Title, await page.Locator("h1").InnerTextAsync());
        var items = page.Locator("section.item");
        Assert.Equal(2, await items.CountAsync());
        var first = await items.Nth(0).InnerTextAsync();
        foreach (var shown in new[] { "设施维修", "东七里社区", "泰山宝盛置业有限公司", "5 分" }) Assert.Contains(shown, first);
        var second = await items.Nth(1).InnerTextAsync();
        foreach (var shown in new[] { "养老助老", "三联社区", "财源街道社区卫生服务中心", "暂未评价" }) Assert.Contains(shown, second);
        Assert.Contains("每周两次把午饭送到家门口", await page.Locator(".story").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());

        // Every photo came back as an image, and the browser applied the stylesheet the policy allows.
        var sources = await page.Locator("img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.getAttribute('src'))");
        Assert.Equal(3, sources.Length);
        foreach (var src in sources)
        {
            var response = Assert.Single(opened.Images, r => new Uri(r.Url).PathAndQuery == src);
            Assert.Equal(200, response.Status);
            Assert.StartsWith("image/", await response.HeaderValueAsync("content-type"));
        }
        Assert.Empty(opened.Violations);
        Assert.Equal("rgb(179, 38, 30)", await page.Locator("header.top").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.True(await page.Locator("img").First.EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 800"));

        await AssertNoPersonalDataAsync(page);
        await ScreenshotAsync(page, $"showcase-{device}");
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1280, 800)]
    public async Task The_street_list_links_each_showcase_newest_first(string device, int width, int height)
    {
        var opened = await OpenAsync(PagePaths.Street("caiyuan"), width, height);
        var page = opened.Page;

        Assert.Equal("财源街道 · 组织晒单", await page.Locator("h1").InnerTextAsync());
        var titles = await page.Locator("li.card h2").AllInnerTextsAsync();
        Assert.Equal([Title, "小区停车位重新划线"], titles);
        // The excerpt runs the story's paragraphs together as Chinese is written: no space after 。
        Assert.Contains("换上了新的声控灯。三联社区", await page.Locator("li.card p").First.InnerTextAsync());
        Assert.All(opened.Images, r => Assert.Equal(200, r.Status));
        Assert.Equal(2, opened.Images.Count);
        Assert.Empty(opened.Violations);
        await AssertNoPersonalDataAsync(page);
        await ScreenshotAsync(page, $"showcases-{device}");

        // A resident taps the first card and reads the showcase; its link back leads to the list.
        await page.Locator("li.card a").First.ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = Title }).WaitForAsync();
        Assert.EndsWith(PagePaths.Showcase("caiyuan", _showcase), page.Url);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← 财源街道 · 全部晒单" }).ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = "组织晒单" }).WaitForAsync();
    }

    [Fact]
    public async Task An_unknown_showcase_is_a_readable_chinese_page()
    {
        var opened = await OpenAsync(PagePaths.Showcase("caiyuan", "SC261205-00000000"), 390, 844);

        Assert.Equal("没有找到这篇晒单", await opened.Page.Locator("h1").InnerTextAsync());
        await ScreenshotAsync(opened.Page, "showcase-missing-phone");
        await opened.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "看看财源街道的其他晒单" }).ClickAsync();
        await opened.Page.Locator("li.card").First.WaitForAsync();
    }
}
