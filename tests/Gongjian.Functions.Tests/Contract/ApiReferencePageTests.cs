using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.Contract;

/// <summary>
/// The reference page /api/docs in real Chromium: it renders the contract readably (the feature tags,
/// the credentials with their placeholders intact) and leaves a screenshot in artifacts/screenshots.
/// </summary>
public sealed class ApiReferencePageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    public static readonly string Screenshot = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "api-docs.png");
    public static readonly string CompleteScreenshot = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "api-docs-complete.png");

    [Fact]
    public async Task Reference_page_shows_features_and_credentials_readably()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}. Run scripts/setup; never 'playwright install'.");
        await using var app = await TestApp.StartAsync(azurite);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "zh-CN" });
        await page.GotoAsync(new Uri(app.Http.BaseAddress!, "/api/docs").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        // Scalar renders from the document: wait for what only the document can put there.
        var patience = new LocatorWaitForOptions { Timeout = 60_000 };
        await page.GetByText("Authorization: Bearer gjk_…").First.WaitForAsync(patience);
        await page.GetByText("居民点单 Place an order").First.WaitForAsync(patience);
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var tag in new[] { "工单 Orders", "晒单 Showcases", "社区与单位 Directory", "聊天 Chat" }) Assert.Contains(tag, text);
        Assert.Contains("X-Tracking-Code", text);
        Assert.DoesNotContain("Bearer ;", text);
        Assert.DoesNotContain("Bearer\n;", text);

        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot });
        output.WriteLine($"Screenshot: {Screenshot}");

        // The body of 办结 — what a newcomer once had to read C# for — is on the page, with its fields.
        await page.GetByText("办结 Complete").First.ClickAsync();
        var complete = page.Locator("section", new PageLocatorOptions { HasText = "单位上报办结" }).Last;
        await complete.GetByText("photos").First.WaitForAsync(patience);
        Assert.Contains("note", await complete.InnerTextAsync());
        await complete.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = CompleteScreenshot });
    }
}
