using Gongjian.Functions.Scorecards;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Seed;

/// <summary>The demo 年度评议 that scripts/dev seeds: this year's scheme and two units' manual points, read back as a ranked draft; seeding twice adds nothing.</summary>
public sealed class DemoEvaluationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_demo_street_has_a_draft_scorecard_with_its_representatives_points()
    {
        var store = _app.Services.GetRequiredService<ScorecardStore>();
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.Equal(1, await DemoEvaluation.SeedAsync(store, now, CancellationToken.None));
        Assert.Equal(0, await DemoEvaluation.SeedAsync(store, now, CancellationToken.None));
        var card = await (await _app.GetAsync("/api/evaluation/scorecard", await _app.OrganizerAsync())).ReadJsonAsync(200);
        Assert.Equal(("draft", 1, 5), (card.GetProperty("status").GetString(), card.GetProperty("schemeVersion").GetInt32(), card.GetProperty("lines").GetArrayLength()));
        var first = card.GetProperty("lines")[0];
        Assert.Equal(("caiyuan-health-centre", 18.5, 18.5, 1), (first.GetProperty("unitId").GetString(), first.GetProperty("manual").GetDouble(), first.GetProperty("total").GetDouble(), first.GetProperty("rank").GetInt32()));
    }
}
