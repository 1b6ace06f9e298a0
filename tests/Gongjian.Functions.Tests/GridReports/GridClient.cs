using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.GridReports;

/// <summary>Grids and 格事坊 requests on the test app: the community's dispatcher makes the grid, its worker reports.</summary>
internal static class GridClient
{
    public const string GridId = "dongqili.baosheng";
    public const double CentreLat = 32.0472, CentreLon = 112.1431;

    public static object NewGrid(string slug = "baosheng", string community = "dongqili", string leaderPhone = "13807101234") => new
    {
        communityId = community, slug, name = "宝盛网格", area = "阳光花园小区、宝盛里", centreLat = CentreLat, centreLon = CentreLon, radiusMetres = 400,
        team = new object[]
        {
            new { role = "leader", name = "李红梅", phone = leaderPhone }, new { role = "worker", name = "王建国", phone = "13907105678" },
            new { role = "instructor", name = "张志强" }, new { role = "volunteer", name = "刘桂兰" },
        },
    };

    public static object NewReport(string grid = GridId, string category = "vehicle", string text = "阳光花园小区3栋旁一辆轿车长期停放，轮胎漏气，疑似僵尸车。",
        double? lat = 32.0478, double? lon = 112.1440, string[]? photos = null) => new
    {
        gridId = grid, category, text, place = "阳光花园小区3栋旁", lat, lon, photos = photos ?? [TestImages.PngBase64("GPSLatitude 32.0478 GPSLongitude 112.1440")],
    };

    /// <summary>The grid made by the dispatcher, and a grid worker's key for it.</summary>
    public static async Task<(string Dispatcher, string Worker)> GridWithWorkerAsync(TestApp app)
    {
        var dispatcher = await app.DispatcherAsync();
        await (await PostAsync(app, "/api/grids", NewGrid(), dispatcher)).ReadJsonAsync(201);
        return (dispatcher, await app.KeyAsync(ActorRole.GridWorker, GridId, "王建国"));
    }

    public static async Task<JsonElement> FiledAsync(TestApp app, string worker, object? report = null) =>
        await (await PostAsync(app, "/api/grid-reports", report ?? NewReport(), worker)).ReadJsonAsync(201);
}
