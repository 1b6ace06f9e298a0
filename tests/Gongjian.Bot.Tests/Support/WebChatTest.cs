using Microsoft.Playwright;

namespace Gongjian.Bot.Tests.Support;

/// <summary>
/// A test class that drives the real Web Chat page on <c>/chat</c> in headless Chromium, against an app of its own.
/// </summary>
public abstract class WebChatTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected BotTestApp App { get; private set; } = null!;
    protected HeadlessChromium Chromium { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Chromium = await HeadlessChromium.LaunchAsync();
        App = await BotTestApp.StartAsync(azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
    }

    /// <summary>Opens the chat in a new browser context (zh-CN; <paramref name="options"/> for more) once the bot has greeted.</summary>
    protected async Task<ChatPageDriver> OpenChatAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.Locale ??= "zh-CN";
        var context = await Chromium.Browser.NewContextAsync(options);
        var chat = new ChatPageDriver(await context.NewPageAsync());
        await chat.OpenAsync(App.BaseAddress);
        await chat.SeeAsync("我是共建小助手");
        return chat;
    }
}
