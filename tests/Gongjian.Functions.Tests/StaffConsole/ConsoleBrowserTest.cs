using Gongjian.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// What every console browser test shares: the real app on Azurite (started with <paramref name="appArgs"/>),
/// Debian's Chromium, and signing a person in through the sign-in form.
/// </summary>
public abstract class ConsoleBrowserTest(AzuriteFixture azurite, params string[] appArgs) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected ConsoleBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.StartAsync(azurite, appArgs);
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
    }

    protected string Url(string path) => new Uri(App.Http.BaseAddress!, path).ToString();

    /// <summary>Fills the sign-in form on <paramref name="page"/> with a staff key and waits for the signed-in shell (its sign-out button: a page may have other buttons named 退出…, e.g. 退出共建).</summary>
    protected async Task SignInAsync(IPage page, string key)
    {
        await page.GetByPlaceholder("gjk_…").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
    }

    /// <summary>A new browser window (desktop or phone) signed in with <paramref name="key"/>.</summary>
    protected async Task<IPage> SignedInAsync(string key, bool phone = false)
    {
        var page = await Browser.OpenAsync(phone);
        await page.GotoAsync(Url("/console/"));
        await SignInAsync(page, key);
        return page;
    }

    /// <summary>
    /// Lets the page's running animations (a drawer sliding) end, so a screenshot shows where things end. Only finite,
    /// running animations are awaited, one cancelled meanwhile counts as ended, and after 5 s the screenshot is taken
    /// anyway: this only decides what a picture shows, nothing is asserted on it.
    /// </summary>
    protected static Task SettledAsync(IPage page) => page.EvaluateAsync("""
        () => Promise.race([
          Promise.all(document.getAnimations()
            .filter(a => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
            .map(a => a.finished.catch(() => undefined))),
          new Promise(resolve => setTimeout(resolve, 5000)),
        ])
        """);
}
