namespace Gongjian.Bot.Tests.Support;

/// <summary>A test class with its own running bot app (default settings) and the order cycle around it.</summary>
public abstract class BotAppTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected BotTestApp App { get; private set; } = null!;
    protected OrderCycle Cycle { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        App = await BotTestApp.StartAsync(azurite);
        Cycle = new OrderCycle(App);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
