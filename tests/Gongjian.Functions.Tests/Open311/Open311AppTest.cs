using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Open311;

/// <summary>A test class with its own running app and one Open311 client key of 财源街道.</summary>
public abstract class Open311AppTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected string Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.StartAsync(azurite);
        Client = await App.ClientKeyAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
