using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Indicators;

/// <summary>
/// Order indicators over HTTP on Azurite, kept by the engine's events: a July in 东七里 on the app's movable clock —
/// answered in time and late, declined and re-dispatched, reworked, one still open past its deadline — read per unit
/// and in all for each role's scope; bad periods refused; a repeated relay writes nothing; a rebuild gives the same answer.
/// </summary>
public sealed class OrderIndicatorsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void At(int day, int hour) => _clock.Now = new DateTimeOffset(2026, 7, day, hour, 0, 0, TimeSpan.FromHours(8));

    private Task<(string Id, string Code)> PlaceAsync() => _app.PlaceAsync(new
    {
        text = "小区垃圾桶满了好几天没人清运", category = "environment", communityId = "dongqili", address = "宝盛小区5号楼", contact = new { name = "刘阿姨", phone = "13905381111" },
    });

    private async Task<string> JulyAsync()
    {
        var (dispatcher, baosheng, volunteers) = (await _app.DispatcherAsync(), await _app.LiaisonAsync(), await _app.LiaisonAsync("caiyuan-volunteers"));
        At(1, 9);
        var (o1, c1) = await PlaceAsync();
        await _app.DispatchAsync(o1, dispatcher);
        At(1, 10); await _app.AcceptAsync(o1, baosheng);                  // answered in 1 h
        At(2, 10); await _app.CompleteAsync(o1, baosheng);                // done in 24 h of 48
        At(2, 12); await (await _app.PostAsync($"/api/orders/{o1}/confirm", new { rating = 5 }, trackingCode: c1)).ReadJsonAsync(200);

        At(3, 9);
        var (o2, c2) = await PlaceAsync();
        await _app.DispatchAsync(o2, dispatcher);
        At(3, 15); await (await _app.PostAsync($"/api/orders/{o2}/decline", new { reason = "本单位暂无清运车辆" }, baosheng)).ReadJsonAsync(200); // 6 h: late
        At(3, 16); await _app.DispatchAsync(o2, dispatcher, "caiyuan-volunteers");
        At(3, 17); await _app.AcceptAsync(o2, volunteers);
        At(6, 17); await _app.CompleteAsync(o2, volunteers);              // 72 h of 48: late
        At(6, 20); await (await _app.PostAsync($"/api/orders/{o2}/reopen", new { reason = "楼后还有两桶没清" }, trackingCode: c2)).ReadJsonAsync(200);
        At(7, 9); await _app.CompleteAsync(o2, volunteers);
        At(7, 12); await (await _app.PostAsync($"/api/orders/{o2}/confirm", new { rating = 3 }, trackingCode: c2)).ReadJsonAsync(200);

        At(10, 9);
        var (o3, _) = await PlaceAsync();
        await _app.DispatchAsync(o3, dispatcher);
        At(10, 10); await _app.AcceptAsync(o3, baosheng);                 // then nothing: due on 12 July 10:00
        At(15, 9);
        return o1;
    }

    private async Task<JsonElement> IndicatorsAsync(string query, string key) => await (await _app.GetAsync("/api/indicators/orders" + query, key)).ReadJsonAsync(200);

    private static Dictionary<string, double?> Values(JsonElement unit) => unit.GetProperty("values").EnumerateArray()
        .ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble());

    [Fact]
    public async Task A_july_of_orders_gives_each_unit_its_indicators_in_each_roles_scope()
    {
        await JulyAsync();
        var organizer = await _app.OrganizerAsync();
        var july = await IndicatorsAsync("?period=2026-07", organizer);
        Assert.Equal(("2026-07", "2026年7月"), (july.GetProperty("period").GetString(), july.GetProperty("periodName").GetString()));
        var units = july.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetString()!, Values);
        var b = units["baosheng-property"];
        Assert.Equal((3.0, 0.6667, 1.0, 2.0), (b["received"], b["response_rate"], b["declined"], b["accepted"])); // o2 answered after 6 h
        Assert.Equal((0.5, 0.5, 1.0, 5.0), (b["on_time_completion_rate"], b["resolution_rate"], b["satisfaction_rate"], b["mean_rating"])); // o3 past due
        Assert.Equal((1.0, 1.0, 24.0), (b["accept_hours_mean"], b["accept_hours_p90"], b["complete_hours_mean"]));
        var v = units["caiyuan-volunteers"];
        Assert.Equal((1.0, 1.0, 0.0, 1.0, 0.0, 1.0), (v["received"], v["response_rate"], v["on_time_completion_rate"], v["resolution_rate"], v["satisfaction_rate"], v["reopen_rate"]));
        Assert.Equal(72.0, v["complete_hours_p90"]);
        var total = Values(july.GetProperty("total"));
        Assert.Equal((4.0, 0.75, 3.0), (total["received"], total["response_rate"], total["accepted"]));
        // 超期: 宝盛 answered o2 late and has not completed o3 by its deadline; the volunteers completed o2 late.
        Assert.Equal((2.0, 1.0, 3.0), (b["overdue"], v["overdue"], total["overdue"]));
        Assert.Equal([("environment", 4)], july.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("category").GetString(), c.GetProperty("received").GetInt32())));
        Assert.Equal(IndicatorDefinitionsCount, july.GetProperty("definitions").GetArrayLength());
        Assert.DoesNotContain("刘阿姨", july.GetRawText());
        Assert.DoesNotContain("13905381111", july.GetRawText());

        // The liaison sees its own unit only; another unit is outside its scope.
        var baosheng = await _app.LiaisonAsync();
        var own = await IndicatorsAsync("?period=2026-Q3", baosheng);
        Assert.Equal(["baosheng-property"], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()).ToArray());
        await (await _app.GetAsync("/api/indicators/orders?unit=caiyuan-volunteers", baosheng)).ShouldBeProblemAsync(403, "outside_scope");
        // 青山's dispatcher: the volunteers serve 青山, 宝盛 does not.
        var qingshan = await IndicatorsAsync("?period=2026", await _app.DispatcherAsync("qingshan"));
        Assert.Equal(["caiyuan-volunteers"], qingshan.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()).ToArray());
        // June had nothing: no values, not zeros.
        var june = await IndicatorsAsync("?period=2026-06", organizer);
        Assert.Empty(june.GetProperty("units").EnumerateArray());
        Assert.Null(Values(june.GetProperty("total"))["response_rate"]);
    }

    private static readonly int IndicatorDefinitionsCount = Domain.Evaluation.IndicatorCatalog.Orders.Count;

    [Fact]
    public async Task Bad_periods_and_scopes_are_refused()
    {
        At(15, 9);
        var organizer = await _app.OrganizerAsync();
        await (await _app.GetAsync("/api/indicators/orders?period=2026-13", organizer)).ShouldBeProblemAsync(400, "invalid_period");
        await (await _app.GetAsync("/api/indicators/orders?period=last-year", organizer)).ShouldBeProblemAsync(400, "invalid_period");
        await (await _app.GetAsync("/api/indicators/orders?period=2026-08", organizer)).ShouldBeProblemAsync(400, "period_in_future");
        await (await _app.GetAsync("/api/indicators/orders?street=elsewhere", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/indicators/orders?unit=nobody", organizer)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await _app.GetAsync("/api/indicators/orders", await _app.KeyAsync(Domain.Orders.ActorRole.Admin))).ShouldBeProblemAsync(400, "street_required");
        await (await _app.GetAsync("/api/indicators/orders")).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Fact]
    public async Task A_repeated_relay_writes_nothing_and_a_rebuild_from_the_histories_gives_the_same_answer()
    {
        var o1 = await JulyAsync();
        var organizer = await _app.OrganizerAsync();
        var before = (await IndicatorsAsync("?period=2026-07", organizer)).GetRawText();
        var projector = _app.Services.GetRequiredService<OrderIndicatorProjector>();
        Assert.Equal(0, await projector.ProjectAsync(o1, rebuild: false, CancellationToken.None));

        var table = _app.Storage.Table(TableNames.OrderTallies); // the tallies and their episodes
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        Assert.Empty((await IndicatorsAsync("?period=2026-07", organizer)).GetProperty("units").EnumerateArray());
        Assert.Equal((3, 4), await projector.RebuildAsync(CancellationToken.None));
        Assert.Equal(before, (await IndicatorsAsync("?period=2026-07", organizer)).GetRawText());
    }
}
