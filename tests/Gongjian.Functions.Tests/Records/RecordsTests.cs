using Gongjian.Functions.Access;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Functions.Wishes;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Records;

/// <summary>
/// Records for evaluation (table <c>records</c>, <c>GET /api/records</c>) on Azurite: an approved project claim, a
/// milestone report, wishes fulfilled by a unit and by a person, a completed order — counted per unit, person and street
/// for each role's scope, with nothing personal, and written once however often the relay runs.
/// </summary>
public sealed class RecordsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OrderName = "欧阳秀英", OrderPhone = "13905387766";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Every_module_writes_its_records_and_each_role_reads_its_own_scope()
    {
        var (organizer, dispatcher, baosheng) = (await _app.OrganizerAsync(), await _app.DispatcherAsync(), await _app.LiaisonAsync());
        var (qingshan, health) = (await _app.DispatcherAsync("qingshan"), await _app.LiaisonAsync("caiyuan-health-centre"));
        var project = await ProjectReportedAsync(organizer, health);
        var (unitWish, _) = await PublishedAsync(_app, dispatcher);
        await (await PostAsync(_app, $"/api/wishes/{unitWish}/claim", new { kind = "unit" }, baosheng)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/wishes/{unitWish}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, baosheng)).ReadJsonAsync(200);
        var (personWish, _) = await PublishedAsync(_app, dispatcher);
        var claimCode = (await (await PostAsync(_app, $"/api/wishes/{personWish}/claim", new { kind = "partyMember", name = PersonName, phone = PersonPhone }))
            .ReadJsonAsync(200)).GetProperty("claimCode").GetString()!;
        await (await PostAsync(_app, $"/api/wishes/{personWish}/fulfil", new { note = "已送到。", photos = new[] { Png } }, claimCode: claimCode)).ReadJsonAsync(200);
        var (order, code) = await _app.PlaceAsync(new
        {
            text = "三楼楼道灯坏了一个星期了", category = "repair", communityId = "dongqili", address = "宝盛小区3号楼", contact = new { name = OrderName, phone = OrderPhone },
        });
        await _app.DispatchAsync(order, dispatcher);
        await _app.AcceptAsync(order, baosheng);
        await _app.CompleteAsync(order, baosheng);
        await (await _app.PostAsync($"/api/orders/{order}/confirm", new { rating = 5 }, trackingCode: code)).ReadJsonAsync(200);

        var street = await RecordsAsync("", organizer);
        Assert.Equal(5, street.GetProperty("total").GetInt32());
        Assert.Equal([("project_claim", 1), ("milestone_report", 1), ("wish_fulfilled", 2), ("order_completed", 1),
            ("unit_commitments", 0), ("commitment_met", 0), ("service_hours", 0), ("activity_attended", 0), ("activity_hosted", 0), ("booking_hosted", 0),
            ("grid_report_resolved", 0),
            ("deliberation_held", 0), ("decision_delivered", 0), ("deliberation_participation", 0)], Kinds(street.GetProperty("kinds")));
        Assert.Equal([("baosheng-property", 2), ("caiyuan-health-centre", 2)], street.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("unitId").GetString()!, u.GetProperty("total").GetInt32())).Order().ToList());
        var person = Assert.Single(street.GetProperty("persons").EnumerateArray());
        Assert.Equal((PersonKeys.Development.Of(PersonPhone), "partyMember", 1), (person.GetProperty("personKey").GetString(), person.GetProperty("claimerKind").GetString(), person.GetProperty("total").GetInt32()));
        var items = street.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((5, "健康服务在身边·首场义诊"), (items.Count, items.Single(i => i.GetProperty("kind").GetString() == "milestone_report").GetProperty("title").GetString()));
        Assert.Equal((order, 5), items.Where(i => i.GetProperty("kind").GetString() == "order_completed").Select(i => (i.GetProperty("sourceId").GetString(), i.GetProperty("rating").GetInt32())).Single());
        Assert.Contains(items, i => i.GetProperty("sourceId").GetString() == project && i.GetProperty("kind").GetString() == "project_claim");
        var text = street.GetRawText();
        foreach (var p in new[] { PersonName, PersonPhone, ResidentName, ResidentPhone, OrderName, OrderPhone, "宝盛小区3号楼", "楼道灯" })
            Assert.DoesNotContain(p, text);

        // A liaison: its own unit only, no persons; another unit is outside its scope.
        var own = await RecordsAsync("", baosheng);
        Assert.Equal((2, "baosheng-property", 0), (own.GetProperty("total").GetInt32(), own.GetProperty("unitId").GetString(), own.GetProperty("persons").GetArrayLength()));
        await (await _app.GetAsync("/api/records?unit=caiyuan-health-centre", baosheng)).ShouldBeProblemAsync(403, "outside_scope");
        // A dispatcher: the units serving its community and the persons of its community's wishes.
        Assert.Equal(5, (await RecordsAsync("", dispatcher)).GetProperty("total").GetInt32());
        var other = await RecordsAsync("", qingshan); // 宝盛 does not serve 青山社区; the wishes were 东七里's
        Assert.Equal((2, 0), (other.GetProperty("total").GetInt32(), other.GetProperty("persons").GetArrayLength()));
        await (await _app.GetAsync("/api/records?street=xianying", organizer)).ShouldBeProblemAsync(403, "outside_scope");
        // An admin names the street; other years are empty; bad years are refused.
        var admin = await _app.KeyAsync(ActorRole.Admin);
        await (await _app.GetAsync("/api/records", admin)).ShouldBeProblemAsync(400, "street_required");
        var year = street.GetProperty("year").GetInt32();
        Assert.Equal(5, (await RecordsAsync($"?street=caiyuan&year={year}", admin)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await RecordsAsync($"?year={year - 1}", organizer)).GetProperty("total").GetInt32());
        await (await _app.GetAsync("/api/records?year=20x6", organizer)).ShouldBeProblemAsync(400, "invalid_year");
        await (await _app.GetAsync("/api/records")).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Fact]
    public async Task A_relay_that_runs_again_writes_the_same_record_once()
    {
        var (dispatcher, baosheng, organizer) = (await _app.DispatcherAsync(), await _app.LiaisonAsync(), await _app.OrganizerAsync());
        var (id, _) = await PublishedAsync(_app, dispatcher);
        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, baosheng)).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/wishes/{id}/fulfil", new { note = "书包已送到。", photos = new[] { Png } }, baosheng)).ReadJsonAsync(200);
        var before = await RowsAsync();
        var row = Assert.Single(before);

        // What the sweeper does after a crash between the notifier and the outbox row's deletion: the same event again.
        var state = (await _app.Services.GetRequiredService<WishStore>().LoadAsync(id, CancellationToken.None))!.State;
        var again = new EventMessage { Id = $"{id}:4", InstanceId = id, Sequence = 4, Type = nameof(WishFulfilled), OccurredAt = state.FulfilledAt!.Value };
        await _app.Services.GetRequiredService<INotifier<WishState>>().NotifyAsync(again, state, CancellationToken.None);
        await _app.Services.GetRequiredService<INotifier<WishState>>().NotifyAsync(again, state, CancellationToken.None);

        var after = Assert.Single(await RowsAsync());
        Assert.Equal((row.RowKey, row.GetString("UnitId"), row.GetDateTimeOffset("At")), (after.RowKey, after.GetString("UnitId"), after.GetDateTimeOffset("At")));
        Assert.Equal($"wish_fulfilled_{id}_4", after.RowKey);
        Assert.Equal(1, (await RecordsAsync("", organizer)).GetProperty("total").GetInt32());
        var counter = Assert.Single(await RowsAsync(counters: true)); // and counted once, beside it
        Assert.Equal(("wish_fulfilled", 1), (counter.GetString("Kind"), counter.GetInt32("Records")));
    }

    private async Task<JsonElement> RecordsAsync(string query, string key) => await (await _app.GetAsync($"/api/records{query}", key)).ReadJsonAsync(200);

    /// <summary>The record rows (or the month counters kept beside them: row keys from <c>~</c>, before the stamp <c>~~</c>).</summary>
    private async Task<List<TableEntity>> RowsAsync(bool counters = false)
    {
        var rows = new List<TableEntity>();
        await foreach (var r in _app.Storage.Table(TableNames.Records).QueryAsync<TableEntity>(counters ? "RowKey ge '~' and RowKey lt '~~'" : "RowKey lt '~'")) rows.Add(r);
        return rows;
    }

    private static List<(string, int)> Kinds(JsonElement kinds) =>
        kinds.EnumerateArray().Select(k => (k.GetProperty("kind").GetString()!, k.GetProperty("count").GetInt32())).ToList();

    /// <summary>A street project claimed by the health centre, approved, started and reported on (milestone m1).</summary>
    private async Task<string> ProjectReportedAsync(string organizer, string health)
    {
        var created = await (await _app.PostAsync("/api/projects", new
        {
            title = "健康服务在身边", category = "医疗健康", goal = "为老年人开展义诊。", needIds = Array.Empty<string>(),
            startsOn = DateTimeOffset.UtcNow.AddDays(-1), endsOn = DateTimeOffset.UtcNow.AddDays(120), unitsWanted = 2,
            milestones = new[] { new { title = "首场义诊", dueAt = DateTimeOffset.UtcNow.AddDays(30) } },
        }, organizer)).ReadJsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/publish", null, organizer)).ReadJsonAsync(200);
        var claimed = await (await _app.PostAsync($"/api/projects/{id}/claims", new { commitment = "每月义诊。", provideBy = DateTimeOffset.UtcNow.AddDays(20) }, health)).ReadJsonAsync(200);
        var claimId = claimed.GetProperty("claims")[0].GetProperty("claimId").GetString()!;
        await (await _app.PostAsync($"/api/projects/{id}/claims/{claimId}/approve", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/start", null, organizer)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/projects/{id}/milestones/m1/reports", new { text = "首场义诊服务 40 人次。" }, health)).ReadJsonAsync(200);
        return id;
    }
}
