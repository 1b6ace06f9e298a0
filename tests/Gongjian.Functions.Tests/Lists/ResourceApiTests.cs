using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Lists;

/// <summary>资源清单 over HTTP on real Azurite: a liaison keeps its own entries; If-Match; staff read their street's.</summary>
public sealed class ResourceApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static object Venue(int? capacity = 30, string title = "宝盛网格驿站活动室") => new
    {
        kind = "venue", category = "culture", title, description = "可开展读书分享和文艺排练。", communityIds = new[] { "dongqili" },
        availability = "提前一天预约", capacity, openingHours = "每天 9:00–20:00",
    };

    private Task<HttpResponseMessage> SendWithIfMatch(HttpMethod method, string path, object body, string key, string? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return _app.Http.SendAsync(request);
    }

    [Fact]
    public async Task Liaison_keeps_its_own_entry_and_a_stale_edit_is_412()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var created = await _app.PostAsync("/api/resources", Venue(), liaison);
        var body = await created.ReadJsonAsync(201);
        var (id, etag) = (body.GetProperty("id").GetString()!, created.Headers.ETag!.Tag);
        Assert.Equal(("宝盛网格驿站活动室", "泰山宝盛置业有限公司", 30, false), (body.GetProperty("title").GetString(), body.GetProperty("unitName").GetString(),
            body.GetProperty("capacity").GetInt32(), body.GetProperty("wholeStreet").GetBoolean()));

        var edited = await SendWithIfMatch(HttpMethod.Put, $"/api/resources/{id}", Venue(capacity: 50), liaison, etag);
        Assert.Equal(50, (await edited.ReadJsonAsync(200)).GetProperty("capacity").GetInt32());
        Assert.NotEqual(etag, edited.Headers.ETag!.Tag);
        await (await SendWithIfMatch(HttpMethod.Put, $"/api/resources/{id}", Venue(capacity: 60), liaison, etag)).ShouldBeProblemAsync(412, "resource_changed");
        await (await SendWithIfMatch(HttpMethod.Post, $"/api/resources/{id}/retire", new { text = "装修" }, liaison, etag)).ShouldBeProblemAsync(412, "resource_changed");

        var other = await _app.LiaisonAsync("daizong-law-firm");
        await (await SendWithIfMatch(HttpMethod.Put, $"/api/resources/{id}", Venue(), other, null)).ShouldBeProblemAsync(403, "outside_scope");
        var dispatcher = await _app.DispatcherAsync();
        await (await _app.GetAsync($"/api/resources/{id}", dispatcher)).ReadJsonAsync(200);
        await (await SendWithIfMatch(HttpMethod.Put, $"/api/resources/{id}", Venue(), dispatcher, null)).ShouldBeProblemAsync(403, "role_forbidden");

        var retired = await (await SendWithIfMatch(HttpMethod.Post, $"/api/resources/{id}/retire", new { text = "活动室装修，暂停开放。" }, liaison, edited.Headers.ETag!.Tag)).ReadJsonAsync(200);
        Assert.Equal("retired", retired.GetProperty("status").GetString());
        await (await SendWithIfMatch(HttpMethod.Put, $"/api/resources/{id}", Venue(), liaison, null)).ShouldBeProblemAsync(409, "resource_retired");

        var own = await (await _app.GetAsync("/api/resources", liaison)).ReadJsonAsync(200);
        Assert.Equal(("retired", 50), (Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("status").GetString(),
            own.GetProperty("items")[0].GetProperty("capacity").GetInt32()));
        Assert.Empty((await (await _app.GetAsync("/api/resources?status=active", liaison)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_wrong_roles_and_scopes_are_refused()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        await (await _app.PostAsync("/api/resources", Venue(capacity: null), liaison)).ShouldBeProblemAsync(400, "capacity_invalid");
        await (await _app.PostAsync("/api/resources", Venue(title: new string('场', 41)), liaison)).ShouldBeProblemAsync(400, "title_invalid");
        await (await _app.PostAsync("/api/resources", new { kind = "land", category = "culture", title = "地", availability = "随时" }, liaison)).ShouldBeProblemAsync(400, "kind_invalid");
        await (await _app.PostAsync("/api/resources", new { kind = "service", category = "culture", title = "讲座", availability = "随时", communityIds = new[] { "xianying-1" } }, liaison))
            .ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/resources", Venue(), await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.GetAsync("/api/resources?streetId=caiyuan", liaison)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/resources/rs000000000000", liaison)).ShouldBeProblemAsync(404, "resource_not_found");
        Assert.Empty((await (await _app.GetAsync("/api/resources", liaison)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Staff_see_the_streets_entries_and_an_organizer_lists_for_a_unit()
    {
        var organizer = await _app.OrganizerAsync();
        await (await _app.PostAsync("/api/resources", new { kind = "volunteers", category = "elderly", title = "学雷锋志愿服务队", availability = "每周二、周五", count = 30 }, organizer))
            .ShouldBeProblemAsync(400, "unit_required");
        var byOrganizer = await (await _app.PostAsync("/api/resources",
            new { kind = "volunteers", category = "elderly", title = "学雷锋志愿服务队", availability = "每周二、周五", count = 30, unitId = "caiyuan-volunteers" }, organizer)).ReadJsonAsync(201);
        Assert.Equal(("caiyuan-volunteers", true), (byOrganizer.GetProperty("unitId").GetString(), byOrganizer.GetProperty("wholeStreet").GetBoolean()));
        await (await _app.PostAsync("/api/resources", Venue(), await _app.LiaisonAsync())).ReadJsonAsync(201);

        var dispatcher = await _app.DispatcherAsync();
        var street = await (await _app.GetAsync("/api/resources", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(2, street.GetProperty("items").GetArrayLength());
        var dongqili = await (await _app.GetAsync("/api/resources?communityId=dongqili", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("venue", Assert.Single(dongqili.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        var volunteers = await (await _app.GetAsync("/api/resources?kind=volunteers", organizer)).ReadJsonAsync(200);
        Assert.Equal(30, Assert.Single(volunteers.GetProperty("items").EnumerateArray()).GetProperty("count").GetInt32());
    }
}
