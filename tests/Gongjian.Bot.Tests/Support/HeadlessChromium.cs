using Microsoft.Playwright;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (its bundled driver runs offline; no browser download).
/// A missing Chromium fails the test with the fix, never skips it: scripts/setup installs it.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser) { _playwright = playwright; Browser = browser; }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium is not installed at {ExecutablePath}. Run scripts/setup (it runs: apt-get install -y chromium); never 'playwright install'.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>The chat page as a person uses it: read the transcript, type into the send box, press buttons.</summary>
public sealed class ChatPageDriver
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // a hang guard, not a speed goal (busy CI machines)
    private readonly IPage page;
    private readonly List<string> _console = [];

    public ChatPageDriver(IPage page)
    {
        this.page = page;
        page.Console += (_, m) => { lock (_console) _console.Add($"console.{m.Type}: {m.Text}"); };
        page.RequestFailed += (_, r) => { lock (_console) _console.Add($"request failed: {r.Method} {r.Url} {r.Failure}"); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (_console) _console.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
    }

    public IPage Page => page;

    public async Task OpenAsync(Uri app, string path = "/chat")
    {
        await page.GotoAsync(new Uri(app, path).ToString());
        await page.Locator("[data-id='webchat-sendbox-input']").WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
    }

    /// <summary>Waits until the transcript shows <paramref name="text"/>; on timeout says what it showed instead.</summary>
    public async Task SeeAsync(string text)
    {
        try
        {
            await page.Locator("#webchat").GetByText(text, new() { Exact = false }).Last.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            string log;
            lock (_console) log = string.Join("\n", _console);
            Assert.Fail($"The chat never showed '{text}'. It shows:\n{await TranscriptAsync()}\n--- browser log ---\n{log}");
        }
    }

    public async Task SayAsync(string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Presses the last button with this name (suggested actions and card buttons alike).</summary>
    public Task PressAsync(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).Last.ClickAsync();

    public Task<string> TranscriptAsync() => page.Locator("#webchat").InnerTextAsync();

    /// <summary>What the browser reported: console messages, failed requests, HTTP errors.</summary>
    public IReadOnlyList<string> BrowserLog { get { lock (_console) return [.. _console]; } }

    /// <summary>The whole conversation as one tall picture (the transcript scrolls, so the page is made as tall as it).</summary>
    public async Task ScreenshotAsync(string path)
    {
        var height = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('#webchat *')].map(e => e.scrollHeight)) + 200");
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(size.Width, Math.Max(size.Height, height));
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        // The same in screen-sized pieces (name-1.png, name-2.png …), readable at their real size.
        var total = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (int y = 0, i = 1; y < total; y += size.Height, i++)
            await page.ScreenshotAsync(new()
            {
                Path = Path.ChangeExtension(path, null) + $"-{i}.png", FullPage = true,
                Clip = new() { X = 0, Y = y, Width = size.Width, Height = Math.Min(size.Height, total - y) },
            });
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
