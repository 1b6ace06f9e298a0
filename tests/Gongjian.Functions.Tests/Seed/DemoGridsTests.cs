using Gongjian.Domain.Orders;
using Gongjian.Functions.GridReports;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Seed;

/// <summary>The demo's 格事坊 (seed 001) through the app's own stores: 东七里社区's 5 grids with 宝盛网格, the 僵尸车 handed to 城管办.</summary>
public sealed class DemoGridsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_demo_has_five_grids_in_dongqili_and_the_zombie_car_handed_to_the_street()
    {
        var s = _app.Services;
        Assert.Equal((5, 2), await DemoGrids.SeedAsync(s.GetRequiredService<GridBook>(), s.GetRequiredService<GridReportStore>(), s.GetRequiredService<PhotoStore>(),
            DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));
        var dispatcher = await _app.DispatcherAsync();
        var grids = await (await SendAsync(_app, HttpMethod.Get, "/api/grids", key: dispatcher)).ReadJsonAsync(200);
        var names = grids.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ToList();
        Assert.Equal(5, names.Count);
        Assert.Contains("宝盛网格", names);

        var worker = await _app.KeyAsync(ActorRole.GridWorker, "dongqili.baosheng", "王建国");
        var reports = (await (await SendAsync(_app, HttpMethod.Get, "/api/grid-reports", key: worker)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray().ToList();
        var car = Assert.Single(reports, r => r.GetProperty("category").GetString() == "vehicle");
        Assert.Equal(("handed_over", "财源街道城管办"), (car.GetProperty("status").GetString(), car.GetProperty("handedTo").GetString()));
        Assert.Contains(reports, r => r.GetProperty("status").GetString() == "open");
        var detail = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{car.GetProperty("id").GetString()}", key: dispatcher)).ReadJsonAsync(200);
        var photo = detail.GetProperty("photoIds")[0].GetString();
        var served = await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{car.GetProperty("id").GetString()}/photos/{photo}", key: dispatcher);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
    }
}
