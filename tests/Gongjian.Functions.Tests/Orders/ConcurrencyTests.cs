using Gongjian.Functions.Orders;
using System.Net;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Orders;

public sealed class ConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Two_dispatchers_at_the_same_moment_exactly_one_wins()
    {
        var first = await _app.DispatcherAsync();
        var second = await _app.DispatcherAsync();
        for (var round = 0; round < 10; round++)
        {
            var (id, _) = await _app.PlaceAsync();
            var responses = await Task.WhenAll(
                _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, first),
                _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "caiyuan-volunteers", category = "environment" }, second));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblemAsync(409, "order_dispatched");
            var history = (await _app.Services.GetRequiredService<OrderStore>().LoadWithHistoryAsync(id, CancellationToken.None))!.Events;
            Assert.Single(history.OfType<OrderDispatched>());
        }
    }

    [Fact]
    public async Task Many_concurrent_accepts_apply_once()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var (id, _) = await _app.PlaceAsync();
        await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _app.PostAsync($"/api/orders/{id}/accept", new { }, liaison)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var loaded = (await _app.Services.GetRequiredService<OrderStore>().LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Single(loaded.Events.OfType<OrderAccepted>());
        Assert.Equal(loaded.Events.Count, loaded.State.Version);
    }
}
