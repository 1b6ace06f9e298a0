using System.Net;
using System.Text;
using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Projects;

/// <summary>The projects API (项目清单) over HTTP on real Azurite: the cycle, refusals, roles and scopes, racing claims.</summary>
public sealed class ProjectApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static readonly string[] Units = ["taian-rescue-station", "baosheng-property", "caiyuan-health-centre", "daizong-law-firm", "caiyuan-volunteers"];

    private static object NewProject(int unitsWanted = 2, string title = "健康服务在身边", string category = "医疗健康", object? milestones = null) => new
    {
        title, category, goal = "组织辖区医疗单位为老年人开展义诊和健康讲座。", needIds = Array.Empty<string>(),
        startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(120), unitsWanted,
        milestones = milestones ?? new[] { new { title = "首场义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) } },
    };

    private static object NewClaim() => new { commitment = "每月派两名医生到社区义诊。", provideBy = DateTimeOffset.UtcNow.AddDays(20) };

    private async Task<string> PublishedAsync(string organizer, int unitsWanted = 2)
    {
        var created = await (await _app.PostAsync("/api/projects", NewProject(unitsWanted), organizer)).ReadJsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, organizer)).ReadJsonAsync(200);
        return id;
    }

    [Fact]
    public async Task Street_publishes_units_claim_staff_approve_the_unit_reports_and_the_street_closes()
    {
        var organizer = await _app.OrganizerAsync();
        var (health, law) = (await _app.LiaisonAsync("caiyuan-health-centre"), await _app.LiaisonAsync("daizong-law-firm"));
        var created = await (await _app.PostAsync("/api/projects", NewProject(), organizer)).ReadJsonAsync(201);
        Assert.Equal(("draft", "caiyuan", "m1"), (created.GetProperty("status").GetString(), created.GetProperty("streetId").GetString(),
            created.GetProperty("milestones")[0].GetProperty("id").GetString()));
        var id = created.GetProperty("id").GetString()!;
        // A draft is the street's own: a unit neither sees nor claims it.
        await (await _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), health)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, organizer)).ReadJsonAsync(200);

        var claimed = await (await _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), health)).ReadJsonAsync(200);
        var claim = Assert.Single(claimed.GetProperty("claims").EnumerateArray());
        Assert.Equal(("caiyuan-health-centre", "财源街道社区卫生服务中心", "pending"), (claim.GetProperty("unitId").GetString(), claim.GetProperty("unitName").GetString(), claim.GetProperty("status").GetString()));
        await (await _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), health)).ShouldBeProblemAsync(409, "claim_exists");
        var lawClaimed = await (await _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), law)).ReadJsonAsync(200);
        Assert.Equal("full", lawClaimed.GetProperty("status").GetString());
        // A liaison sees its own claim, not another unit's pending one.
        Assert.Single(lawClaimed.GetProperty("claims").EnumerateArray());

        var claimId = claim.GetProperty("claimId").GetString()!;
        var lawClaimId = (await (await _app.GetAsync($"/api/projects/{id}", organizer)).ReadJsonAsync(200)).GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("unitId").GetString() == "daizong-law-firm").GetProperty("claimId").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/claims/{claimId}/approve", null, health)).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.PostAsync($"/api/projects/{id}/claims/{claimId}/approve", null, organizer)).ReadJsonAsync(200);
        var declined = await (await _app.PostAsync($"/api/projects/{id}/claims/{lawClaimId}/decline", new { text = "服务内容与项目不符" }, organizer)).ReadJsonAsync(200);
        Assert.Equal("published", declined.GetProperty("status").GetString());

        await (await _app.PostAsync($"/api/projects/{id}/milestones/m1/reports", new { text = "已完成。" }, health)).ShouldBeProblemAsync(409, "project_published");
        await (await _app.PostAsync($"/api/projects/{id}/start", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/milestones/m1/reports", new { text = "已完成。" }, law)).ShouldBeProblemAsync(403, "not_claimer");
        await (await _app.PostAsync($"/api/projects/{id}/milestones/m9/reports", new { text = "已完成。" }, health)).ShouldBeProblemAsync(400, "milestone_not_found");
        var reported = await (await _app.PostAsync($"/api/projects/{id}/milestones/m1/reports", new { text = "首场义诊服务 40 人次。" }, health)).ReadJsonAsync(200);
        Assert.Equal("首场义诊服务 40 人次。", reported.GetProperty("milestones")[0].GetProperty("reports")[0].GetProperty("text").GetString());
        var closed = await (await _app.PostAsync($"/api/projects/{id}/close", new { text = "圆满完成。" }, organizer)).ReadJsonAsync(200);
        Assert.Equal(("closed", "圆满完成。"), (closed.GetProperty("status").GetString(), closed.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Units_racing_for_the_last_place_one_wins_the_others_get_409_project_full()
    {
        var organizer = await _app.OrganizerAsync();
        var liaisons = await Task.WhenAll(Units.Select(u => _app.LiaisonAsync(u)));
        for (var round = 0; round < 3; round++)
        {
            var id = await PublishedAsync(organizer, unitsWanted: 1);
            var responses = await Task.WhenAll(liaisons.Select(l => _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), l)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK)) await refused.ShouldBeProblemAsync(409, "project_full");
            var project = await (await _app.GetAsync($"/api/projects/{id}", organizer)).ReadJsonAsync(200);
            Assert.Equal(("full", 1), (project.GetProperty("status").GetString(), project.GetProperty("claims").GetArrayLength()));
        }
    }

    [Fact]
    public async Task Staff_act_only_in_their_own_street_or_community()
    {
        var organizer = await _app.OrganizerAsync();
        var otherStreet = await _app.OrganizerAsync("xinhua");
        var dongqili = await _app.DispatcherAsync("dongqili");
        var sanlian = await _app.DispatcherAsync("sanlian");
        var liaison = await _app.LiaisonAsync("caiyuan-volunteers");

        await (await _app.PostAsync("/api/projects", NewProject(), liaison)).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.PostAsync("/api/projects", new { }, null)).ShouldBeProblemAsync(401, "authentication_required");
        // The street's project: a dispatcher of the street sees it once published but does not manage it.
        var streetProject = await PublishedAsync(organizer);
        await (await _app.PostAsync($"/api/projects/{streetProject}/cancel", new { text = "调整" }, otherStreet)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/projects/{streetProject}/cancel", new { text = "调整" }, dongqili)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/projects/{streetProject}", dongqili)).ReadJsonAsync(200);
        await (await _app.GetAsync($"/api/projects/{streetProject}", otherStreet)).ShouldBeProblemAsync(403, "outside_scope");

        // A community's project: its dispatcher manages it, the other community's does not; the street's organizer does.
        var created = await (await _app.PostAsync("/api/projects", NewProject(title: "与爱童行", category: "文化教育"), dongqili)).ReadJsonAsync(201);
        Assert.Equal(("dongqili", "caiyuan"), (created.GetProperty("communityId").GetString(), created.GetProperty("streetId").GetString()));
        var id = created.GetProperty("id").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, dongqili)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/cancel", new { text = "计划调整" }, organizer)).ReadJsonAsync(200);

        // Lists: one's own partitions only.
        await (await _app.GetAsync("/api/projects?streetId=caiyuan", otherStreet)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/projects?communityId=dongqili", sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/projects?unitId=baosheng-property", liaison)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/projects?streetId=caiyuan&unitId=x", organizer)).ShouldBeProblemAsync(400, "one_scope");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_stable_code_and_a_chinese_title()
    {
        var organizer = await _app.OrganizerAsync();
        await (await _app.PostAsync("/api/projects", NewProject(unitsWanted: 0), organizer)).ShouldBeProblemAsync(400, "units_wanted_invalid");
        await (await _app.PostAsync("/api/projects", NewProject(category: "美食"), organizer)).ShouldBeProblemAsync(400, "category_invalid");
        await (await _app.PostAsync("/api/projects", NewProject(title: new string('长', 61)), organizer)).ShouldBeProblemAsync(400, "title_invalid");
        await (await _app.PostAsync("/api/projects", NewProject(milestones: new[] { new { title = "太晚", dueAt = DateTimeOffset.UtcNow.AddYears(2) } }), organizer))
            .ShouldBeProblemAsync(400, "milestone_due_invalid");
        await (await _app.PostAsync("/api/projects", new { title = "缺字段" }, organizer)).ShouldBeProblemAsync(400, "missing_field");
        var bare = await (await _app.PostAsync("/api/projects", new { title = "与爱童行", category = "文化教育", goal = "关爱困境儿童。", startsOn = DateTimeOffset.UtcNow,
            endsOn = DateTimeOffset.UtcNow.AddDays(30), unitsWanted = 1 }, organizer)).ReadJsonAsync(201);
        Assert.Equal(0, bare.GetProperty("milestones").GetArrayLength());
        var raw = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        raw.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", organizer);
        await (await _app.Http.SendAsync(raw)).ShouldBeProblemAsync(400, "invalid_json");

        var id = await PublishedAsync(organizer);
        var liaison = await _app.LiaisonAsync("caiyuan-health-centre");
        await (await _app.PostAsync($"/api/projects/{id}/claims", new { commitment = new string('诺', 501), provideBy = DateTimeOffset.UtcNow.AddDays(1) }, liaison))
            .ShouldBeProblemAsync(400, "commitment_invalid");
        await (await _app.PostAsync($"/api/projects/{id}/claims", new { commitment = "义诊", provideBy = DateTimeOffset.UtcNow.AddYears(1) }, liaison))
            .ShouldBeProblemAsync(400, "provide_by_invalid");
        await (await _app.PostAsync($"/api/projects/{id}/claims", new { commitment = "义诊", provideBy = DateTimeOffset.UtcNow.AddDays(1), extra = 1 }, liaison))
            .ShouldBeProblemAsync(400, "unknown_field");
        await (await _app.PostAsync($"/api/projects/{id}/claims/nope/approve", null, organizer)).ShouldBeProblemAsync(400, "claim_not_found");
        await (await _app.GetAsync("/api/projects/pj000000000000", organizer)).ShouldBeProblemAsync(404, "project_not_found");
        await (await _app.GetAsync("/api/projects/..%2Fx", organizer)).ShouldBeProblemAsync(404, "project_not_found");
        await (await _app.PostAsync($"/api/projects/{id}/start", null, organizer)).ShouldBeProblemAsync(409, "no_approved_claim");
    }

    [Fact]
    public async Task Lists_hold_the_street_community_and_unit_rows_without_drafts_for_units()
    {
        var organizer = await _app.OrganizerAsync();
        var liaison = await _app.LiaisonAsync("caiyuan-health-centre");
        var published = await PublishedAsync(organizer);
        var draft = (await (await _app.PostAsync("/api/projects", NewProject(title: "乐享文化·共创文明", category: "文化教育"), organizer)).ReadJsonAsync(201)).GetProperty("id").GetString();
        await (await _app.PostAsync($"/api/projects/{published}/claims", NewClaim(), liaison)).ReadJsonAsync(200);

        var street = await WaitForListAsync("/api/projects?streetId=caiyuan", organizer, items => items.Count == 2);
        Assert.Equal([draft, published], street.Select(i => i.GetProperty("id").GetString()));
        var forUnit = await WaitForListAsync("/api/projects?streetId=caiyuan", liaison, items => items.Count == 1);
        Assert.Equal(published, forUnit[0].GetProperty("id").GetString());
        var own = await WaitForListAsync("/api/projects", liaison, items => items.Count == 1);
        Assert.Equal((published, 1), (own[0].GetProperty("id").GetString(), own[0].GetProperty("placesTaken").GetInt32()));
    }

    [Fact]
    public async Task Milestone_photos_go_through_the_photo_pipeline_and_bad_ones_store_nothing()
    {
        var organizer = await _app.OrganizerAsync();
        var health = await _app.LiaisonAsync("caiyuan-health-centre");
        var stranger = await _app.LiaisonAsync("baosheng-property");
        var id = await PublishedAsync(organizer);
        var claim = await (await _app.PostAsync($"/api/projects/{id}/claims", NewClaim(), health)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/claims/{claim.GetProperty("claims")[0].GetProperty("claimId").GetString()}/approve", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/start", null, organizer)).ReadJsonAsync(200);
        var path = $"/api/projects/{id}/milestones/m1/reports";

        await (await _app.PostAsync(path, new { text = "义诊", photos = new[] { Convert.ToBase64String(Encoding.UTF8.GetBytes("这不是照片")) } }, health))
            .ShouldBeProblemAsync(400, "photo_not_an_image");
        await (await _app.PostAsync(path, new { text = "义诊", photos = new[] { Convert.ToBase64String(new byte[10 * 1024 * 1024 + 1]) } }, health))
            .ShouldBeProblemAsync(413, "photo_too_large");
        await (await _app.PostAsync(path, new { text = "义诊", photos = Enumerable.Repeat(TestImages.PngBase64(), 7).ToArray() }, health))
            .ShouldBeProblemAsync(400, "too_many_photos");
        await (await _app.PostAsync(path, new { text = new string('长', 1001) }, health)).ShouldBeProblemAsync(400, "report_invalid");
        // A unit that did not claim: refused before any photo is stored.
        await (await _app.PostAsync(path, new { text = "义诊", photos = new[] { TestImages.PngBase64() } }, stranger)).ShouldBeProblemAsync(403, "not_claimer");
        var stored = new List<string>();
        await foreach (var blob in _app.Storage.Photos.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", CancellationToken.None)) stored.Add(blob.Name);
        Assert.Empty(stored);

        var reported = await (await _app.PostAsync(path, new { text = "首场义诊服务 40 人次。", photos = new[] { TestImages.PngBase64(text: "GPS 36.19N 117.12E 张三") } }, health)).ReadJsonAsync(200);
        var photoId = Assert.Single(reported.GetProperty("milestones")[0].GetProperty("reports")[0].GetProperty("photoIds").EnumerateArray()).GetString()!;
        var bytes = (await _app.Storage.Photos.GetBlobClient($"{id}/{photoId}").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(TestImages.Png()[..8], bytes[..8]);
        Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> WaitForListAsync(string path, string key, Func<List<JsonElement>, bool> ready)
    {
        for (var i = 0; ; i++)
        {
            var items = (await (await _app.GetAsync(path, key)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray().ToList();
            if (ready(items) || i == 100) return items;
            await Task.Delay(100);
        }
    }
}
