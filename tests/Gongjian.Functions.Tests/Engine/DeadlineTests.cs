using System.Text.Json;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Engine;

/// <summary>Durable timers through real queues: a due step withdraws or escalates, by itself.</summary>
public sealed class DeadlineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Unaccepted_dispatch_is_withdrawn_to_the_dispatcher_when_its_deadline_passes()
    {
        await using var app = await EngineRig.StartWithTriggersAsync(azurite, "--Sla:AcceptWithin=00:00:03");
        var (dispatcher, liaison) = (await app.DispatcherAsync(), await app.LiaisonAsync());
        var (id, _) = await app.PlaceAsync();
        var dispatched = await (await app.PostAsync($"/api/orders/{id}/dispatch", new { unitId = "baosheng-property" }, dispatcher)).ReadJsonAsync(200);
        Assert.Equal("accept", dispatched.GetProperty("deadline").GetProperty("step").GetString());

        var withdrawn = await EngineRig.WaitForOrderAsync(app, id, dispatcher, o => o.GetProperty("status").GetString() == "declined");

        var last = withdrawn.GetProperty("timeline").EnumerateArray().Last(e => e.GetProperty("type").GetString() != "note");
        Assert.Equal("withdrawn", last.GetProperty("type").GetString());
        Assert.Equal("超时未接单", last.GetProperty("reason").GetString());
        Assert.Equal("system", last.GetProperty("by").GetProperty("role").GetString());
        // The unit's accept arrives after the withdrawal: refused by rule, and the history says why.
        await (await app.PostAsync($"/api/orders/{id}/accept", new { }, liaison)).ShouldBeProblemAsync(409, "order_declined");
        var after = await (await app.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal("declined", after.GetProperty("status").GetString());
        Assert.Equal(withdrawn.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        var note = after.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("note", note.GetProperty("type").GetString());
        Assert.Equal("order_declined", note.GetProperty("reason").GetString());
        Assert.Equal("dispatch", withdrawn.GetProperty("deadline").GetProperty("step").GetString());
    }

    [Fact]
    public async Task Order_not_dispatched_in_time_is_escalated_to_the_street_once()
    {
        await using var app = await EngineRig.StartWithTriggersAsync(azurite, "--Sla:DispatchWithin=00:00:02", "--Logging:LogLevel:Default=Information");
        var organizer = await app.OrganizerAsync();
        var (id, _) = await app.PlaceAsync();

        var escalated = await EngineRig.WaitForOrderAsync(app, id, organizer,
            o => o.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "escalated"));

        Assert.True(escalated.GetProperty("overdue").GetBoolean());
        Assert.True(escalated.GetProperty("deadline").GetProperty("escalated").GetBoolean());
        await Task.Delay(3000);
        var later = await (await app.GetAsync($"/api/orders/{id}", organizer)).ReadJsonAsync(200);
        Assert.Single(later.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalated");

        // The street's list row says so too, without opening the order (the organizer's overview and the board read these).
        var row = await ListRowAsync(app, organizer, "/api/orders?streetId=caiyuan", id, r => r.TryGetProperty("deadline", out var d) && d.GetProperty("escalated").GetBoolean());
        Assert.True(row.GetProperty("deadline").GetProperty("overdue").GetBoolean());
        Assert.Equal(("dispatch", "派单"), (row.GetProperty("deadline").GetProperty("step").GetString(), row.GetProperty("deadline").GetProperty("stepName").GetString()));
    }

    /// <summary>The order's row in a staff list once it matches (the relay writes lists just after the answer).</summary>
    private static async Task<JsonElement> ListRowAsync(TestApp app, string key, string list, string id, Func<JsonElement, bool> ready)
    {
        for (var i = 0; ; i++)
        {
            var rows = (await (await app.GetAsync(list, key)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString() == id).ToArray();
            if (rows.Length == 1 && ready(rows[0]) || i == 200) return Assert.Single(rows);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Deadline_is_shown_on_the_order_and_missing_on_closed_ones()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var dispatcher = await app.DispatcherAsync();
        var (id, code) = await app.PlaceAsync();
        var placed = await (await app.GetAsync($"/api/orders/{id}", dispatcher)).ReadJsonAsync(200);
        var due = placed.GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(24), due - placed.GetProperty("placedAt").GetDateTimeOffset());
        Assert.False(placed.GetProperty("overdue").GetBoolean());
        var listed = await ListRowAsync(app, dispatcher, "/api/orders?communityId=dongqili", id, _ => true);
        Assert.Equal(due, listed.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(("dispatch", false, false), (listed.GetProperty("deadline").GetProperty("step").GetString(),
            listed.GetProperty("deadline").GetProperty("overdue").GetBoolean(), listed.GetProperty("deadline").GetProperty("escalated").GetBoolean()));

        var cancelled = await (await app.PostAsync($"/api/orders/{id}/cancel", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal(JsonValueKind.Undefined, cancelled.TryGetProperty("deadline", out var d) ? d.ValueKind : JsonValueKind.Undefined);
        Assert.False(cancelled.GetProperty("overdue").GetBoolean());
        var closed = await ListRowAsync(app, dispatcher, "/api/orders?communityId=dongqili", id, r => r.GetProperty("status").GetString() == "cancelled");
        Assert.False(closed.TryGetProperty("deadline", out _));
    }
}
