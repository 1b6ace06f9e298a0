using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.People;

/// <summary>双报到 over HTTP on real Azurite: units report and staff accept and mark met; people register, join, log hours; bad input; privacy.</summary>
public sealed class PeopleApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static readonly string Today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    private static object Person(string phone, string community = "dongqili", string name = "李志强") => new
    {
        communityId = community, kind = "partyMember", name, phone, workUnit = "泰山区税务局",
    };

    private async Task<(string Id, string Code)> RegisterAsync(string phone, string community = "dongqili", string name = "李志强")
    {
        var body = await (await _app.PostAsync("/api/people", Person(phone, community, name))).ReadJsonAsync(201);
        return (body.GetProperty("id").GetString()!, body.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task A_unit_reports_staff_accept_and_mark_a_commitment_met_once()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var report = await (await _app.PostAsync("/api/unitreports", new { communityId = "dongqili", posts = new[] { "政策宣讲岗", "环境整治岗" }, serviceItemsPerYear = 12 }, liaison))
            .ReadJsonAsync(201);
        var id = report.GetProperty("id").GetString()!;
        Assert.Equal(("reported", 3), (report.GetProperty("status").GetString(), report.GetProperty("commitmentsMade").GetInt32()));
        await (await _app.PostAsync("/api/unitreports", new { communityId = "dongqili", posts = new[] { "政策宣讲岗" } }, liaison)).ShouldBeProblemAsync(409, "unit_already_reported");

        await (await _app.PostAsync($"/api/unitreports/{id}/accept", null, liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/unitreports/{id}/accept", null, await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        var dispatcher = await _app.DispatcherAsync();
        await (await _app.PostAsync($"/api/unitreports/{id}/commitments/post-1/met", new { evidence = "宣讲一次" }, dispatcher)).ShouldBeProblemAsync(409, "report_reported");
        await (await _app.PostAsync($"/api/unitreports/{id}/accept", null, dispatcher)).ReadJsonAsync(200);
        var met = await (await _app.PostAsync($"/api/unitreports/{id}/commitments/post-1/met", new { evidence = "3月5日宣讲一次。" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(1, met.GetProperty("commitmentsMet").GetInt32());
        await (await _app.PostAsync($"/api/unitreports/{id}/commitments/post-1/met", new { evidence = "又一次" }, dispatcher)).ShouldBeProblemAsync(409, "commitment_already_met");
        await (await _app.PostAsync($"/api/unitreports/{id}/commitments/post-9/met", new { evidence = "无" }, dispatcher)).ShouldBeProblemAsync(400, "commitment_not_found");

        var list = await (await _app.GetAsync("/api/unitreports", dispatcher)).ReadJsonAsync(200);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((id, 3, 1), (row.GetProperty("id").GetString(), row.GetProperty("commitmentsMade").GetInt32(), row.GetProperty("commitmentsMet").GetInt32()));
        Assert.Single((await (await _app.GetAsync("/api/unitreports", liaison)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_unit_reports_are_refused()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        await (await _app.PostAsync("/api/unitreports", new { communityId = "dongqili" }, liaison)).ShouldBeProblemAsync(400, "commitment_required");
        await (await _app.PostAsync("/api/unitreports", new { communityId = "nowhere", posts = new[] { "岗" } }, liaison)).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/unitreports", new { communityId = "dongqili", resourceIds = new[] { "rs000000000000" } }, liaison)).ShouldBeProblemAsync(400, "unknown_resource");
        await (await _app.PostAsync("/api/unitreports", new { communityId = "dongqili", posts = new[] { "岗" } }, await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.GetAsync("/api/unitreports/nothing-here-2026", liaison)).ShouldBeProblemAsync(404, "report_not_found");
    }

    [Fact]
    public async Task A_person_registers_is_confirmed_joins_a_team_and_staff_log_hours()
    {
        var (id, code) = await RegisterAsync("13905381234");
        await (await _app.PostAsync("/api/people", Person("13905381234"))).ShouldBeProblemAsync(409, "person_already_registered");
        await (await _app.PostAsync($"/api/people/{id}/teams", new { teamId = "xueleifeng" }, trackingCode: code)).ShouldBeProblemAsync(409, "person_registered");

        var dispatcher = await _app.DispatcherAsync();
        await (await _app.PostAsync($"/api/people/{id}/confirm", null, trackingCode: code)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/people/{id}/confirm", null, dispatcher)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/people/{id}/teams", new { teamId = "xueleifeng" }, trackingCode: code)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/people/{id}/teams", new { teamId = "nope" }, trackingCode: code)).ShouldBeProblemAsync(400, "unknown_team");

        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = Today, hours = 2.5, what = "清理楼道杂物" }, trackingCode: code)).ShouldBeProblemAsync(401, "authentication_required");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/people/{id}/hours") { Content = System.Net.Http.Json.JsonContent.Create(new { date = Today, hours = 2.5, what = "清理楼道杂物" }) };
        request.Headers.Authorization = new("Bearer", dispatcher);
        request.Headers.Add("Idempotency-Key", "\"log-1\"");
        var logged = await (await _app.Http.SendAsync(request)).ReadJsonAsync(200);
        Assert.Equal(2.5, logged.GetProperty("hours").GetDouble());
        var replay = new HttpRequestMessage(HttpMethod.Post, $"/api/people/{id}/hours") { Content = System.Net.Http.Json.JsonContent.Create(new { date = Today, hours = 2.5, what = "清理楼道杂物" }) };
        replay.Headers.Authorization = new("Bearer", dispatcher);
        replay.Headers.Add("Idempotency-Key", "\"log-1\"");
        await (await _app.Http.SendAsync(replay)).ShouldBeProblemAsync(409, "hours_already_logged");

        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = Today, hours = 0, what = "无" }, dispatcher)).ShouldBeProblemAsync(400, "hours_not_positive");
        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = Today, hours = 22, what = "通宵" }, dispatcher)).ShouldBeProblemAsync(400, "hours_over_day");
        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = "2099-01-01", hours = 1, what = "将来" }, dispatcher)).ShouldBeProblemAsync(400, "hours_in_future");
        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = "3月5日", hours = 1, what = "格式" }, dispatcher)).ShouldBeProblemAsync(400, "invalid_date");
        await (await _app.PostAsync($"/api/people/{id}/hours", new { date = Today, hours = 1, what = "外社区" }, await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");

        var mine = await (await _app.GetAsync($"/api/people/{id}", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal(("李志强", "13905381234", 2.5, 25), (mine.GetProperty("name").GetString(), mine.GetProperty("phone").GetString(),
            mine.GetProperty("hours").GetDouble(), mine.GetProperty("points").GetInt32()));
        Assert.Equal("xueleifeng", Assert.Single(mine.GetProperty("teams").EnumerateArray()).GetProperty("id").GetString());
        await (await _app.GetAsync($"/api/people/{id}", trackingCode: "AAAA-BBBB")).ShouldBeProblemAsync(403, "invalid_tracking_code");
        await (await _app.GetAsync($"/api/people/{id}")).ShouldBeProblemAsync(401, "code_required");

        var teams = await (await _app.GetAsync("/api/communities/dongqili/teams")).ReadJsonAsync(200);
        Assert.Equal(1, teams.GetProperty("teams").EnumerateArray().First(t => t.GetProperty("id").GetString() == "xueleifeng").GetProperty("members").GetInt32());

        // The hours are a record for evaluation: by person key (no name) in the street's records.
        var organizer = await _app.OrganizerAsync();
        JsonElement records = default;
        for (var i = 0; i < 50; i++)
        {
            records = await (await _app.GetAsync("/api/records", organizer)).ReadJsonAsync(200);
            if (records.GetProperty("persons").GetArrayLength() > 0) break;
            await Task.Delay(200);
        }
        var person = Assert.Single(records.GetProperty("persons").EnumerateArray());
        Assert.Equal(2.5, person.GetProperty("hours").GetDouble());
        Assert.DoesNotContain("13905381234", records.GetRawText());
        Assert.DoesNotContain("李志强", records.GetRawText());
    }

    [Fact]
    public async Task Staff_set_up_a_team_people_join_it_and_a_retired_team_takes_no_one_new()
    {
        var dispatcher = await _app.DispatcherAsync();
        var created = await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = " 红色物业服务队 ", purpose = "巡查楼道、维修公共设施" }, dispatcher)).ReadJsonAsync(201);
        var teamId = created.GetProperty("id").GetString()!;
        Assert.Equal(("红色物业服务队", false, "巡查楼道、维修公共设施"), (created.GetProperty("name").GetString(), created.GetProperty("standing").GetBoolean(), created.GetProperty("purpose").GetString()));
        // The same name again (also at once from two staff) stores one team.
        var twice = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.PostAsync("/api/communities/dongqili/teams", new { name = "文明劝导队" }, dispatcher)));
        Assert.Equal([201, 409, 409, 409], twice.Select(r => (int)r.StatusCode).Order());
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "红色物业服务队" }, dispatcher)).ShouldBeProblemAsync(409, "team_exists");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "学雷锋志愿服务队" }, dispatcher)).ShouldBeProblemAsync(409, "team_exists");

        // A volunteer asks for the team when registering and is in it once confirmed.
        var registered = await (await _app.PostAsync("/api/people", new { communityId = "dongqili", kind = "volunteer", name = "李志强", phone = "13905387777", workUnit = "泰山区税务局", teamId }))
            .ReadJsonAsync(201);
        var (id, code) = (registered.GetProperty("id").GetString()!, registered.GetProperty("code").GetString()!);
        Assert.Empty(registered.GetProperty("teams").EnumerateArray());
        var joined = await (await _app.PostAsync($"/api/people/{id}/confirm", null, dispatcher)).ReadJsonAsync(200);
        Assert.Contains(joined.GetProperty("teams").EnumerateArray(), t => t.GetProperty("name").GetString() == "红色物业服务队");
        var listed = (await (await _app.GetAsync("/api/communities/dongqili/teams")).ReadJsonAsync(200)).GetProperty("teams").EnumerateArray().ToList();
        Assert.Equal(8, listed.Count);
        Assert.Equal(1, listed.Single(t => t.GetProperty("id").GetString() == teamId).GetProperty("members").GetInt32());
        // Another community's list does not have it.
        Assert.DoesNotContain((await (await _app.GetAsync("/api/communities/qingshan/teams")).ReadJsonAsync(200)).GetProperty("teams").EnumerateArray(),
            t => t.GetProperty("id").GetString() == teamId);

        // Retired: its member keeps it, nobody new joins, the public list no longer shows it (its staff still do).
        Assert.Equal(204, (int)(await _app.PostAsync($"/api/communities/dongqili/teams/{teamId}/retire", null, dispatcher)).StatusCode);
        Assert.Equal(204, (int)(await _app.PostAsync($"/api/communities/dongqili/teams/{teamId}/retire", null, dispatcher)).StatusCode);
        var (other, otherCode) = await RegisterAsync("13905388888", name: "王芳");
        await (await _app.PostAsync($"/api/people/{other}/confirm", null, dispatcher)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/people/{other}/teams", new { teamId }, trackingCode: otherCode)).ShouldBeProblemAsync(409, "team_retired");
        await (await _app.PostAsync("/api/people", new { communityId = "dongqili", kind = "volunteer", name = "赵敏", phone = "13905389999", workUnit = "泰山区税务局", teamId }))
            .ShouldBeProblemAsync(409, "team_retired");
        Assert.Contains((await (await _app.GetAsync($"/api/people/{id}", trackingCode: code)).ReadJsonAsync(200)).GetProperty("teams").EnumerateArray(),
            t => t.GetProperty("id").GetString() == teamId);
        Assert.DoesNotContain((await (await _app.GetAsync("/api/communities/dongqili/teams")).ReadJsonAsync(200)).GetProperty("teams").EnumerateArray(),
            t => t.GetProperty("id").GetString() == teamId);
        Assert.True((await (await _app.GetAsync("/api/communities/dongqili/teams", dispatcher)).ReadJsonAsync(200)).GetProperty("teams").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == teamId).GetProperty("retired").GetBoolean());

        // Bad input and wrong roles.
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "队" }, dispatcher)).ShouldBeProblemAsync(400, "invalid_team_name");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "联系13905381234队" }, dispatcher)).ShouldBeProblemAsync(400, "team_text_personal");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "夜巡队", purpose = new string('长', 101) }, dispatcher)).ShouldBeProblemAsync(400, "invalid_team_purpose");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "夜巡队" }, await _app.DispatcherAsync("qingshan"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "夜巡队" }, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/communities/dongqili/teams", new { name = "夜巡队" })).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.PostAsync("/api/communities/nowhere/teams", new { name = "夜巡队" }, dispatcher)).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/communities/dongqili/teams/xueleifeng/retire", null, dispatcher)).ShouldBeProblemAsync(400, "standing_team");
        await (await _app.PostAsync("/api/communities/dongqili/teams/t0000000000/retire", null, dispatcher)).ShouldBeProblemAsync(404, "team_not_found");
        await (await _app.PostAsync("/api/communities/dongqili/teams/..%2F/retire", null, dispatcher)).ShouldBeProblemAsync(404, "team_not_found");
    }

    [Fact]
    public async Task Bad_registrations_are_refused_and_nothing_is_written()
    {
        await (await _app.PostAsync("/api/people", Person("123"))).ShouldBeProblemAsync(400, "invalid_phone");
        await (await _app.PostAsync("/api/people", new { communityId = "dongqili", kind = "boss", name = "王", phone = "13905380000", workUnit = "某单位" })).ShouldBeProblemAsync(400, "invalid_kind");
        await (await _app.PostAsync("/api/people", Person("13905380000", name: " "))).ShouldBeProblemAsync(400, "invalid_name");
        await (await _app.PostAsync("/api/people", Person("13905380000", community: "nowhere"))).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/people", Person("13905380000", community: "sanlian"), await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "outside_scope");
        var list = await (await _app.GetAsync("/api/people", await _app.DispatcherAsync())).ReadJsonAsync(200);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Lists_and_the_CSV_export_show_no_phone_of_another_communitys_people()
    {
        await RegisterAsync("13905381111", "dongqili", "李东七");
        await RegisterAsync("13905382222", "sanlian", "张三联");
        var sanlian = await _app.DispatcherAsync("sanlian");

        var rows = (await (await _app.GetAsync("/api/people", sanlian)).ReadJsonAsync(200)).GetRawText();
        Assert.Contains("13905382222", rows);
        Assert.DoesNotContain("13905381111", rows);
        Assert.DoesNotContain("李东七", rows);

        var csv = await (await _app.GetAsync("/api/people/export.csv", sanlian)).Content.ReadAsStringAsync();
        Assert.Contains("张三联", csv);
        Assert.Contains("13905382222", csv);
        Assert.DoesNotContain("13905381111", csv);

        await (await _app.GetAsync("/api/people?communityId=dongqili", sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/people/export.csv?communityId=dongqili", sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        var organizer = await _app.OrganizerAsync();
        await (await _app.GetAsync("/api/people/export.csv?communityId=dongqili", organizer)).ShouldBeProblemAsync(403, "role_forbidden");
        var masked = (await (await _app.GetAsync("/api/people?communityId=dongqili", organizer)).ReadJsonAsync(200)).GetRawText();
        Assert.DoesNotContain("13905381111", masked);
        Assert.DoesNotContain("李东七", masked);
        await (await _app.GetAsync("/api/people", await _app.LiaisonAsync())).ShouldBeProblemAsync(400, "scope_required");
    }
}
