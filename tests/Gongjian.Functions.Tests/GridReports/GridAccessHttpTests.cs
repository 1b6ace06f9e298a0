using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using static Gongjian.Functions.Tests.Activities.ActivityClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.GridReports;

/// <summary>
/// 网格管理 and check-ins over HTTP on Azurite: the community's staff manage grids and their team (If-Match), a grid
/// worker's key reaches its own grid only and nothing else of the API, a check-in far from the grid is kept and flagged.
/// </summary>
public sealed class GridAccessHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_community_staff_manage_grids_and_their_team()
    {
        var dispatcher = await _app.DispatcherAsync();
        await (await PostAsync(_app, "/api/grids", NewGrid(), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await PostAsync(_app, "/api/grids", NewGrid(community: "sanlian"), dispatcher)).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, "/api/grids", NewGrid(slug: "Bad Slug"), dispatcher)).ShouldBeProblemAsync(400, "invalid_id");
        await (await PostAsync(_app, "/api/grids", NewGrid(leaderPhone: "12"), dispatcher)).ShouldBeProblemAsync(400, "invalid_phone");
        var created = await (await PostAsync(_app, "/api/grids", NewGrid(), dispatcher)).ReadJsonAsync(201);
        Assert.Equal(GridId, created.GetProperty("id").GetString());
        Assert.Equal("网格长", created.GetProperty("team")[0].GetProperty("roleText").GetString());
        await (await PostAsync(_app, "/api/grids", NewGrid(), dispatcher)).ShouldBeProblemAsync(409, "grid_exists");

        var list = await (await SendAsync(_app, HttpMethod.Get, "/api/grids", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal("宝盛网格", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());

        var read = await SendAsync(_app, HttpMethod.Get, $"/api/grids/{GridId}", key: dispatcher);
        var etag = read.Headers.ETag!.ToString();
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/grids/{GridId}") { Content = System.Net.Http.Json.JsonContent.Create(
            new { name = "宝盛网格", area = "阳光花园小区", centreLat = CentreLat, centreLon = CentreLon, radiusMetres = 450, team = Array.Empty<object>() }) };
        update.Headers.Authorization = new("Bearer", dispatcher);
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(450, (await (await _app.Http.SendAsync(update)).ReadJsonAsync(200)).GetProperty("radiusMetres").GetInt32());
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/grids/{GridId}") { Content = System.Net.Http.Json.JsonContent.Create(
            new { name = "改名", centreLat = CentreLat, centreLon = CentreLon, radiusMetres = 400, team = Array.Empty<object>() }) };
        stale.Headers.Authorization = new("Bearer", dispatcher);
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await _app.Http.SendAsync(stale)).ShouldBeProblemAsync(412, "grid_changed");
    }

    [Fact]
    public async Task A_grid_workers_key_reaches_its_own_grid_and_nothing_else()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        await (await PostAsync(_app, "/api/grids", NewGrid(slug: "xinyuan"), dispatcher)).ReadJsonAsync(201);
        var other = await _app.KeyAsync(ActorRole.GridWorker, "dongqili.xinyuan", "另一网格员");

        // Only 格事坊: orders, activities, keys are closed to it.
        await (await SendAsync(_app, HttpMethod.Get, "/api/orders", key: worker)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await SendAsync(_app, HttpMethod.Get, "/api/activities?community=dongqili", key: worker)).ShouldBeProblemAsync(403, "role_not_allowed");
        var mine = await (await SendAsync(_app, HttpMethod.Get, "/api/grids", key: worker)).ReadJsonAsync(200);
        Assert.Equal(GridId, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        await (await SendAsync(_app, HttpMethod.Get, "/api/grids?community=sanlian", key: worker)).ShouldBeProblemAsync(403, "outside_scope");

        // Check-ins: its own grid, with a location; far away is kept and flagged.
        await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { lat = 32.0475, lon = 112.1436 }, other)).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { lat = 32.0475, lon = 112.1436 }, dispatcher)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { note = "早班" }, worker)).ShouldBeProblemAsync(400, "location_required");
        await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { lat = 95.0, lon = 112.1436 }, worker)).ShouldBeProblemAsync(400, "location_invalid");
        var near = await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { lat = 32.0475, lon = 112.1436, note = "早班巡查" }, worker)).ReadJsonAsync(201);
        Assert.False(near.GetProperty("far").GetBoolean());
        var far = await (await PostAsync(_app, $"/api/grids/{GridId}/checkins", new { lat = 32.0600, lon = 112.1431 }, worker)).ReadJsonAsync(201);
        Assert.True(far.GetProperty("far").GetBoolean());
        Assert.InRange(far.GetProperty("distanceMetres").GetInt32(), 1400, 1450);

        // The locations are for the community's staff, not for the worker's own listing nor other communities.
        await (await SendAsync(_app, HttpMethod.Get, $"/api/grids/{GridId}/checkins", key: worker)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await SendAsync(_app, HttpMethod.Get, $"/api/grids/{GridId}/checkins", key: await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        var checkIns = await (await SendAsync(_app, HttpMethod.Get, $"/api/grids/{GridId}/checkins", key: dispatcher)).ReadJsonAsync(200);
        Assert.Equal([true, false], checkIns.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("far").GetBoolean()));
    }

    [Fact]
    public async Task An_admin_makes_a_grid_workers_key_only_for_a_grid_that_exists()
    {
        var admin = await _app.KeyAsync(ActorRole.Admin, "", "管理员");
        await (await PostAsync(_app, "/api/keys", new { role = "gridworker", scope = GridId, name = "王建国" }, admin)).ShouldBeProblemAsync(400, "unknown_grid");
        await GridWithWorkerAsync(_app);
        var made = await (await PostAsync(_app, "/api/keys", new { role = "gridworker", scope = GridId, name = "王建国" }, admin)).ReadJsonAsync(201);
        Assert.Equal("gridworker", made.GetProperty("info").GetProperty("role").GetString());
        Assert.Equal("东七里社区·baosheng", made.GetProperty("info").GetProperty("scopeName").GetString());
    }

    [Fact]
    public async Task The_grids_live_worker_keys_are_listed_for_the_communitys_staff_to_choose_whom_a_binding_code_is_for()
    {
        var (dispatcher, worker) = await GridWithWorkerAsync(_app);
        var admin = await _app.KeyAsync(ActorRole.Admin, "", "管理员");
        const string path = $"/api/grids/{GridId}/workers";
        await (await _app.GetAsync(path)).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync(path, worker)).ShouldBeProblemAsync(403, "role_not_allowed"); // a worker does not list its grid's keys
        await (await _app.GetAsync(path, await _app.KeyAsync(ActorRole.Dispatcher, "sanlian", "三联社区工作人员"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/grids/dongqili.nowhere/workers", dispatcher)).ShouldBeProblemAsync(404, "grid_not_found");

        var second = await (await PostAsync(_app, "/api/keys", new { role = "gridworker", scope = GridId, name = "刘桂兰" }, admin)).ReadJsonAsync(201);
        var third = await (await PostAsync(_app, "/api/keys", new { role = "gridworker", scope = GridId, name = "赵磊" }, admin)).ReadJsonAsync(201);
        var thirdId = third.GetProperty("info").GetProperty("keyId").GetString()!;
        await (await PostAsync(_app, $"/api/keys/{thirdId}/revoke", new { }, admin)).ReadJsonAsync(200);

        var response = await _app.GetAsync(path, dispatcher);
        Assert.Contains("\"name\":\"王建国\"", await response.Content.ReadAsStringAsync()); // Chinese as characters, as every answer of the API
        var listed = await response.ReadJsonAsync(200);
        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["王建国", "刘桂兰"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(second.GetProperty("info").GetProperty("keyId").GetString(), items[1].GetProperty("keyId").GetString());
        Assert.DoesNotContain(second.GetProperty("key").GetString()!, listed.GetRawText()); // never the key itself
        Assert.DoesNotContain(worker, listed.GetRawText());

        // The listed id names whom the code is for; the same list answers the organizer of the street.
        var code = await (await PostAsync(_app, $"/api/grids/{GridId}/binding-codes?keyId={items[1].GetProperty("keyId").GetString()}", null, dispatcher)).ReadJsonAsync(201);
        Assert.Equal("刘桂兰", code.GetProperty("workerName").GetString());
        await (await _app.GetAsync(path, await _app.OrganizerAsync())).ReadJsonAsync(200);
    }
}
