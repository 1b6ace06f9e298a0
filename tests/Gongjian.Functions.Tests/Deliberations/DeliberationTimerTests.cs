using Gongjian.Domain.Deliberations;
using Gongjian.Engine;
using Gongjian.Functions.Deliberations;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Deliberations.DeliberationClient;

namespace Gongjian.Functions.Tests.Deliberations;

/// <summary>
/// The vote's deadline on the engine's timers (queue <c>deliberation-timers</c>, Azurite): the timer armed when the meeting
/// was scheduled closes the vote by its rule at the deadline, as the system; a vote after it is refused; the same timer
/// delivered again changes nothing. And the retention timer: a resident raiser's name and phone erased a while after the end.
/// </summary>
public sealed class DeliberationTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_vote_closes_by_its_timer_at_the_deadline_and_a_redelivery_is_stale()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await RaisedAsync(_app);
        await (await _app.PostAsync($"/api/deliberations/{id}/accept", null, dispatcher)).ReadJsonAsync(200);
        var now = DateTimeOffset.UtcNow;
        await (await _app.PostAsync($"/api/deliberations/{id}/meeting", new
        {
            at = now.AddHours(1), place = "八仙议事厅", parties = new[] { "resident_reps" },
            vote = new { question = "是否加装充电桩", rule = "two_thirds", closesAt = now.AddSeconds(3) },
        }, dispatcher)).ReadJsonAsync(200);
        await (await VoteAsync(_app, id, VoterPhones[0])).ReadJsonAsync(200);
        await (await VoteAsync(_app, id, VoterPhones[1], "against")).ReadJsonAsync(200);

        var store = _app.Services.GetRequiredService<DeliberationStore>();
        var consumer = _app.Services.GetRequiredService<TimerConsumer<DeliberationState, DeliberationCommand, DeliberationEvent>>();
        var handled = new List<string>();
        // Until the condition holds (the message is invisible until its time; an early one hops and comes back).
        for (var i = 0; i < 300 && !(await store.LoadAsync(id, CancellationToken.None))!.State.VoteClosed; i++)
        {
            foreach (var m in await EngineRig.DrainAsync(_app, QueueNames.DeliberationTimers))
            {
                handled.Add(m.Body.ToString());
                await consumer.RunAsync(m.Body.ToString(), CancellationToken.None);
            }
            await Task.Delay(100);
        }

        var loaded = (await store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        var closed = Assert.Single(loaded.Events.OfType<VoteClosed>());
        Assert.Equal(("system", false, new VoteTally(1, 1, 0)), (closed.By.Id, closed.Passed, closed.Tally)); // 1 of 2 is not two thirds
        Assert.Contains(handled, h => h.Contains(id, StringComparison.Ordinal));
        await (await VoteAsync(_app, id, VoterPhones[2])).ShouldBeProblemAsync(409, "vote_closed");
        foreach (var body in handled) await consumer.RunAsync(body, CancellationToken.None);
        Assert.Single((await store.LoadWithHistoryAsync(id, CancellationToken.None))!.Events.OfType<VoteClosed>());
    }

    [Fact]
    public async Task The_raisers_contact_is_erased_after_the_retention_period_also_from_the_stored_events()
    {
        await using var app = await TestApp.StartAsync(azurite, "--Privacy:EraseAfter=00:00:02");
        var dispatcher = await app.DispatcherAsync();
        var (id, code) = await RaisedAsync(app);
        Assert.True((await DeliberationAsync(app, id, dispatcher)).GetProperty("contactVisible").GetBoolean());
        await (await app.PostAsync($"/api/deliberations/{id}/decline", new { reason = "属于业主委员会事项，已转交。" }, dispatcher)).ReadJsonAsync(200);

        var store = app.Services.GetRequiredService<DeliberationStore>();
        var consumer = app.Services.GetRequiredService<TimerConsumer<DeliberationState, DeliberationCommand, DeliberationEvent>>();
        for (var i = 0; i < 300 && (await store.LoadAsync(id, CancellationToken.None))!.State.Contact is not null; i++)
        {
            foreach (var m in await EngineRig.DrainAsync(app, QueueNames.DeliberationTimers)) await consumer.RunAsync(m.Body.ToString(), CancellationToken.None);
            await Task.Delay(100);
        }

        var loaded = (await store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Null(loaded.State.Contact);
        Assert.Single(loaded.Events.OfType<RaiserContactErased>());
        Assert.Null(Assert.Single(loaded.Events.OfType<TopicRaised>()).Contact);
        var shown = await DeliberationAsync(app, id, dispatcher);
        Assert.False(shown.TryGetProperty("contact", out var contact) && contact.ValueKind != System.Text.Json.JsonValueKind.Null, shown.ToString());
        Assert.False(shown.GetProperty("contactVisible").GetBoolean());
        Assert.Equal("declined", shown.GetProperty("status").GetString());
        // The topic and its tracking code stay: the raiser can still look it up.
        var progress = await app.GetAsync($"/api/deliberations/{id}/progress", trackingCode: code);
        Assert.True(progress.IsSuccessStatusCode, await progress.Content.ReadAsStringAsync());
    }
}
