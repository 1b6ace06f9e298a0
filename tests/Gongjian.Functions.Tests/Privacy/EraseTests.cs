using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Privacy.EraseRig;

namespace Gongjian.Functions.Tests.Privacy;

/// <summary>
/// PIPL: <c>POST /api/orders/{id}/erase</c> removes the resident's personal data from a closed order —
/// from every stored row of its partition, the index and the before-photo files — and nothing else.
/// </summary>
public sealed class EraseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _dispatcher = null!;
    private string _liaison = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        (_dispatcher, _liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Resident_erases_a_confirmed_order_and_no_copy_remains_in_storage()
    {
        var (id, code) = await ConfirmedOrderAsync(_app, _dispatcher, _liaison);
        var before = await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200);
        var beforePhoto = PhotoId(before.GetProperty("beforePhotos")[0]);
        var afterPhotos = before.GetProperty("afterPhotos").EnumerateArray().Select(PhotoId).ToList();
        // The test could fail: the data really is there before the erasure.
        Assert.Contains((await PartitionAsync(_app, id)).Select(r => r.Text), t => t.Contains(Phone, StringComparison.Ordinal));
        Assert.Contains(await IndexRowsAsync(_app, id), r => r.GetString("Summary") == Text);

        var erased = await (await _app.PostAsync($"/api/orders/{id}/erase", new { reason = "不再需要保留" }, trackingCode: code)).ReadJsonAsync(200);

        Assert.Equal("confirmed", erased.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, erased.GetProperty("personalDataErasedAt").ValueKind);
        Assert.Equal(("", "", "", ""), (erased.GetProperty("text").GetString(), erased.GetProperty("address").GetString(),
            erased.GetProperty("contact").GetProperty("name").GetString(), erased.GetProperty("contact").GetProperty("phone").GetString()));
        Assert.Equal(0, erased.GetProperty("beforePhotos").GetArrayLength());
        Assert.Equal(2, erased.GetProperty("afterPhotos").GetArrayLength());
        Assert.Equal(5, erased.GetProperty("rating").GetInt32());

        var rows = await PartitionAsync(_app, id);
        foreach (var (rowKey, text) in rows) AssertNoPersonalData($"row {rowKey}", text);
        Assert.Equal(erased.GetProperty("version").GetInt32(), rows.Count(r => r.RowKey.StartsWith("event-", StringComparison.Ordinal)));
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("outbox-", StringComparison.Ordinal));
        var index = await IndexRowsAsync(_app, id);
        Assert.Equal(3, index.Count);
        Assert.All(index, r => Assert.Equal(("", erased.GetProperty("version").GetInt32()), (r.GetString("Summary"), r.GetInt32("Version")!.Value)));
        Assert.Equal(afterPhotos.Select(p => $"{id}/{p}").Order(), (await BlobsAsync(_app, id)).Order());
        Assert.DoesNotContain($"{id}/{beforePhoto}", await BlobsAsync(_app, id));
        await (await _app.GetAsync($"/api/orders/{id}/photos/{beforePhoto}", _dispatcher)).ShouldBeProblemAsync(404, "photo_not_found");
    }

    [Fact]
    public async Task Erased_order_shows_a_timeline_entry_and_keeps_its_course()
    {
        var (id, code) = await ConfirmedOrderAsync(_app, _dispatcher, _liaison);
        await (await _app.PostAsync($"/api/orders/{id}/erase", trackingCode: code)).ReadJsonAsync(200);

        var order = await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200);

        var timeline = order.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["placed", "dispatched", "accepted", "completed", "reopened", "completed", "confirmed", "erased"],
            timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("个人信息已删除", timeline[^1].GetProperty("description").GetString());
        Assert.Equal("resident", timeline[^1].GetProperty("by").GetProperty("role").GetString());
        Assert.False(timeline[4].TryGetProperty("reason", out var reopenReason) && reopenReason.ValueKind == JsonValueKind.String, $"reopen reason kept: {reopenReason}");
        Assert.Equal("已修好", timeline[3].GetProperty("reason").GetString());
        AssertNoPersonalData("the order view", order.GetRawText());
        // The resident's tracking code still opens the (now anonymous) order.
        await (await _app.GetAsync($"/api/orders/{id}", trackingCode: code)).ReadJsonAsync(200);
    }

    [Fact]
    public async Task Admin_erases_a_cancelled_order_and_its_cancel_reason()
    {
        var admin = await _app.KeyAsync(ActorRole.Admin, "", "系统管理员");
        var (id, code) = await _app.PlaceAsync(Order());
        await (await _app.PostAsync($"/api/orders/{id}/cancel", new { reason = $"已自行修好，{Name}" }, trackingCode: code)).ReadJsonAsync(200);

        var erased = await (await _app.PostAsync($"/api/orders/{id}/erase", key: admin)).ReadJsonAsync(200);

        Assert.Equal("cancelled", erased.GetProperty("status").GetString());
        foreach (var (rowKey, text) in await PartitionAsync(_app, id)) AssertNoPersonalData($"row {rowKey}", text);
        Assert.Empty(await BlobsAsync(_app, id));
    }

    [Fact]
    public async Task Open_order_is_refused_with_a_hint_to_cancel_and_keeps_its_data()
    {
        var (id, code) = await _app.PlaceAsync(Order());
        await _app.DispatchAsync(id, _dispatcher);

        var problem = await (await _app.PostAsync($"/api/orders/{id}/erase", trackingCode: code)).ShouldBeProblemAsync(409, "order_not_closed");

        Assert.Contains("请先取消工单", problem.GetProperty("title").GetString());
        var order = await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200);
        Assert.Equal((Text, Phone, 2), (order.GetProperty("text").GetString(), order.GetProperty("contact").GetProperty("phone").GetString(), order.GetProperty("version").GetInt32()));
        Assert.Single(await BlobsAsync(_app, id));
    }

    [Fact]
    public async Task Wrong_callers_are_refused()
    {
        var organizer = await _app.OrganizerAsync();
        var (id, code) = await _app.PlaceAsync(Order());
        await (await _app.PostAsync($"/api/orders/{id}/cancel", trackingCode: code)).ReadJsonAsync(200);

        await (await _app.PostAsync($"/api/orders/{id}/erase")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.PostAsync($"/api/orders/{id}/erase", trackingCode: "WRNG-CODE")).ShouldBeProblemAsync(403, "invalid_tracking_code");
        await (await _app.PostAsync($"/api/orders/{id}/erase", key: _dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/orders/{id}/erase", key: organizer)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/orders/{id}/erase", key: await _app.DispatcherAsync("qingshan"))).ShouldBeProblemAsync(403, "outside_scope");

        var order = await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200);
        Assert.Equal(Phone, order.GetProperty("contact").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Second_erasure_is_refused_and_changes_nothing()
    {
        var (id, code) = await _app.PlaceAsync(Order());
        await (await _app.PostAsync($"/api/orders/{id}/cancel", trackingCode: code)).ReadJsonAsync(200);
        var first = await (await _app.PostAsync($"/api/orders/{id}/erase", trackingCode: code)).ReadJsonAsync(200);
        var rowsAfterFirst = (await PartitionAsync(_app, id)).Where(r => !r.RowKey.StartsWith("note-", StringComparison.Ordinal)).ToList();

        await (await _app.PostAsync($"/api/orders/{id}/erase", new { reason = "再删一次" }, trackingCode: code)).ShouldBeProblemAsync(409, "already_erased");

        var rows = await PartitionAsync(_app, id);
        Assert.Equal(rowsAfterFirst.Select(r => r.Text), rows.Where(r => !r.RowKey.StartsWith("note-", StringComparison.Ordinal)).Select(r => r.Text));
        var note = Assert.Single(rows, r => r.RowKey.StartsWith("note-", StringComparison.Ordinal));
        Assert.Contains("already_erased", note.Text);
        Assert.Equal(first.GetProperty("version").GetInt32(), (await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Erase_is_in_the_openapi_document()
    {
        var doc = await (await _app.GetAsync("/api/openapi.json")).ReadJsonAsync(200);

        Assert.True(doc.GetProperty("paths").GetProperty("/api/orders/{id}/erase").TryGetProperty("post", out _));
    }
}
