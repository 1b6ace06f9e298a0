using System.Text.Json;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Scorecards;

/// <summary>
/// Module indicators over HTTP on Azurite: a known year of records read per unit, community and in all, for a quarter and
/// the year, in each role's scope; attendance credited to the host unit; nothing personal; bad periods and scopes refused.
/// </summary>
public sealed class ModuleIndicatorsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
        await EvaluationYard.WriteAsync(_app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<JsonElement> ModulesAsync(string query, string key) => await (await _app.GetAsync("/api/indicators/modules" + query, key)).ReadJsonAsync(200);

    private static Dictionary<string, double> Values(JsonElement figures) =>
        figures.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").GetDouble());

    private static Dictionary<string, JsonElement> ById(JsonElement list) => list.EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!);

    [Fact]
    public async Task A_year_of_records_gives_each_unit_community_and_the_street_its_indicators()
    {
        var organizer = await _app.OrganizerAsync();
        var year = await ModulesAsync("?period=2026", organizer);
        var units = ById(year.GetProperty("units"));
        Assert.Equal(5, units.Count); // every unit of 财源, those without records at zero; none of 仙营
        var b = Values(units["baosheng-property"]);
        Assert.Equal((2.0, 1.0, 1.0, 1.0, 2.0, 4.0), (b["projects_claimed"], b["milestones_reported"], b["commitments_met"], b["activities_hosted"], b["activity_attendance"], b["activity_hours"]));
        Assert.Equal(7, units["baosheng-property"].GetProperty("records").GetInt32());
        var h = Values(units["caiyuan-health-centre"]);
        Assert.Equal((1.0, 6.5, 1.0, 0.0), (h["projects_claimed"], h["volunteer_hours"], h["bookings_hosted"], h["wishes_fulfilled"]));
        Assert.All(Values(units["daizong-law-firm"]).Values, v => Assert.Equal(0, v));
        var total = Values(year.GetProperty("total"));
        Assert.Equal((3.0, 2.0, 1.0, 6.5, 1.0), (total["projects_claimed"], total["activity_attendance"], total["wishes_fulfilled"], total["volunteer_hours"], total["bookings_hosted"]));
        var communities = ById(year.GetProperty("communities"));
        Assert.Equal((2.0, 1.0), (Values(communities["dongqili"])["activity_attendance"], Values(communities["qingshan"])["wishes_fulfilled"]));
        Assert.Equal(1.0, Values(communities["sanlian"])["projects_claimed"]);
        Assert.DoesNotContain("\"p1\"", year.GetRawText());
        Assert.Equal(Domain.Evaluation.ModuleIndicatorCatalog.Defined.Count, year.GetProperty("definitions").GetArrayLength());

        // The second quarter: 宝盛's May claim, its milestone and its April activity; the health centre's June booking.
        var q2 = ById((await ModulesAsync("?period=2026-Q2", organizer)).GetProperty("units"));
        Assert.Equal((1.0, 1.0, 2.0), (Values(q2["baosheng-property"])["projects_claimed"], Values(q2["baosheng-property"])["milestones_reported"], Values(q2["baosheng-property"])["activity_attendance"]));
        Assert.Equal((0.0, 1.0), (Values(q2["caiyuan-health-centre"])["projects_claimed"], Values(q2["caiyuan-health-centre"])["bookings_hosted"]));
    }

    [Fact]
    public async Task Each_role_reads_its_own_scope()
    {
        // A liaison: its own unit, its total the same, no communities.
        var own = await ModulesAsync("", await _app.LiaisonAsync());
        Assert.Equal(["baosheng-property"], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(2.0, Values(own.GetProperty("total"))["activity_attendance"]);
        Assert.Empty(own.GetProperty("communities").EnumerateArray());
        // 青山's dispatcher: the units serving 青山 (宝盛 does not), and 青山's records in all.
        var qingshan = await ModulesAsync("?period=2026", await _app.DispatcherAsync("qingshan"));
        Assert.DoesNotContain("baosheng-property", qingshan.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.Equal(["qingshan"], qingshan.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var t = Values(qingshan.GetProperty("total"));
        Assert.Equal((1.0, 1.0, 0.0), (t["projects_claimed"], t["wishes_fulfilled"], t["activity_attendance"]));
    }

    [Fact]
    public async Task Bad_periods_and_scopes_are_refused()
    {
        var organizer = await _app.OrganizerAsync();
        await (await _app.GetAsync("/api/indicators/modules?period=2026-13", organizer)).ShouldBeProblemAsync(400, "invalid_period");
        await (await _app.GetAsync("/api/indicators/modules?period=2026-08", organizer)).ShouldBeProblemAsync(400, "period_in_future");
        await (await _app.GetAsync("/api/indicators/modules?street=xianying", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/indicators/modules?unit=nobody", organizer)).ShouldBeProblemAsync(400, "unknown_unit");
        await (await _app.GetAsync("/api/indicators/modules?unit=caiyuan-volunteers", await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/indicators/modules")).ShouldBeProblemAsync(401, "authentication_required");
    }
}
