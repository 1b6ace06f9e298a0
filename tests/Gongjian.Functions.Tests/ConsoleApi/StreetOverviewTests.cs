using System.Text.Json;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.ConsoleApi;

/// <summary>
/// GET /api/streets/{id}/overview on Azurite, with a 2-second dispatch deadline so orders really go overdue:
/// counts by status and community match the orders made, the overdue and 督办 lists hold exactly those
/// orders, no contact appears, and other roles and streets are refused.
/// </summary>
public sealed class StreetOverviewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, "--Sla:DispatchWithin=00:00:02");

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string[] Ids(JsonElement list) => list.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).Order().ToArray();

    [Fact]
    public async Task Counts_and_lists_match_the_orders_made()
    {
        var organizer = await _app.OrganizerAsync();
        var dispatcher = await _app.DispatcherAsync();
        var (a, _) = await _app.PlaceAsync();
        var (b, _) = await _app.PlaceAsync();
        var (c, _) = await _app.PlaceAsync();
        var (d, _) = await _app.PlaceAsync(TestApp.NewOrder("三联小区楼道堆满杂物", "environment", "sanlian"));
        await _app.DispatchAsync(c, dispatcher); // its accept deadline is hours away
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // a, b and d are past their dispatch deadline

        // b's deadline passes to the street: 督办 (what the due timer does, run here directly).
        var store = _app.Services.GetRequiredService<OrderStore>();
        var state = (await store.LoadAsync(b, default))!.State;
        var outcome = await store.ExecuteAsync(b, new ExpireDeadline
        {
            By = Actor.System, Step = SlaStep.Dispatch, StepStartedAt = state.PlacedAt, Policy = _app.Services.GetRequiredService<SlaPolicy>(),
        }, default);
        Assert.Null(outcome.Rejection);

        var response = await _app.GetAsync("/api/streets/caiyuan/overview", organizer);
        var o = await response.ReadJsonAsync(200);
        Assert.Equal("财源街道", o.GetProperty("streetName").GetString());
        Assert.Equal(4, o.GetProperty("total").GetInt32());
        var byStatus = o.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(3, byStatus["placed"]);
        Assert.Equal(1, byStatus["dispatched"]);
        Assert.Equal(4, byStatus.Values.Sum());
        var byCommunity = o.GetProperty("byCommunity").EnumerateArray().ToDictionary(s => s.GetProperty("communityId").GetString()!);
        Assert.Equal((3, 3, 2), (byCommunity["dongqili"].GetProperty("total").GetInt32(), byCommunity["dongqili"].GetProperty("open").GetInt32(),
            byCommunity["dongqili"].GetProperty("overdue").GetInt32()));
        Assert.Equal((1, 1, 1), (byCommunity["sanlian"].GetProperty("total").GetInt32(), byCommunity["sanlian"].GetProperty("open").GetInt32(),
            byCommunity["sanlian"].GetProperty("overdue").GetInt32()));
        Assert.Equal(0, byCommunity["qingshan"].GetProperty("total").GetInt32());
        Assert.Equal(new[] { a, b, d }.Order().ToArray(), Ids(o.GetProperty("overdue")));
        Assert.Equal([b], Ids(o.GetProperty("escalated")));
        var escalated = o.GetProperty("escalated")[0];
        Assert.Equal("派单", escalated.GetProperty("stepName").GetString());
        Assert.True(escalated.GetProperty("overdue").GetBoolean());
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13805381234", body);
        Assert.DoesNotContain("李秀英", body);
        Assert.DoesNotContain("3号楼2单元301", body);

        // An admin names any street; an unknown one is 404.
        var admin = await _app.KeyAsync(ActorRole.Admin);
        Assert.Equal(4, (await (await _app.GetAsync("/api/streets/caiyuan/overview", admin)).ReadJsonAsync(200)).GetProperty("total").GetInt32());
        await (await _app.GetAsync("/api/streets/nowhere/overview", admin)).ShouldBeProblemAsync(404, "street_not_found");
    }

    [Fact]
    public async Task Other_roles_and_streets_are_refused_without_data()
    {
        await _app.PlaceAsync();
        foreach (var (key, code) in new[]
        {
            (await _app.DispatcherAsync(), "role_not_allowed"),
            (await _app.LiaisonAsync(), "role_not_allowed"),
            (await _app.OrganizerAsync("other-street"), "outside_scope"),
        })
        {
            var response = await _app.GetAsync("/api/streets/caiyuan/overview", key);
            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblemAsync(403, code);
            Assert.DoesNotContain("byStatus", body);
        }
        await (await _app.GetAsync("/api/streets/caiyuan/overview")).ShouldBeProblemAsync(401, "authentication_required");
    }
}
