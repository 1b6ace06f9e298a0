using System.Text.Json;
using Gongjian.Functions.Records;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Scorecards;

/// <summary>
/// 年度评议 over HTTP on Azurite: a scheme in two versions, manual points, a draft scored and ranked by hand, each point
/// traced to its records and orders, publishing that freezes the result with its version, and every refusal.
/// </summary>
public sealed class ScorecardApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
        await EvaluationYard.WriteAsync(_app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>20 + 30 + 20 + 10 of indicators (the deduction counts no full marks) + 20 manual = 100.</summary>
    private static object Scheme(int year = 2026, double excellent = 70, double total = 100, double claimCap = 30) => new
    {
        year, total,
        items = new object[]
        {
            new { indicator = "response_rate", pointsPer = 20, cap = 20 }, new { indicator = "projects_claimed", pointsPer = 10, cap = claimCap },
            new { indicator = "activity_attendance", pointsPer = 5, cap = 20 }, new { indicator = "volunteer_hours", pointsPer = 2, cap = 10 },
            new { indicator = "escalations", pointsPer = -5, cap = 10 },
        },
        manual = new { name = "居民代表评议", max = 20 }, grades = new { excellent, good = 35, pass = 20 },
    };

    /// <summary>One order of 宝盛 in July, answered in an hour, done and rated 5.</summary>
    private async Task<string> OrderAsync()
    {
        var (dispatcher, baosheng) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, code) = await _app.PlaceAsync(TestApp.NewOrder());
        await _app.DispatchAsync(id, dispatcher);
        _clock.Now = _clock.Now.AddHours(1);
        await _app.AcceptAsync(id, baosheng);
        await _app.CompleteAsync(id, baosheng);
        await (await _app.PostAsync($"/api/orders/{id}/confirm", new { rating = 5 }, trackingCode: code)).ReadJsonAsync(200);
        _clock.Now = new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(8));
        return id;
    }

    private static List<(string Unit, double Total, string Grade, int Rank)> Lines(JsonElement card) =>
        [.. card.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("unitId").GetString()!, l.GetProperty("total").GetDouble(), l.GetProperty("grade").GetString()!, l.GetProperty("rank").GetInt32()))];

    [Fact]
    public async Task A_scheme_scores_ranks_and_grades_every_unit_each_point_traces_to_its_records_and_publishing_freezes_it()
    {
        var order = await OrderAsync();
        var organizer = await _app.OrganizerAsync();
        Assert.Equal(1, (await (await _app.PostAsync("/api/evaluation/schemes", Scheme(), organizer)).ReadJsonAsync(201)).GetProperty("version").GetInt32());
        var v2 = await (await _app.PostAsync("/api/evaluation/schemes", Scheme(excellent: 60), organizer)).ReadJsonAsync(201);
        Assert.Equal((2, 60.0), (v2.GetProperty("version").GetInt32(), v2.GetProperty("grades").GetProperty("excellent").GetDouble()));
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "baosheng-property", score = 15 }, organizer)).ReadJsonAsync(200);
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "caiyuan-health-centre", score = 18 }, organizer)).ReadJsonAsync(200);

        // 宝盛: 20 (answered in time, 100 %) + 20 (2 claims) + 10 (2 attended its activity) + 0 + 0 + 15 = 65 → 优秀.
        // 卫生服务中心: 0 (no orders: no value) + 10 (1 claim) + 0 + 10 (6.5 h × 2 = 13, capped) + 18 = 38 → 良好.
        // The other three: nothing, no manual points: 0 → 不合格, sharing rank 3.
        var draft = await (await _app.GetAsync("/api/evaluation/scorecard?year=2026", organizer)).ReadJsonAsync(200);
        Assert.Equal(("draft", 2), (draft.GetProperty("status").GetString(), draft.GetProperty("schemeVersion").GetInt32()));
        Assert.Equal([("baosheng-property", 65, "优秀", 1), ("caiyuan-health-centre", 38, "良好", 2), ("caiyuan-volunteers", 0, "不合格", 3),
            ("daizong-law-firm", 0, "不合格", 3), ("taian-rescue-station", 0, "不合格", 3)], Lines(draft));
        var hours = draft.GetProperty("lines")[1].GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == "volunteer_hours");
        Assert.Equal((6.5, 10.0, true), (hours.GetProperty("value").GetDouble(), hours.GetProperty("points").GetDouble(), hours.GetProperty("capped").GetBoolean()));

        // A liaison sees its own line, ranked among all five.
        var baosheng = await _app.LiaisonAsync();
        var own = await (await _app.GetAsync("/api/evaluation/scorecard", baosheng)).ReadJsonAsync(200);
        Assert.Equal([("baosheng-property", 65, "优秀", 1)], Lines(own));
        Assert.Equal(5, own.GetProperty("unitsInStreet").GetInt32());

        // Every point traces: 宝盛's attendance to the two who came, its response rate to the order, the health centre's hours to the entry.
        var attendance = await (await _app.GetAsync("/api/evaluation/trace?year=2026&indicator=activity_attendance", baosheng)).ReadJsonAsync(200);
        Assert.Equal((2.0, 2), (attendance.GetProperty("value").GetDouble(), attendance.GetProperty("items").GetArrayLength()));
        Assert.All(attendance.GetProperty("items").EnumerateArray(), i => Assert.Equal(("ac1", "楼道清洁日", 1.0), (i.GetProperty("sourceId").GetString(), i.GetProperty("title").GetString(), i.GetProperty("value").GetDouble())));
        var response = await (await _app.GetAsync("/api/evaluation/trace?year=2026&unit=baosheng-property&indicator=response_rate", organizer)).ReadJsonAsync(200);
        var item = Assert.Single(response.GetProperty("items").EnumerateArray());
        Assert.Equal((order, "order", 1.0, 1.0), (item.GetProperty("sourceId").GetString(), item.GetProperty("kind").GetString(), item.GetProperty("value").GetDouble(), response.GetProperty("value").GetDouble()));
        var served = await (await _app.GetAsync("/api/evaluation/trace?year=2026&unit=caiyuan-health-centre&indicator=volunteer_hours", organizer)).ReadJsonAsync(200);
        Assert.Equal([("pe1", 6.5)], served.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("sourceId").GetString(), i.GetProperty("value").GetDouble())));
        Assert.DoesNotContain("p3", served.GetRawText());
        await (await _app.GetAsync("/api/evaluation/trace?year=2026&unit=caiyuan-health-centre&indicator=volunteer_hours", baosheng)).ShouldBeProblemAsync(403, "outside_scope");

        // Publishing freezes the result with version 2: a later record, a new scheme or manual points change nothing of it.
        var published = await (await _app.PostAsync("/api/evaluation/publish", new { year = 2026 }, organizer)).ReadJsonAsync(200);
        Assert.Equal(("published", 2), (published.GetProperty("status").GetString(), published.GetProperty("schemeVersion").GetInt32()));
        await _app.Services.GetRequiredService<RecordBook>().WriteAsync(EvaluationYard.R("late", RecordKinds.ProjectClaim, "pj7", "caiyuan-health-centre", "qingshan", 7), CancellationToken.None);
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(), organizer)).ShouldBeProblemAsync(409, "year_published");
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "baosheng-property", score = 20 }, organizer)).ShouldBeProblemAsync(409, "year_published");
        await (await _app.PostAsync("/api/evaluation/publish", new { year = 2026 }, organizer)).ShouldBeProblemAsync(409, "year_published");
        var after = await (await _app.GetAsync("/api/evaluation/scorecard?year=2026", organizer)).ReadJsonAsync(200);
        Assert.Equal(published.GetRawText(), after.GetRawText());
        var schemes = await (await _app.GetAsync("/api/evaluation/schemes?year=2026", organizer)).ReadJsonAsync(200);
        Assert.Equal([1, 2], schemes.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(2, schemes.GetProperty("publishedVersion").GetInt32());
        // The next year's scheme starts at version 1; the published year is untouched.
        Assert.Equal(1, (await (await _app.PostAsync("/api/evaluation/schemes", Scheme(year: 2025), organizer)).ReadJsonAsync(201)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_published_year_traces_the_records_and_orders_as_they_were_when_it_was_published()
    {
        await OrderAsync();
        var organizer = await _app.OrganizerAsync();
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(), organizer)).ReadJsonAsync(201);
        const string claims = "/api/evaluation/trace?year=2026&unit=caiyuan-health-centre&indicator=projects_claimed";
        const string response = "/api/evaluation/trace?year=2026&unit=baosheng-property&indicator=response_rate";
        var claimsThen = (await (await _app.GetAsync(claims, organizer)).ReadJsonAsync(200)).GetRawText();
        var responseThen = (await (await _app.GetAsync(response, organizer)).ReadJsonAsync(200)).GetRawText();
        await (await _app.PostAsync("/api/evaluation/publish", new { year = 2026 }, organizer)).ReadJsonAsync(200);

        // After publication: a late claim of the health centre, and a second order of 宝盛 answered ten days after its dispatch.
        await _app.Services.GetRequiredService<RecordBook>().WriteAsync(EvaluationYard.R("late", RecordKinds.ProjectClaim, "pj7", "caiyuan-health-centre", "qingshan", 7), CancellationToken.None);
        var (dispatcher, baosheng) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (late, _) = await _app.PlaceAsync(TestApp.NewOrder());
        await _app.DispatchAsync(late, dispatcher);
        _clock.Now = _clock.Now.AddDays(10);
        await _app.AcceptAsync(late, baosheng);

        // The live figures moved (so the traces below could have) …
        var modules = await (await _app.GetAsync("/api/indicators/modules?period=2026&unit=caiyuan-health-centre", organizer)).ReadJsonAsync(200);
        Assert.Equal(2, modules.GetProperty("total").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "projects_claimed").GetProperty("value").GetDouble());
        var orders = await (await _app.GetAsync("/api/indicators/orders?period=2026&unit=baosheng-property", organizer)).ReadJsonAsync(200);
        Assert.Equal(0.5, orders.GetProperty("total").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "response_rate").GetProperty("value").GetDouble());

        // … but the published year's traces are the records and orders as they were when it was published.
        var claimsNow = await (await _app.GetAsync(claims, organizer)).ReadJsonAsync(200);
        Assert.Equal(claimsThen, claimsNow.GetRawText());
        Assert.Equal(1.0, claimsNow.GetProperty("value").GetDouble());
        Assert.Equal(["pj3"], claimsNow.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sourceId").GetString()));
        var responseNow = await (await _app.GetAsync(response, baosheng)).ReadJsonAsync(200);
        Assert.Equal(responseThen, responseNow.GetRawText());
        Assert.DoesNotContain(late, responseNow.GetRawText());
        // An indicator the scheme did not score is traced live: the late order is there.
        var accepted = await (await _app.GetAsync("/api/evaluation/trace?year=2026&unit=baosheng-property&indicator=accepted", organizer)).ReadJsonAsync(200);
        Assert.Contains(late, accepted.GetRawText());
    }

    [Fact]
    public async Task Bad_schemes_points_years_units_and_streets_are_refused_with_a_precise_problem()
    {
        _clock.Now = new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(8));
        var organizer = await _app.OrganizerAsync();
        await (await _app.GetAsync("/api/evaluation/scorecard?year=2026", organizer)).ShouldBeProblemAsync(404, "scheme_not_found");
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "baosheng-property", score = 10 }, organizer)).ShouldBeProblemAsync(409, "scheme_required");
        var sum = await (await _app.PostAsync("/api/evaluation/schemes", Scheme(total: 110), organizer)).ShouldBeProblemAsync(400, "weights_do_not_sum");
        Assert.Equal("各项满分之和为 100 分，与方案总分 110 分不一致。", sum.GetProperty("title").GetString());
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(year: 2027), organizer)).ShouldBeProblemAsync(400, "period_in_future");
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(year: 1999), organizer)).ShouldBeProblemAsync(400, "invalid_year");
        await (await _app.PostAsync("/api/evaluation/schemes", new { year = 2026, total = 100, items = new[] { new { indicator = "smiles", pointsPer = 1, cap = 80 } },
            manual = new { name = "居民代表评议", max = 20 }, grades = new { excellent = 90, good = 75, pass = 60 } }, organizer)).ShouldBeProblemAsync(400, "unknown_indicator");
        await (await _app.PostAsync("/api/evaluation/schemes", new { year = 2026, street = "xianying", total = 100, items = Array.Empty<object>(), grades = new { excellent = 90, good = 75, pass = 60 } }, organizer))
            .ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(), await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "organizer_only");
        await (await _app.PostAsync("/api/evaluation/schemes", Scheme(), organizer)).ReadJsonAsync(201);
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "nobody", score = 10 }, organizer)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "xianying-building-party", score = 10 }, organizer)).ShouldBeProblemAsync(403, "outside_scope");
        var range = await (await _app.SendAsync(HttpMethod.Put, "/api/evaluation/manual", new { year = 2026, unitId = "baosheng-property", score = 21 }, organizer)).ShouldBeProblemAsync(400, "manual_out_of_range");
        Assert.Equal("居民代表评议须在 0 到 20 分之间。", range.GetProperty("title").GetString());
        await (await _app.GetAsync("/api/evaluation/scorecard?year=2027", organizer)).ShouldBeProblemAsync(400, "period_in_future");
        await (await _app.GetAsync("/api/evaluation/scorecard?year=2026-07", organizer)).ShouldBeProblemAsync(400, "invalid_year");
        await (await _app.GetAsync("/api/evaluation/scorecard?street=xianying", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/evaluation/trace?unit=baosheng-property&indicator=smiles", organizer)).ShouldBeProblemAsync(400, "unknown_indicator");
        await (await _app.GetAsync("/api/evaluation/trace?indicator=received", organizer)).ShouldBeProblemAsync(400, "unit_required");
        await (await _app.PostAsync("/api/evaluation/publish", new { year = 2026 }, await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "organizer_only");
    }
}
