using Azure.Data.Tables;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// Who may announce and run an activity, what others see of its participants (masked), what the public list shows
/// (counts, never a name or phone), and bad input: a precise 4xx with a stable code and a Chinese title.
/// </summary>
public sealed class ActivityAccessHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Wrong_roles_and_scopes_are_refused()
    {
        var dispatcher = await _app.DispatcherAsync();
        await (await PostAsync(_app, "/api/activities", NewActivity())).ShouldBeProblemAsync(401, "authentication_required");
        await (await PostAsync(_app, "/api/activities", NewActivity(), await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, "/api/activities", NewActivity(), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await PostAsync(_app, "/api/activities", NewActivity(organiserKind: "unit", unitId: "caiyuan-volunteers"), await _app.LiaisonAsync()))
            .ShouldBeProblemAsync(403, "not_your_unit");

        var id = await AnnounceAsync(_app, dispatcher);
        await (await PostAsync(_app, $"/api/activities/{id}/cancel", new { reason = "下雨" }, await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "not_organiser");
        await (await PostAsync(_app, $"/api/activities/{id}/cancel", new { reason = "下雨" }, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "not_organiser");
        await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { code = "ABCDEF" }, await _app.OrganizerAsync("elsewhere"))).ShouldBeProblemAsync(403, "not_organiser");
        await (await PostAsync(_app, $"/api/activities/{id}/cancel", new { reason = "下雨" })).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync("/api/activities?community=sanlian", dispatcher)).ShouldBeProblemAsync(403, "outside_scope");

        // A unit's liaison runs the unit's own activity, and the community's staff see it too.
        var liaison = await _app.LiaisonAsync();
        var unitActivity = await AnnounceAsync(_app, liaison, NewActivity(organiserKind: "unit"));
        await (await _app.GetAsync("/api/activities", liaison)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/activities/{unitActivity}/cancel", new { reason = "场地维修" }, liaison)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/activities/{unitActivity}/cancel", new { reason = "场地维修" }, liaison)).ShouldBeProblemAsync(409, "activity_cancelled");
        await (await RegisterAsync(_app, unitActivity, 0)).ShouldBeProblemAsync(409, "activity_cancelled");
    }

    [Fact]
    public async Task The_organiser_revises_the_place_before_the_start_and_the_lists_and_timeline_follow()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher);
        await RegisteredAsync(_app, id, 0);
        object Revised(string place, string category = "volunteer") =>
            new { title = "学雷锋志愿服务日", category, description = "清理小区公共区域。", place };
        await (await PostAsync(_app, $"/api/activities/{id}/revise", Revised("宝盛里小区广场"), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "not_organiser");
        await (await PostAsync(_app, $"/api/activities/{id}/revise", Revised("宝盛里小区广场"))).ShouldBeProblemAsync(401, "authentication_required");
        await (await PostAsync(_app, $"/api/activities/{id}/revise", Revised(""), dispatcher)).ShouldBeProblemAsync(400, "place_required");
        await (await PostAsync(_app, $"/api/activities/{id}/revise", Revised("东七里社区党群服务中心"), dispatcher)).ShouldBeProblemAsync(409, "nothing_changed");
        await (await PostAsync(_app, $"/api/activities/{id}/revise", new { title = "学雷锋志愿服务日" }, dispatcher)).ShouldBeProblemAsync(400, "missing_field");

        var view = await (await PostAsync(_app, $"/api/activities/{id}/revise", Revised("宝盛里小区广场", "environment"), dispatcher, idempotencyKey: "revise-1")).ReadJsonAsync(200);
        Assert.Equal(("宝盛里小区广场", "environment", 1), (view.GetProperty("place").GetString(), view.GetProperty("category").GetString(), view.GetProperty("registeredCount").GetInt32()));
        var again = await PostAsync(_app, $"/api/activities/{id}/revise", Revised("宝盛里小区广场", "environment"), dispatcher, idempotencyKey: "revise-1");
        await again.ReadJsonAsync(200);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        var listed = await (await _app.GetAsync("/api/activities?community=dongqili", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("宝盛里小区广场", listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("place").GetString());
        var timeline = (await (await _app.GetAsync($"/api/activities/{id}/timeline", dispatcher)).ReadJsonAsync(200)).GetProperty("entries").EnumerateArray().Last();
        Assert.Equal(("revised", "修改了活动类别、地点", "地点改为：宝盛里小区广场"),
            (timeline.GetProperty("type").GetString(), timeline.GetProperty("description").GetString(), timeline.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Participants_are_shown_to_the_organiser_only_and_lists_carry_no_names()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher);
        await RegisteredAsync(_app, id, 0);

        var organiser = await (await _app.GetAsync($"/api/activities/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.True(organiser.GetProperty("contactVisible").GetBoolean());
        Assert.Equal(Residents[0].Phone, organiser.GetProperty("participants")[0].GetProperty("phone").GetString());

        // A liaison (not the organiser) sees the list masked.
        var other = await (await _app.GetAsync($"/api/activities/{id}", await _app.LiaisonAsync())).ReadJsonAsync(200);
        Assert.False(other.GetProperty("contactVisible").GetBoolean());
        var masked = other.GetRawText();
        Assert.DoesNotContain(Residents[0].Name, masked);
        Assert.DoesNotContain(Residents[0].Phone, masked);

        var publicList = await (await _app.GetAsync("/api/activities/public?community=dongqili")).ReadJsonAsync(200);
        var item = Assert.Single(publicList.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(1, item.GetProperty("registeredCount").GetInt32());
        var staffList = await (await _app.GetAsync("/api/activities", dispatcher)).ReadJsonAsync(200);
        Assert.Single(staffList.GetProperty("items").EnumerateArray());
        foreach (var text in new[] { publicList.GetRawText(), staffList.GetRawText() })
        {
            Assert.DoesNotContain(Residents[0].Name, text);
            Assert.DoesNotContain(Residents[0].Phone, text);
            Assert.DoesNotContain("张", text);
        }
        await foreach (var row in _app.Storage.Table(TableNames.ActivityIndex).QueryAsync<TableEntity>())
            Assert.DoesNotContain(row.Select(kv => kv.Value), v => v is string s && (s.Contains(Residents[0].Phone) || s.Contains(Residents[0].Name)));
        Assert.Empty((await (await _app.GetAsync("/api/activities/public?community=sanlian")).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_is_a_precise_problem()
    {
        var dispatcher = await _app.DispatcherAsync();
        Assert.Equal(400, (int)(await PostAsync(_app, "/api/activities", "{\"communityId\":", dispatcher)).StatusCode);
        Assert.Equal(400, (int)(await PostAsync(_app, "/api/activities", "{\"communityId\":\"dongqili\",\"extra\":1}", dispatcher)).StatusCode);
        await (await PostAsync(_app, "/api/activities", NewActivity(community: "nowhere"), dispatcher)).ShouldBeProblemAsync(400, "unknown_community");
        await (await PostAsync(_app, "/api/activities", NewActivity(organiserKind: "club"), dispatcher)).ShouldBeProblemAsync(400, "invalid_organiser_kind");
        await (await PostAsync(_app, "/api/activities", NewActivity(capacity: 0), dispatcher)).ShouldBeProblemAsync(400, "invalid_capacity");
        await (await PostAsync(_app, "/api/activities", NewActivity(deadlineIn: TimeSpan.FromDays(3)), dispatcher)).ShouldBeProblemAsync(400, "invalid_deadline");

        var id = await AnnounceAsync(_app, dispatcher);
        var register = $"/api/activities/{id}/registrations";
        Assert.Equal(400, (int)(await PostAsync(_app, register, "{not json")).StatusCode);
        Assert.Equal(400, (int)(await PostAsync(_app, register, "{\"name\":\"张秀英\"}")).StatusCode);
        await (await PostAsync(_app, register, new { name = "张秀英", phone = "123", kind = "residents" })).ShouldBeProblemAsync(400, "invalid_phone");
        await (await PostAsync(_app, register, new { name = "张秀英", phone = Residents[0].Phone, kind = "robots" })).ShouldBeProblemAsync(400, "invalid_kind");
        await (await PostAsync(_app, register, new { name = "", phone = Residents[0].Phone, kind = "residents" })).ShouldBeProblemAsync(400, "invalid_name");
        await (await PostAsync(_app, register, new { name = "张秀英", phone = Residents[0].Phone, kind = "units" })).ShouldBeProblemAsync(403, "audience_not_allowed");
        await (await PostAsync(_app, "/api/activities/HD260101-ABCDEF/registrations", new { name = "张秀英", phone = Residents[0].Phone, kind = "residents" }))
            .ShouldBeProblemAsync(404, "activity_not_found");
        await (await PostAsync(_app, "/api/activities/nonsense/registrations", new { name = "张秀英", phone = Residents[0].Phone, kind = "residents" }))
            .ShouldBeProblemAsync(404, "activity_not_found");
        await (await _app.GetAsync("/api/activities/HD260101-ABCDEF", dispatcher)).ShouldBeProblemAsync(404, "activity_not_found");
        await (await _app.GetAsync("/api/activities/public?community=nowhere")).ShouldBeProblemAsync(400, "unknown_community");
        await (await PostAsync(_app, $"/api/activities/{id}/cancel", new { reason = " " }, dispatcher)).ShouldBeProblemAsync(400, "reason_required");
        Assert.Equal(400, (int)(await PostAsync(_app, $"/api/activities/{id}/attendance", "{\"lines\":[{\"personKey\":1}]}", dispatcher)).StatusCode);
    }

    [Fact]
    public async Task Announcing_twice_under_one_key_makes_one_activity()
    {
        var dispatcher = await _app.DispatcherAsync();
        var activity = NewActivity();
        var first = await (await PostAsync(_app, "/api/activities", activity, dispatcher, idempotencyKey: "announce-1")).ReadJsonAsync(201);
        var again = await PostAsync(_app, "/api/activities", activity, dispatcher, idempotencyKey: "announce-1");
        Assert.Equal(first.GetProperty("id").GetString(), (await again.ReadJsonAsync(201)).GetProperty("id").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single((await (await _app.GetAsync("/api/activities", dispatcher)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }
}
