using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// Debian's Chromium (never a downloaded browser) with one context per person, so each role has its own
/// cookies. Records what the browser complained about (console errors, CSP violations, dialogs) for the asserts.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public static readonly float Patience = 90_000; // a hang guard: a busy 2-core CI machine stretches every step
    public static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots", "console");
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _complaints = [];

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser) { _playwright = playwright; _browser = browser; }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}. Run scripts/setup; never 'playwright install'.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A person's own browser window: desktop size, or a phone's.</summary>
    public async Task<IPage> OpenAsync(bool phone = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone, HasTouch = phone, DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (_complaints) _complaints.Add($"console.{m.Type}: {m.Text}"); };
        page.Dialog += async (_, d) => { lock (_complaints) _complaints.Add($"dialog: {d.Message}"); await d.DismissAsync(); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (_complaints) _complaints.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
        page.PageError += (_, e) => { lock (_complaints) _complaints.Add($"page error: {e}"); };
        return page;
    }

    /// <summary>Console errors other than the API refusals a test provoked on purpose (the browser logs every 4xx).</summary>
    public IReadOnlyList<string> Complaints
    {
        get { lock (_complaints) return _complaints.Where(c => !c.Contains("Failed to load resource", StringComparison.Ordinal) && !c.StartsWith("HTTP ", StringComparison.Ordinal)).ToList(); }
    }

    /// <summary>Everything the browser logged, the API's refusals included (for failure messages).</summary>
    public IReadOnlyList<string> Log { get { lock (_complaints) return [.. _complaints]; } }

    /// <summary>
    /// Picks an option of a select as a person does — open it, click the option — and goes on once the select shows it.
    /// A multiple select stays open: <paramref name="closeBy"/> is what a person clicks beside it to close the list
    /// (Escape would also close a drawer). A click can miss while the list is still sliding open on a busy machine
    /// (CI once kept the form's default category); a person sees that and picks again, and so does this, twice at most.
    /// </summary>
    public static async Task PickAsync(IPage page, string selectTestId, string option, ILocator? closeBy = null)
    {
        var select = page.GetByTestId(selectTestId);
        var list = page.Locator(".ant-select-dropdown:visible");
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await list.Locator(".ant-select-item-option").Filter(new() { HasText = option }).First.ClickAsync();
            if (closeBy is not null) await closeBy.ClickAsync();
            await list.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            var shown = await select.InnerTextAsync();
            if (shown.Contains(option, StringComparison.Ordinal)) return;
            Assert.True(attempt < 3, $"the select {selectTestId} shows “{shown}” after picking “{option}” three times");
        }
    }

    /// <summary>
    /// A full-page screenshot once the page's finite animations have ended (a drawer sliding in, a radio being checked,
    /// a button's colour), as a person would look at it; endless ones (spinners) are left running.
    /// </summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a.playState === 'running' && " +
            "a.effect?.getComputedTiming().endTime !== Infinity).map(a => a.finished.catch(() => null)))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
