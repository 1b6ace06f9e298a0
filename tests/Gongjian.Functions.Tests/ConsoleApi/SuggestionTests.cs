using System.Text.Json;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.ConsoleApi;

/// <summary>
/// GET /api/orders/{id}/suggestions on Azurite: units ranked by category, coverage and the open orders each
/// holds (read from its list partition), with the reason in words; retired and other streets' units never
/// suggested; wrong roles and scopes refused without data; a stale order answered 409.
/// </summary>
public sealed class SuggestionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _dispatcher = null!;
    private string _liaison = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite);
        var directory = _app.Services.GetRequiredService<CommunityDirectory>();
        // A second repair unit for 东七里, one retired repair unit, and a unit of another street that covers nothing here.
        await directory.AddAsync(new MemberUnit("taishan-power", "国网泰安供电公司泰山区分公司", "caiyuan", UnitLevel.District, UnitKind.Company,
            ["repair", "safety"], ["dongqili"]), default);
        await directory.AddAsync(new MemberUnit("old-repair", "泰山老维修队", "caiyuan", UnitLevel.Community, UnitKind.Company,
            ["repair"], ["dongqili"], RetiredAt: DateTimeOffset.UtcNow.AddDays(-30)), default);
        await directory.AddAsync(new MemberUnit("far-away", "别的街道维修站", "elsewhere", UnitLevel.Community, UnitKind.Company,
            ["repair"], ["somewhere"]), default);
        _dispatcher = await _app.DispatcherAsync();
        _liaison = await _app.LiaisonAsync();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<JsonElement> SuggestAsync(string id, string? key = null) =>
        await (await _app.GetAsync($"/api/orders/{id}/suggestions", key ?? _dispatcher)).ReadJsonAsync(200);

    private static string[] Ids(JsonElement s) => s.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitId").GetString()!).ToArray();

    private static JsonElement Item(JsonElement s, string unit) => s.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("unitId").GetString() == unit);

    [Fact]
    public async Task Units_are_ranked_by_category_coverage_and_open_orders_with_the_reason()
    {
        // 宝盛置业 holds two open orders (one dispatched, one accepted) and one done; 供电公司 holds none.
        var (a, _) = await _app.PlaceAsync();
        var (b, _) = await _app.PlaceAsync();
        var (done, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(a, _dispatcher);
        await _app.DispatchAsync(b, _dispatcher);
        await _app.AcceptAsync(b, _liaison);
        await _app.DispatchAsync(done, _dispatcher);
        await _app.AcceptAsync(done, _liaison);
        await _app.CompleteAsync(done, _liaison);

        var (id, _) = await _app.PlaceAsync();
        var s = await SuggestAsync(id);
        Assert.Equal(id, s.GetProperty("orderId").GetString());
        var ids = Ids(s);
        Assert.Equal(["taishan-power", "baosheng-property"], ids[..2]); // both serve repair and cover 东七里: the lighter load first
        Assert.Equal("服务类别相符 · 覆盖本社区 · 暂无在办工单", Item(s, "taishan-power").GetProperty("reason").GetString());
        Assert.Equal("服务类别相符 · 覆盖本社区 · 在办 2 单", Item(s, "baosheng-property").GetProperty("reason").GetString());
        Assert.Equal(2, Item(s, "baosheng-property").GetProperty("openOrders").GetInt32());
        Assert.Equal(1, Item(s, "taishan-power").GetProperty("rank").GetInt32());
        // The street's other units follow (they cover 东七里 but serve other categories); retired and other streets' never.
        Assert.Equal(["caiyuan-health-centre", "caiyuan-volunteers", "daizong-law-firm", "taian-rescue-station"], ids[2..].Order().ToArray());
        Assert.All(ids[2..], u => Assert.StartsWith("不服务该类别 · 覆盖本社区", Item(s, u).GetProperty("reason").GetString()));
        Assert.DoesNotContain("old-repair", ids);
        Assert.DoesNotContain("far-away", ids);

        // Three for 供电公司: now it is the busier one, and the ranking turns.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (more, _) = await _app.PlaceAsync();
            await _app.DispatchAsync(more, _dispatcher, "taishan-power");
        }
        s = await SuggestAsync(id);
        Assert.Equal(["baosheng-property", "taishan-power"], Ids(s)[..2]);
        Assert.Equal("服务类别相符 · 覆盖本社区 · 在办 3 单", Item(s, "taishan-power").GetProperty("reason").GetString());

        // An organizer of the street may look too.
        Assert.Equal(Ids(s), Ids(await SuggestAsync(id, await _app.OrganizerAsync())));
    }

    [Fact]
    public async Task A_unit_that_declined_the_order_goes_last_and_says_so()
    {
        var (id, _) = await _app.PlaceAsync();
        await _app.DispatchAsync(id, _dispatcher);
        await (await _app.PostAsync($"/api/orders/{id}/decline", new { reason = "本周人手不足" }, _liaison)).ReadJsonAsync(200);

        var s = await SuggestAsync(id);
        Assert.Equal("taishan-power", Ids(s)[0]);
        Assert.Equal("baosheng-property", Ids(s)[^1]);
        Assert.EndsWith("曾退回此单", Item(s, "baosheng-property").GetProperty("reason").GetString());
        Assert.True(Item(s, "baosheng-property").GetProperty("declinedBefore").GetBoolean());
    }

    [Fact]
    public async Task A_retired_unit_is_neither_listed_nor_dispatched_to()
    {
        var units = await (await _app.GetAsync("/api/units?category=repair&communityId=dongqili")).ReadJsonAsync(200);
        Assert.DoesNotContain("old-repair", units.EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        var (id, _) = await _app.PlaceAsync();
        var refused = await (await _app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "old-repair" }, _dispatcher)).ShouldBeProblemAsync(400, "unit_retired");
        Assert.Equal("unitId", refused.GetProperty("field").GetString());
        Assert.Equal("placed", (await (await _app.GetAsync($"/api/orders/{id}", _dispatcher)).ReadJsonAsync(200)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Wrong_roles_and_scopes_get_a_problem_and_no_data_and_a_stale_order_409()
    {
        var (id, _) = await _app.PlaceAsync();
        foreach (var (key, status, code) in new[]
        {
            (await _app.KeyAsync(ActorRole.Dispatcher, "sanlian"), 403, "outside_scope"),
            (await _app.OrganizerAsync("other-street"), 403, "outside_scope"),
            (_liaison, 403, "role_not_allowed"),
        })
        {
            var response = await _app.GetAsync($"/api/orders/{id}/suggestions", key);
            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblemAsync(status, code);
            Assert.DoesNotContain("baosheng", body);
        }
        await (await _app.GetAsync($"/api/orders/{id}/suggestions")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync("/api/orders/GJ000101-AAAAAA/suggestions", _dispatcher)).ShouldBeProblemAsync(404, "order_not_found");
        await (await _app.GetAsync("/api/orders/not-an-id/suggestions", _dispatcher)).ShouldBeProblemAsync(404, "order_not_found");

        // Someone else dispatched it meanwhile: the board's suggestions are stale.
        await _app.DispatchAsync(id, _dispatcher);
        var stale = await (await _app.GetAsync($"/api/orders/{id}/suggestions", _dispatcher)).ShouldBeProblemAsync(409, "order_not_dispatchable");
        Assert.Contains("待接单", stale.GetProperty("title").GetString());
    }
}
