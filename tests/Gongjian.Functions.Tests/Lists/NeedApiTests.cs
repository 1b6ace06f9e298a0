using System.Net;
using System.Text.Json;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Lists;

/// <summary>需求清单 over HTTP on real Azurite: record, promote, match, meet; scopes, refusals, paging, suggestions.</summary>
public sealed class NeedApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public static object NewNeed(string category = "legal", string description = "困难家庭希望每月有律师到社区坐诊。", int people = 30, string? communityId = null) => new
    {
        category, description, beneficiaries = new[] { new { group = "困难家庭", count = people } }, communityId,
    };

    private async Task<string> RecordAsync(string key, object? need = null) =>
        (await (await _app.PostAsync("/api/needs", need ?? NewNeed(), key)).ReadJsonAsync(201)).GetProperty("id").GetString()!;

    [Fact]
    public async Task Dispatcher_records_matches_and_meets_a_need_and_the_unit_finds_it_in_its_records()
    {
        var dispatcher = await _app.DispatcherAsync();
        var created = await (await _app.PostAsync("/api/needs", NewNeed(), dispatcher)).ReadJsonAsync(201);
        Assert.Equal(("open", "dongqili", "东七里社区", 30), (created.GetProperty("status").GetString(), created.GetProperty("communityId").GetString(),
            created.GetProperty("communityName").GetString(), created.GetProperty("people").GetInt32()));
        var id = created.GetProperty("id").GetString()!;

        var matched = await (await _app.PostAsync($"/api/needs/{id}/match", new { unitId = "daizong-law-firm" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal(("matched", "山东岱宗律师事务所"), (matched.GetProperty("status").GetString(), matched.GetProperty("unitName").GetString()));
        await (await _app.PostAsync($"/api/needs/{id}/match", new { unitId = "no-such-unit" }, dispatcher)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await _app.PostAsync($"/api/needs/{id}/match", new { }, dispatcher)).ShouldBeProblemAsync(400, "match_invalid");

        var law = await _app.LiaisonAsync("daizong-law-firm");
        // The matched unit reads the need but does not move it.
        await (await _app.GetAsync($"/api/needs/{id}", law)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/needs/{id}/meet", new { text = "已坐诊。" }, law)).ShouldBeProblemAsync(403, "role_forbidden");

        var met = await (await _app.PostAsync($"/api/needs/{id}/meet", new { text = "律师每月坐诊，已服务 3 次。" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal("met", met.GetProperty("status").GetString());
        await (await _app.PostAsync($"/api/needs/{id}/close", new { text = "重复。" }, dispatcher)).ShouldBeProblemAsync(409, "need_met");

        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var records = await (await _app.GetAsync($"/api/needs?status=met&year={year}", law)).ReadJsonAsync(200);
        Assert.Equal(id, Assert.Single(records.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var lastYear = await (await _app.GetAsync($"/api/needs?status=met&year={year - 1}", law)).ReadJsonAsync(200);
        Assert.Empty(lastYear.GetProperty("items").EnumerateArray());
        var organizer = await _app.OrganizerAsync();
        var street = await (await _app.GetAsync("/api/needs", organizer)).ReadJsonAsync(200);
        Assert.Contains(street.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("beneficiaries").GetString() == "困难家庭 30 人");
    }

    [Fact]
    public async Task Wrong_roles_scopes_and_bad_input_are_refused_with_codes()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await RecordAsync(dispatcher);
        var sanlian = await _app.DispatcherAsync("sanlian");
        await (await _app.GetAsync($"/api/needs/{id}", sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync($"/api/needs/{id}/close", new { text = "不需要了" }, sanlian)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/needs", NewNeed(), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.PostAsync("/api/needs", NewNeed(communityId: "xianying-1"), await _app.OrganizerAsync())).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/needs", NewNeed(), await _app.OrganizerAsync())).ShouldBeProblemAsync(400, "community_required");
        await (await _app.PostAsync("/api/needs", NewNeed(category: "法律服务"), dispatcher)).ShouldBeProblemAsync(400, "category_invalid");
        await (await _app.PostAsync("/api/needs", NewNeed(people: 0), dispatcher)).ShouldBeProblemAsync(400, "beneficiaries_invalid");
        await (await _app.PostAsync("/api/needs", NewNeed(description: new string('需', 501)), dispatcher)).ShouldBeProblemAsync(400, "description_invalid");
        await (await _app.GetAsync("/api/needs/nd000000000000", dispatcher)).ShouldBeProblemAsync(404, "need_not_found");
        await (await _app.GetAsync("/api/needs?streetId=caiyuan", dispatcher)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/needs?status=done", dispatcher)).ShouldBeProblemAsync(400, "invalid_status");
        // Nothing half-written: the community's list holds only the one need recorded.
        var list = await (await _app.GetAsync("/api/needs", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Promoting_an_order_masks_the_residents_data_and_happens_once()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (orderId, _) = await _app.PlaceAsync(TestApp.NewOrder("李秀英家楼下独居老人腿脚不便，电话13805381234，宝盛小区3号楼2单元301，想请人每周送两次午饭。", "elderly"));
        var promoted = await (await _app.PostAsync("/api/needs/promote", new { sourceKind = "order", sourceId = orderId, beneficiaries = new[] { new { group = "老年人", count = 12 } } }, dispatcher))
            .ReadJsonAsync(201);
        var description = promoted.GetProperty("description").GetString()!;
        Assert.Contains("送两次午饭", description);
        Assert.DoesNotContain("13805381234", description);
        Assert.DoesNotContain("李秀英", description);
        Assert.DoesNotContain("3号楼2单元301", description);
        Assert.Equal(("order", orderId, "elderly"), (promoted.GetProperty("sourceKind").GetString(), promoted.GetProperty("sourceId").GetString(), promoted.GetProperty("category").GetString()));

        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _app.PostAsync("/api/needs/promote",
            new { sourceKind = "order", sourceId = orderId, beneficiaries = new[] { new { group = "老年人", count = 12 } } }, dispatcher)));
        foreach (var r in again) await r.ShouldBeProblemAsync(409, "already_promoted");

        var (repair, _) = await _app.PlaceAsync();
        await (await _app.PostAsync("/api/needs/promote", new { sourceKind = "order", sourceId = repair, beneficiaries = new[] { new { group = "居民", count = 1 } } }, dispatcher))
            .ShouldBeProblemAsync(400, "one_off_repair");
        await (await _app.PostAsync("/api/needs/promote", new { sourceKind = "order", sourceId = orderId, beneficiaries = new[] { new { group = "居民", count = 1 } } },
            await _app.DispatcherAsync("sanlian"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/needs/promote", new { sourceKind = "call", sourceId = orderId, beneficiaries = new[] { new { group = "居民", count = 1 } } }, dispatcher))
            .ShouldBeProblemAsync(400, "source_invalid");
    }

    [Fact]
    public async Task Lists_page_with_a_token_bound_to_the_list()
    {
        var dispatcher = await _app.DispatcherAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await RecordAsync(dispatcher));
        var first = await (await _app.GetAsync("/api/needs?pageSize=2", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var token = first.GetProperty("nextPageToken").GetString()!;
        var second = await (await _app.GetAsync($"/api/needs?pageSize=2&pageToken={token}", dispatcher)).ReadJsonAsync(200);
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), all);
        await (await _app.GetAsync($"/api/needs?pageSize=2&pageToken={token}", await _app.OrganizerAsync())).ShouldBeProblemAsync(400, "invalid_page_token");
    }

    [Fact]
    public async Task Suggestions_rank_units_whose_active_resources_fit_with_a_reason()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (law, health, volunteers) = (await _app.LiaisonAsync("daizong-law-firm"), await _app.LiaisonAsync("caiyuan-health-centre"), await _app.LiaisonAsync("caiyuan-volunteers"));
        await Offer(law, new { kind = "service", category = "legal", title = "免费法律咨询", communityIds = new[] { "dongqili" }, availability = "每月第一个周六上午" });
        await Offer(health, new { kind = "venue", category = "health", title = "健康教室", availability = "工作日", capacity = 20, openingHours = "工作日 8:30–17:00" });
        await Offer(volunteers, new { kind = "venue", category = "health", title = "志愿服务站", availability = "周末", capacity = 100, openingHours = "周末全天" });
        var retired = await Offer(law, new { kind = "service", category = "health", title = "职工体检咨询", availability = "随时" });
        await (await _app.PostAsync($"/api/resources/{retired}/retire", new { text = "暂停" }, law)).ReadJsonAsync(200);

        var legal = await RecordAsync(dispatcher);
        var suggested = await (await _app.GetAsync($"/api/needs/{legal}/suggestions", dispatcher)).ReadJsonAsync(200);
        var top = Assert.Single(suggested.GetProperty("items").EnumerateArray());
        Assert.Equal(("daizong-law-firm", "提供 法律服务：免费法律咨询；覆盖 东七里社区"), (top.GetProperty("unitId").GetString(), top.GetProperty("reason").GetString()));

        // 50 people: the 20-seat room does not fit, the 100-seat one does; the retired entry never counts.
        var checkup = await RecordAsync(dispatcher, NewNeed(category: "health", description: "老人希望有场地开展健康讲座。", people: 50));
        var items = (await (await _app.GetAsync($"/api/needs/{checkup}/suggestions", dispatcher)).ReadJsonAsync(200)).GetProperty("items");
        var only = Assert.Single(items.EnumerateArray());
        Assert.Equal(("caiyuan-volunteers", "提供 医疗健康：志愿服务站；覆盖 全街道；场地可容纳 100 人"), (only.GetProperty("unitId").GetString(), only.GetProperty("reason").GetString()));
        await (await _app.GetAsync($"/api/needs/{checkup}/suggestions", law)).ShouldBeProblemAsync(403, "outside_scope");

        // A project of the street: the same matching by its category; a unit holding a place is left out.
        var organizer = await _app.OrganizerAsync();
        var project = await (await _app.PostAsync("/api/projects", new
        {
            title = "法律服务进社区", category = "法律服务", goal = "为困难家庭提供法律咨询。", needIds = new[] { legal },
            startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(90), unitsWanted = 2,
        }, organizer)).ReadJsonAsync(201);
        var pid = project.GetProperty("id").GetString()!;
        var forProject = await (await _app.GetAsync($"/api/projects/{pid}/suggestions", organizer)).ReadJsonAsync(200);
        Assert.Equal(("project", 30), (forProject.GetProperty("for").GetString(), forProject.GetProperty("people").GetInt32()));
        Assert.Equal("daizong-law-firm", Assert.Single(forProject.GetProperty("items").EnumerateArray()).GetProperty("unitId").GetString());
        await (await _app.PostAsync($"/api/projects/{pid}/publish", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{pid}/claims", new { commitment = "每月坐诊。", provideBy = DateTimeOffset.UtcNow.AddDays(20) }, law)).ReadJsonAsync(200);
        Assert.Empty((await (await _app.GetAsync($"/api/projects/{pid}/suggestions", organizer)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
    }

    private async Task<string> Offer(string key, object body) =>
        (await (await _app.PostAsync("/api/resources", body, key)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
}
