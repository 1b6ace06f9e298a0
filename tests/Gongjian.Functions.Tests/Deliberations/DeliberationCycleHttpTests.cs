using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Deliberations.DeliberationClient;

namespace Gongjian.Functions.Tests.Deliberations;

/// <summary>
/// 提审议办评 over HTTP on Azurite: a resident raises a topic, staff accept and schedule a meeting with a vote, residents give
/// opinions and vote (a second and a late vote refused), the decision creates an order (linked both ways), the order's
/// completion by its unit delivers the decision, residents rate it; the public page shows the record and no personal data.
/// The app's clock jumps past the meeting and the vote's deadline instead of the test waiting.
/// </summary>
public sealed class DeliberationCycleHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_deliberations_decision_creates_orders_their_completion_delivers_it_and_its_public_page_shows_no_personal_data()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (id, code) = await ScheduledAsync(_app, dispatcher, _clock.GetUtcNow());

        // Before the decision there is no public page.
        var early = await _app.GetAsync($"/api/pages/deliberations/caiyuan/{id}");
        Assert.Equal(404, (int)early.StatusCode);

        // 议: opinions (a resident's phone in it is masked), one vote each, none after the deadline.
        await (await _app.PostAsync($"/api/deliberations/{id}/opinions", new { text = "支持，有事打我 13700009999。", phone = VoterPhones[0] })).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/deliberations/{id}/opinions", new { text = "我单位可出 2 名电工。" }, liaison)).ReadJsonAsync(200);
        await (await VoteAsync(_app, id, VoterPhones[0])).ReadJsonAsync(200);
        await (await VoteAsync(_app, id, VoterPhones[1], "against")).ReadJsonAsync(200);
        await (await VoteAsync(_app, id, VoterPhones[0], "against")).ShouldBeProblemAsync(409, "already_voted");
        await (await _app.PostAsync($"/api/deliberations/{id}/votes", new { choice = "for" }, liaison)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/deliberations/{id}/vote/close", null, dispatcher)).ShouldBeProblemAsync(409, "vote_not_due");
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(), dispatcher)).ShouldBeProblemAsync(409, "meeting_not_held");
        _clock.Shift(TimeSpan.FromHours(3));
        await (await VoteAsync(_app, id, VoterPhones[2])).ShouldBeProblemAsync(409, "vote_closed");
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(), dispatcher)).ShouldBeProblemAsync(409, "vote_open");
        var closed = await (await _app.PostAsync($"/api/deliberations/{id}/vote/close", null, dispatcher)).ReadJsonAsync(200);
        var vote = closed.GetProperty("vote");
        Assert.Equal((2, 1, 3, true), (vote.GetProperty("for").GetInt32(), vote.GetProperty("against").GetInt32(), vote.GetProperty("cast").GetInt32(), vote.GetProperty("passed").GetBoolean()));

        // 办: a decision referring to nothing, or to a project that does not exist, is refused; then one order.
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", new { minutes = "纪要", decision = "决议", actions = Array.Empty<object>() }, dispatcher))
            .ShouldBeProblemAsync(400, "decision_refers_to_nothing");
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(new { kind = "project", projectId = "pj-nothing" }), dispatcher))
            .ShouldBeProblemAsync(400, "project_not_found");
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(), liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/deliberations/{id}/decision", Decision(), dispatcher)).ReadJsonAsync(200);
        var created = await (await _app.PostAsync($"/api/deliberations/{id}/orders", new { contact = new { name = "东七里社区议事会", phone = "05388221234" } }, dispatcher)).ReadJsonAsync(200);
        var order = Assert.Single(created.GetProperty("orders").EnumerateArray());
        var orderId = order.GetProperty("orderId").GetString()!;
        Assert.False(string.IsNullOrEmpty(order.GetProperty("trackingCode").GetString()));
        await (await _app.PostAsync($"/api/deliberations/{id}/orders", new { contact = new { name = "东七里社区议事会", phone = "05388221234" } }, dispatcher))
            .ShouldBeProblemAsync(409, "no_orders_pending");
        var placed = await (await _app.GetAsync($"/api/orders/{orderId}", dispatcher)).ReadJsonAsync(200);
        Assert.StartsWith($"【议事决议 {id}】", placed.GetProperty("text").GetString());
        var acting = await DeliberationAsync(_app, id, dispatcher);
        Assert.Equal(("acting", orderId), (acting.GetProperty("status").GetString(), acting.GetProperty("actions")[0].GetProperty("targetId").GetString()));

        // The order goes through the ordinary 派单 flow; its completion by the unit delivers the decision.
        await _app.DispatchAsync(orderId, dispatcher);
        await _app.AcceptAsync(orderId, liaison);
        await _app.CompleteAsync(orderId, liaison);
        var delivered = await DeliberationAsync(_app, id, dispatcher);
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        Assert.Equal("completed", delivered.GetProperty("actions")[0].GetProperty("outcome").GetString());

        // 评: residents rate once each; the raiser follows it by code.
        await (await _app.PostAsync($"/api/deliberations/{id}/ratings", new { phone = VoterPhones[0], stars = 5, comment = "很方便" })).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/deliberations/{id}/ratings", new { phone = VoterPhones[0], stars = 1 })).ShouldBeProblemAsync(409, "already_rated");
        var progress = await (await _app.GetAsync($"/api/deliberations/{id}/progress", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal(("delivered", "评", true), (progress.GetProperty("status").GetString(), progress.GetProperty("stepName").GetString(), progress.GetProperty("canRate").GetBoolean()));
        await (await _app.GetAsync($"/api/deliberations/{id}/progress", trackingCode: "AAAA-BBBB")).ShouldBeProblemAsync(403, "invalid_tracking_code");
        await (await _app.PostAsync($"/api/deliberations/{id}/close", null, dispatcher)).ReadJsonAsync(200);

        // The public page: the whole record, anonymised, cached like the other public pages.
        var page = await _app.GetAsync($"/api/pages/deliberations/caiyuan/{id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("public, max-age=60", page.Headers.CacheControl?.ToString());
        Assert.Contains("东门加装电动车充电桩", html);
        Assert.Contains("赞成 2、反对 1、弃权 0，通过", html);
        Assert.Contains("宝盛置业", html); // an invited unit is public
        Assert.Contains("已办结", html);
        foreach (var personal in (string[])[RaiserName, RaiserPhone, "3号楼2单元301", "13700009999", "05388221234", orderId, .. VoterPhones])
            Assert.DoesNotContain(personal, html);
        // Not even the masked forms staff see (139****1122, 欧**, 3号楼****): the raiser's sentence keeps its sense.
        Assert.DoesNotContain("**", html); // (a single * is the stylesheet's)
        Assert.DoesNotContain("1122", html);
        Assert.Contains("我是（略），住宝盛小区3号楼（略），电话（略）", html.Replace(" ", ""));
        var street = await (await _app.GetAsync("/api/pages/deliberations/caiyuan")).Content.ReadAsStringAsync();
        Assert.Contains($"data-deliberation=\"{id}\"", street);
        Assert.DoesNotContain(RaiserPhone, street);

        // Staff see the raiser's contact; a liaison of the invited unit sees it masked.
        var staffView = await DeliberationAsync(_app, id, dispatcher);
        Assert.Equal(RaiserPhone, staffView.GetProperty("contact").GetProperty("phone").GetString());
        var unitView = (await DeliberationAsync(_app, id, liaison)).GetRawText();
        Assert.DoesNotContain(RaiserPhone, unitView);
        Assert.DoesNotContain(RaiserName, unitView);

        // Records for evaluation: one deliberation held and one decision delivered for the community, the invited unit's participation.
        var records = await (await _app.GetAsync("/api/records", await _app.OrganizerAsync())).ReadJsonAsync(200);
        var kinds = records.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal((1, 1, 1), (kinds["deliberation_held"], kinds["decision_delivered"], kinds["deliberation_participation"]));
        var unitRecord = Assert.Single(records.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "deliberation_participation");
        Assert.Equal("baosheng-property", unitRecord.GetProperty("unitId").GetString());
        Assert.DoesNotContain(RaiserPhone, records.GetRawText());
        Assert.DoesNotContain(RaiserName, records.GetRawText());
    }

    [Fact]
    public async Task Review_declines_with_a_reason_the_raiser_reads_and_bad_requests_are_precise()
    {
        var (dispatcher, liaison) = (await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var qingshan = await _app.DispatcherAsync("qingshan");
        await (await _app.PostAsync("/api/deliberations/public", PublicTopic("nowhere"))).ShouldBeProblemAsync(400, "unknown_community");
        await (await _app.PostAsync("/api/deliberations/public", new { communityId = "dongqili", title = "充电桩", name = "王", phone = "123" }))
            .ShouldBeProblemAsync(400, "invalid_phone");
        await (await _app.PostAsync("/api/deliberations", new { communityId = "dongqili", title = "充电桩" }, qingshan)).ShouldBeProblemAsync(403, "outside_scope");
        var (id, code) = await RaisedAsync(_app);
        await (await _app.GetAsync($"/api/deliberations/{id}")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync($"/api/deliberations/{id}", qingshan)).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync("/api/deliberations/YS260101-ZZZZZZ", dispatcher)).ShouldBeProblemAsync(404, "deliberation_not_found");
        await (await _app.PostAsync($"/api/deliberations/{id}/accept", null, liaison)).ShouldBeProblemAsync(403, "role_not_allowed");
        await (await _app.PostAsync($"/api/deliberations/{id}/decline", new { reason = " " }, dispatcher)).ShouldBeProblemAsync(400, "reason_required");
        await (await _app.PostAsync($"/api/deliberations/{id}/meeting", Meeting(_clock.GetUtcNow()), dispatcher)).ShouldBeProblemAsync(409, "deliberation_raised");
        await (await _app.PostAsync($"/api/deliberations/{id}/decline", new { reason = "属于业主大会表决事项，已转业委会。" }, dispatcher)).ReadJsonAsync(200);
        var progress = await (await _app.GetAsync($"/api/deliberations/{id}/progress", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal("社区未予受理：属于业主大会表决事项，已转业委会。", progress.GetProperty("message").GetString());
        await (await _app.PostAsync($"/api/deliberations/{id}/accept", null, dispatcher)).ShouldBeProblemAsync(409, "deliberation_declined");

        var list = await (await _app.GetAsync("/api/deliberations", dispatcher)).ReadJsonAsync(200);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("status").GetString() == "declined");
        Assert.DoesNotContain(RaiserPhone, list.GetRawText());
        await (await _app.GetAsync("/api/deliberations?community=qingshan", dispatcher)).ShouldBeProblemAsync(403, "outside_scope");
        Assert.Equal(404, (int)(await _app.GetAsync($"/api/pages/deliberations/caiyuan/{id}")).StatusCode);
    }
}
