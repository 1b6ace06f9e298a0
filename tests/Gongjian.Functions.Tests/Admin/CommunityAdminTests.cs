using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Admin;

/// <summary>
/// POST/PATCH /api/communities and POST /api/communities/{id}/retire on Azurite: admins and the street's organizer
/// only; duplicate ids 409; a stale ETag 412; retiring twice is fine; a retired community takes no new orders.
/// </summary>
public sealed class CommunityAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        _admin = await _app.KeyAsync(ActorRole.Admin, "", "管理员");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<HttpResponseMessage> PatchAsync(string path, object body, string key, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _app.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_streets_organizer_adds_and_renames_a_community_and_a_stale_rename_is_refused()
    {
        var organizer = await _app.OrganizerAsync();
        var created = await (await _app.PostAsync("/api/communities", new { id = "xinhu", name = "新湖社区" }, organizer)).ReadJsonAsync(201);
        Assert.Equal("caiyuan", created.GetProperty("streetId").GetString());
        await (await _app.PostAsync("/api/communities", new { id = "xinhu", name = "又一个", streetId = "caiyuan" }, _admin)).ShouldBeProblemAsync(409, "community_exists");
        await (await _app.PostAsync("/api/communities", new { id = "X!", name = "坏编号", streetId = "caiyuan" }, _admin)).ShouldBeProblemAsync(400, "invalid_id");
        await (await _app.PostAsync("/api/communities", new { id = "far", name = "远方", streetId = "nowhere" }, _admin)).ShouldBeProblemAsync(400, "unknown_street");

        var read = await _app.GetAsync("/api/communities/xinhu", organizer);
        await read.ReadJsonAsync(200);
        var etag = read.Headers.ETag!.ToString();
        var renamed = await (await PatchAsync("/api/communities/xinhu", new { name = "新湖花园社区" }, organizer, etag)).ReadJsonAsync(200);
        Assert.Equal("新湖花园社区", renamed.GetProperty("name").GetString());
        await (await PatchAsync("/api/communities/xinhu", new { name = "旧名" }, _admin, etag)).ShouldBeProblemAsync(412, "community_changed");
        await (await PatchAsync("/api/communities/xinhu", new { name = "" }, _admin, null)).ShouldBeProblemAsync(400, "invalid_name");
        await (await PatchAsync("/api/communities/nowhere", new { name = "无" }, _admin, null)).ShouldBeProblemAsync(404, "community_not_found");

        var listed = await (await _app.GetAsync("/api/communities")).ReadJsonAsync(200);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("name").GetString() == "新湖花园社区");
    }

    [Fact]
    public async Task Other_roles_and_other_streets_are_refused()
    {
        var elsewhere = await _app.OrganizerAsync("elsewhere");
        var dispatcher = await _app.DispatcherAsync();
        await (await _app.PostAsync("/api/communities", new { id = "xinhu", name = "新湖社区", streetId = "caiyuan" }, elsewhere)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/communities", new { id = "xinhu", name = "新湖社区", streetId = "caiyuan" }, dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/communities/dongqili/retire", null, elsewhere)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/communities/dongqili/retire", null, dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync("/api/communities/dongqili/retire")).ShouldBeProblemAsync(401, "authentication_required");
        var still = await (await _app.GetAsync("/api/communities")).ReadJsonAsync(200);
        Assert.Contains(still.EnumerateArray(), c => c.GetProperty("id").GetString() == "dongqili");
    }

    [Fact]
    public async Task A_retired_community_takes_no_new_orders_but_keeps_its_own()
    {
        var dispatcher = await _app.DispatcherAsync("qingshan");
        var (old, _) = await _app.PlaceAsync(TestApp.NewOrder(community: "qingshan"));

        var retired = await (await _app.PostAsync("/api/communities/qingshan/retire", null, _admin)).ReadJsonAsync(200);
        var at = retired.GetProperty("retiredAt").GetDateTimeOffset();
        var again = await (await _app.PostAsync("/api/communities/qingshan/retire", null, _admin)).ReadJsonAsync(200);
        Assert.Equal(at, again.GetProperty("retiredAt").GetDateTimeOffset());

        await (await _app.PostAsync("/api/orders", TestApp.NewOrder(community: "qingshan"))).ShouldBeProblemAsync(400, "community_retired");
        await (await _app.GetAsync($"/api/orders/{old}", dispatcher)).ReadJsonAsync(200);
        var open = await (await _app.GetAsync("/api/communities")).ReadJsonAsync(200);
        Assert.DoesNotContain(open.EnumerateArray(), c => c.GetProperty("id").GetString() == "qingshan");
        var all = await (await _app.GetAsync("/api/communities?includeRetired=true")).ReadJsonAsync(200);
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("id").GetString() == "qingshan" && c.TryGetProperty("retiredAt", out _));
        // No new dispatcher key for it either.
        await (await _app.PostAsync("/api/keys", new { role = "dispatcher", scope = "qingshan", name = "青山派单员" }, _admin)).ShouldBeProblemAsync(400, "unknown_community");
    }
}
