using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Activities.ActivityClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.GridReports;

/// <summary>
/// 格事坊 over HTTP on Azurite: a worker's report with its located photo (GPS stripped), bad input refused precisely,
/// a report turned into an order and closed by the order's completion, a hand-over, and duplicates suggested and merged.
/// </summary>
public sealed class GridReportHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_report_without_location_or_photo_or_with_a_non_image_or_from_the_wrong_key_is_refused_and_nothing_is_written()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        await (await PostAsync(_app, "/api/grid-reports", NewReport(lat: null, lon: null), worker)).ShouldBeProblemAsync(400, "location_required");
        await (await PostAsync(_app, "/api/grid-reports", NewReport(photos: []), worker)).ShouldBeProblemAsync(400, "photo_required");
        await (await PostAsync(_app, "/api/grid-reports", NewReport(photos: ["bm90IGEgcGljdHVyZQ=="]), worker)).ShouldBeProblemAsync(400, "photo_not_an_image");
        await (await PostAsync(_app, "/api/grid-reports", NewReport(category: "ufo"), worker)).ShouldBeProblemAsync(400, "unknown_category");
        await (await PostAsync(_app, "/api/grid-reports", NewReport(grid: "dongqili.nowhere"), worker)).ShouldBeProblemAsync(400, "unknown_grid");
        await (await PostAsync(_app, "/api/grids", NewGrid(slug: "xinyuan"), dispatcher)).ReadJsonAsync(201);
        var other = await _app.KeyAsync(ActorRole.GridWorker, "dongqili.xinyuan", "另一网格员");
        var problem = await (await PostAsync(_app, "/api/grid-reports", NewReport(), other)).ShouldBeProblemAsync(403, "outside_scope");
        Assert.Equal("您只能上报自己网格的问题。", problem.GetProperty("title").GetString());
        await (await PostAsync(_app, "/api/grid-reports", NewReport(), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await PostAsync(_app, "/api/grid-reports", NewReport())).ShouldBeProblemAsync(401, "authentication_required");

        var list = await (await SendAsync(_app, HttpMethod.Get, "/api/grid-reports", key: dispatcher)).ReadJsonAsync(200);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_filed_report_keeps_its_location_for_staff_its_photo_loses_its_metadata_and_lists_show_neither()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var report = await FiledAsync(_app, worker);
        var id = report.GetProperty("id").GetString()!;
        Assert.Equal(("open", "待处置", "王建国"), (report.GetProperty("status").GetString(), report.GetProperty("statusText").GetString(), report.GetProperty("reporter").GetString()));
        var staffView = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal(32.0478, staffView.GetProperty("lat").GetDouble());
        Assert.Equal(["resolve", "order", "hand_over", "merge"], staffView.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}", key: await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");

        var photo = report.GetProperty("photoIds")[0].GetString()!;
        await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}/photos/{photo}")).ShouldBeProblemAsync(401, "authentication_required");
        var bytes = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}/photos/{photo}", key: dispatcher)).Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 0);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.Latin1.GetString(bytes));

        foreach (var path in new[] { "/api/grid-reports", $"/api/grid-reports?grid={GridClient.GridId}" })
        {
            var raw = await (await SendAsync(_app, HttpMethod.Get, path, key: dispatcher)).Content.ReadAsStringAsync();
            Assert.Contains(id, raw);
            Assert.DoesNotContain("32.0478", raw);
            Assert.DoesNotContain("王建国", raw);
        }
        var own = await (await SendAsync(_app, HttpMethod.Get, "/api/grid-reports", key: worker)).ReadJsonAsync(200);
        Assert.Equal(id, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        // The dispatcher's inbox heard of it.
        var inbox = await (await SendAsync(_app, HttpMethod.Get, "/api/inbox", key: dispatcher)).Content.ReadAsStringAsync();
        Assert.Contains($"（{id}）", inbox);
    }

    [Fact]
    public async Task A_grid_report_becomes_an_order_and_the_orders_completion_closes_the_report()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var id = (await FiledAsync(_app, worker, NewReport(category: "environment", text: "宝盛里垃圾桶满溢，周边有积水。"))).GetProperty("id").GetString()!;
        await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { }, worker)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { category = "nope" }, dispatcher)).ShouldBeProblemAsync(400, "unknown_category");

        var ordered = await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { category = "environment" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal("ordered", ordered.GetProperty("status").GetString());
        var orderId = ordered.GetProperty("orderId").GetString()!;
        await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { }, dispatcher)).ShouldBeProblemAsync(409, "report_ordered");

        // The link both ways: the order names the report, the order's id finds the report.
        var order = await (await SendAsync(_app, HttpMethod.Get, $"/api/orders/{orderId}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Contains($"格事坊 {id}", order.GetProperty("text").GetString());
        var byOrder = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports?order={orderId}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal(id, Assert.Single(byOrder.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        // The existing 派单 flow to the end: dispatched, accepted, completed by the unit.
        var liaison = await _app.LiaisonAsync();
        await (await PostAsync(_app, $"/api/orders/{orderId}/dispatch", new { unitId = "baosheng-property" }, dispatcher)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/orders/{orderId}/accept", null, liaison)).ReadJsonAsync(200);
        Assert.Equal("ordered", (await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}", key: dispatcher)).ReadJsonAsync(200)).GetProperty("status").GetString());
        await (await PostAsync(_app, $"/api/orders/{orderId}/complete", new { note = "已清运垃圾，疏通积水。", photos = new[] { TestImages.PngBase64() } }, liaison)).ReadJsonAsync(200);

        var closed = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}", key: worker)).ReadJsonAsync(200);
        Assert.Equal(("closed", "派单已办结"), (closed.GetProperty("status").GetString(), closed.GetProperty("statusText").GetString()));
        var timeline = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}/timeline", key: worker)).ReadJsonAsync(200);
        Assert.Equal(["filed", "ordered", "closed"], timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("system", timeline.GetProperty("entries")[2].GetProperty("by").GetProperty("role").GetString());

        // The reporter is told, in its grid's inbox; the record counts for the community.
        var inbox = await (await SendAsync(_app, HttpMethod.Get, "/api/inbox", key: worker)).Content.ReadAsStringAsync();
        Assert.Contains($"已转为派单 {orderId}", inbox);
        Assert.Contains($"对应的派单 {orderId} 已办结", inbox);
        var records = await (await SendAsync(_app, HttpMethod.Get, "/api/records?street=caiyuan", key: await _app.OrganizerAsync())).Content.ReadAsStringAsync();
        Assert.Contains("grid_report_resolved", records);
        Assert.Contains(id, records);
    }

    [Fact]
    public async Task A_retry_after_the_order_was_placed_but_the_report_not_saved_links_that_order_and_places_no_second()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var id = (await FiledAsync(_app, worker)).GetProperty("id").GetString()!;
        // The first attempt's order, placed under the report's key, then a crash before the report was saved.
        var state = (await _app.Services.GetRequiredService<Gongjian.Functions.GridReports.GridReportStore>().LoadAsync(id, CancellationToken.None))!.State;
        var key = Gongjian.Functions.Storage.IdempotencyKey.ForGridReport(id, state.Version);
        var first = await _app.Services.GetRequiredService<Gongjian.Functions.Orders.OrderPlacement>().PlaceAsync((orderId, hash) => new PlaceOrder
        {
            By = new Actor(ActorRole.Dispatcher, "earlier", "派单员"), OrderId = orderId, Text = "【格事坊】僵尸车", CommunityId = "dongqili", StreetId = "caiyuan",
            Address = "阳光花园小区3栋旁", Contact = new Contact("李红梅", "13807101234"), TrackingCodeHash = hash,
            Origin = OrderOrigin.GridReport(id),
        }, null, (key, key.Fingerprint(new Gongjian.Functions.GridReports.ReportToOrderRequest(), Gongjian.Functions.GridReports.GridReportApiJson.Web.ReportToOrderRequest)),
            CancellationToken.None);

        var retried = await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { category = "environment" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(first.Order!.OrderId, retried.GetProperty("orderId").GetString());
        var orders = await (await SendAsync(_app, HttpMethod.Get, "/api/orders?pageSize=50", key: dispatcher)).Content.ReadAsStringAsync();
        Assert.Equal(1, orders.Split("格事坊").Length - 1);
    }

    [Fact]
    public async Task A_cancelled_order_sends_the_report_back_to_triage()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var id = (await FiledAsync(_app, worker)).GetProperty("id").GetString()!;
        var orderId = (await (await PostAsync(_app, $"/api/grid-reports/{id}/order", new { }, dispatcher)).ReadJsonAsync(200)).GetProperty("orderId").GetString()!;
        await (await PostAsync(_app, $"/api/orders/{orderId}/reject", new { reason = "属交警管辖，不予派单。" }, dispatcher)).ReadJsonAsync(200);
        var back = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{id}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal("open", back.GetProperty("status").GetString());
        Assert.False(back.TryGetProperty("orderId", out _));
        var byOrder = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports?order={orderId}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Empty(byOrder.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_zombie_car_is_handed_to_the_street_and_a_second_report_of_it_is_suggested_and_merged()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var first = (await FiledAsync(_app, worker)).GetProperty("id").GetString()!;
        var second = (await FiledAsync(_app, worker, NewReport(text: "3栋旁的车很久没动过，轮胎瘪了，疑似僵尸车。", lat: 32.0479, lon: 112.1441))).GetProperty("id").GetString()!;
        var elsewhere = (await FiledAsync(_app, worker, NewReport(category: "environment", text: "宝盛里垃圾桶满溢。", lat: 32.0600))).GetProperty("id").GetString()!;

        var suggested = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{second}/duplicates", key: dispatcher)).ReadJsonAsync(200);
        var only = Assert.Single(suggested.GetProperty("items").EnumerateArray());
        Assert.Equal(first, only.GetProperty("id").GetString());
        Assert.InRange(only.GetProperty("distanceMetres").GetInt32(), 5, 30);
        await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{second}/duplicates", key: worker)).ShouldBeProblemAsync(403, "role_not_allowed");
        Assert.Equal("open", (await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{second}", key: dispatcher)).ReadJsonAsync(200)).GetProperty("status").GetString());

        await (await PostAsync(_app, $"/api/grid-reports/{second}/merge", new { targetId = elsewhere }, dispatcher)).ShouldBeProblemAsync(400, "merge_other_category");
        var merged = await (await PostAsync(_app, $"/api/grid-reports/{second}/merge", new { targetId = first }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("merged", first), (merged.GetProperty("status").GetString(), merged.GetProperty("mergedInto").GetString()));
        var target = await (await SendAsync(_app, HttpMethod.Get, $"/api/grid-reports/{first}", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal([second], target.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));

        await (await PostAsync(_app, $"/api/grid-reports/{first}/hand-over", new { body = "街道城管办", note = "" }, dispatcher)).ShouldBeProblemAsync(400, "note_required");
        var handed = await (await PostAsync(_app, $"/api/grid-reports/{first}/hand-over",
            new { body = "街道城管办", note = "已联系交警，张贴告知单后无人认领，转交城管办依法处置。" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("handed_over", "街道城管办"), (handed.GetProperty("status").GetString(), handed.GetProperty("handedTo").GetString()));
        await (await PostAsync(_app, $"/api/grid-reports/{first}/resolve", new { note = "好" }, dispatcher)).ShouldBeProblemAsync(409, "report_handed_over");
        var inbox = await (await SendAsync(_app, HttpMethod.Get, "/api/inbox", key: worker)).Content.ReadAsStringAsync();
        Assert.Contains("已转交街道城管办", inbox);
    }
}
