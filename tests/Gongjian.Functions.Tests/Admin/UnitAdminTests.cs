using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Admin;

/// <summary>
/// Member units after their creation, on Azurite: read with an ETag, edit (checked as on create, If-Match → 412),
/// retire (idempotent; not suggested, not dispatched to; its orders keep its name), reinstate; roles and streets refused.
/// </summary>
public sealed class UnitAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _admin = await _app.KeyAsync(ActorRole.Admin, "", "管理员");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static object Edit(string name = "泰山宝盛物业", string level = "district", string kind = "company", string[]? categories = null, string[]? communities = null) =>
        new { name, level, kind, categories = categories ?? ["repair", "parking"], communityIds = communities ?? ["dongqili"] };

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string key, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _app.Http.SendAsync(request);
    }

    private async Task<(JsonElement Unit, string ETag)> GetUnitAsync(string id)
    {
        var response = await _app.GetAsync($"/api/units/{id}", _admin);
        var json = await response.ReadJsonAsync(200);
        return (json, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task An_admin_edits_a_unit_with_its_etag_and_a_stale_etag_is_refused()
    {
        var (before, etag) = await GetUnitAsync("baosheng-property");
        Assert.Equal("泰山宝盛置业有限公司", before.GetProperty("name").GetString());

        var edited = await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(), _admin, etag);
        var json = await edited.ReadJsonAsync(200);
        Assert.Equal("泰山宝盛物业", json.GetProperty("name").GetString());
        Assert.Equal(["dongqili"], json.GetProperty("communityIds").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEqual(etag, edited.Headers.ETag!.ToString());

        // A second admin still holding the old ETag would overwrite the first edit: refused.
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(name: "旧名字"), _admin, etag)).ShouldBeProblemAsync(412, "unit_changed");
        var listed = await (await _app.GetAsync("/api/units")).ReadJsonAsync(200);
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("name").GetString() == "泰山宝盛物业");
    }

    [Fact]
    public async Task Edits_are_checked_as_on_create()
    {
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(name: " "), _admin)).ShouldBeProblemAsync(400, "invalid_name");
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(level: "planet"), _admin)).ShouldBeProblemAsync(400, "invalid_level");
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(kind: "pirate"), _admin)).ShouldBeProblemAsync(400, "invalid_kind");
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(categories: ["nonsense"]), _admin)).ShouldBeProblemAsync(400, "unknown_category");
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(communities: ["somewhere"]), _admin)).ShouldBeProblemAsync(400, "unknown_community");
        await (await SendAsync(HttpMethod.Patch, "/api/units/nobody", Edit(), _admin)).ShouldBeProblemAsync(404, "unit_not_found");
        var (unit, _) = await GetUnitAsync("baosheng-property");
        Assert.Equal("泰山宝盛置业有限公司", unit.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_admins_and_the_units_street_organizer_manage_it()
    {
        var dispatcher = await _app.DispatcherAsync();
        var liaison = await _app.LiaisonAsync();
        var otherOrganizer = await _app.OrganizerAsync("elsewhere");
        var organizer = await _app.OrganizerAsync();
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(), dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(), liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await SendAsync(HttpMethod.Post, "/api/units/baosheng-property/retire", new { reason = "测试" }, otherOrganizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/units/baosheng-property")).ShouldBeProblemAsync(401, "authentication_required");
        var edited = await (await SendAsync(HttpMethod.Patch, "/api/units/baosheng-property", Edit(name: "组织方改的名字"), organizer)).ReadJsonAsync(200);
        Assert.Equal("组织方改的名字", edited.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_retired_unit_keeps_its_orders_but_is_neither_suggested_nor_dispatched_to()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (old, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(old, dispatcher);

        await (await SendAsync(HttpMethod.Post, "/api/units/baosheng-property/retire", new { reason = "" }, _admin)).ShouldBeProblemAsync(400, "invalid_reason");
        var retired = await (await SendAsync(HttpMethod.Post, "/api/units/baosheng-property/retire", new { reason = "单位搬迁" }, _admin)).ReadJsonAsync(200);
        var at = retired.GetProperty("retiredAt").GetDateTimeOffset();
        Assert.Equal("单位搬迁", retired.GetProperty("retiredReason").GetString());
        // Again is fine: the first retirement stays.
        var again = await (await SendAsync(HttpMethod.Post, "/api/units/baosheng-property/retire", new { reason = "又一次" }, _admin)).ReadJsonAsync(200);
        Assert.Equal(at, again.GetProperty("retiredAt").GetDateTimeOffset());
        Assert.Equal("单位搬迁", again.GetProperty("retiredReason").GetString());

        var order = await (await _app.GetAsync($"/api/orders/{old}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("泰山宝盛置业有限公司", order.GetProperty("unit").GetProperty("name").GetString());

        var (fresh, _) = await _app.PlaceAsync();
        var suggestions = await (await _app.GetAsync($"/api/orders/{fresh}/suggestions", dispatcher)).ReadJsonAsync(200);
        Assert.DoesNotContain(suggestions.GetProperty("items").EnumerateArray(), i => i.GetProperty("unitId").GetString() == "baosheng-property");
        await (await _app.PostAsync($"/api/orders/{fresh}/dispatch", new { unitId = "baosheng-property" }, dispatcher)).ShouldBeProblemAsync(400, "unit_retired");
        var active = await (await _app.GetAsync("/api/units")).ReadJsonAsync(200);
        Assert.DoesNotContain(active.EnumerateArray(), u => u.GetProperty("id").GetString() == "baosheng-property");
        var all = await (await _app.GetAsync("/api/units?includeRetired=true")).ReadJsonAsync(200);
        Assert.Contains(all.EnumerateArray(), u => u.GetProperty("id").GetString() == "baosheng-property" && u.TryGetProperty("retiredAt", out _));

        var back = await (await SendAsync(HttpMethod.Post, "/api/units/baosheng-property/reinstate", null, _admin)).ReadJsonAsync(200);
        Assert.False(back.TryGetProperty("retiredAt", out _));
        var dispatched = await _app.PostAsync($"/api/orders/{fresh}/dispatch", new { unitId = "baosheng-property" }, dispatcher);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
    }
}
