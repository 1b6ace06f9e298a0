using Gongjian.Functions.Access;
using Gongjian.Functions.Deliberations;
using Gongjian.Functions.Seed;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Seed;

/// <summary>
/// The demo 议事 of 东七里社区 that scripts/dev seeds goes through the deliberation rules and reads back through the API as
/// the community's staff see it: the 八仙议事厅 topic scheduled with its vote and opinions, the grid worker's answered,
/// the unit's waiting for review; lists without the raiser's name or phone.
/// </summary>
public sealed class DemoDeliberationsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_demo_community_has_a_baxian_topic_scheduled_one_answered_and_one_to_review()
    {
        var services = _app.Services;
        var seeded = await DemoDeliberations.SeedAsync(services.GetRequiredService<DeliberationStore>(), services.GetRequiredService<PersonKeys>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        Assert.Equal(3, seeded.Count);
        var dispatcher = await _app.DispatcherAsync();
        var list = await (await _app.GetAsync("/api/deliberations", dispatcher)).ReadJsonAsync(200);
        var rows = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("status").GetString());
        Assert.Equal("scheduled", rows["宝盛小区东门加装电动车充电桩"]);
        Assert.Equal("answered", rows["阳光花园小区一辆“僵尸车”长期占用车位"]);
        Assert.Equal("raised", rows["小区南侧步道加装路灯"]);
        Assert.DoesNotContain("13805386601", list.GetRawText());
        Assert.DoesNotContain("周女士", list.GetRawText());

        var baxian = await (await _app.GetAsync($"/api/deliberations/{seeded[0].Id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("东七里社区八仙议事厅", baxian.GetProperty("meeting").GetProperty("place").GetString());
        Assert.Equal((2, 0, 1), (baxian.GetProperty("vote").GetProperty("for").GetInt32(), baxian.GetProperty("vote").GetProperty("against").GetInt32(),
            baxian.GetProperty("vote").GetProperty("abstain").GetInt32()));
        Assert.Equal(3, baxian.GetProperty("opinions").GetArrayLength());
    }
}
