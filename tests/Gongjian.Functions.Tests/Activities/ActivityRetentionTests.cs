using Azure.Data.Tables;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;
using Gongjian.Engine;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Records;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// PIPL retention of registrants' names and phones on real Azurite, through the engine's timer consumer (queue
/// <c>activity-timers</c>): <c>Privacy:EraseAfter</c> after the activity ended every stored registration loses them — a
/// cancelled registration's too —, while the person keys, hours, counts and the records for evaluation stay the same; a
/// timer armed for another end, or delivered again, is stale.
/// </summary>
public sealed class ActivityRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor Liaison = new(ActorRole.Liaison, "caiyuan-health-centre");
    private static readonly Actor Resident = new(ActorRole.Resident, "public");
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Registrants_contacts_are_erased_after_the_end_keeping_keys_hours_counts_and_records()
    {
        var store = _app.Services.GetRequiredService<ActivityStore>();
        var module = _app.Services.GetRequiredService<ActivityModule>();
        var consumer = _app.Services.GetRequiredService<TimerConsumer<ActivityState, ActivityCommand, ActivityEvent>>();
        var id = ActivityAccess.NewId(_clock.Now);
        var street = "st" + Guid.NewGuid().ToString("N")[..8];
        var starts = _clock.Now.AddDays(2);
        await ActivityClient.AnnounceUnitActivityAsync(store, Liaison, id, street, starts, capacity: 2);
        await ActivityClient.RegisterAsync(store, id, 1, 2, 3);
        // pk2 cancels (its stored registration keeps the name until the erasure); pk3 moves up from the waiting list.
        Assert.Null((await store.ExecuteAsync(id, new CancelRegistration { By = Resident, PersonKey = "pk2", CancelCodeHash = "h2" }, CancellationToken.None)).Rejection);
        _clock.Now = starts.AddHours(3);
        Assert.Null((await store.ExecuteAsync(id, new RecordAttendance { By = Liaison, Lines = [new("pk1", 2m), new("pk3", 1.5m)] }, CancellationToken.None)).Rejection);

        var before = (await store.LoadAsync(id, CancellationToken.None))!.State;
        var records = await RecordsAsync(street, id);
        Assert.Equal(3, records.Count); // two people who attended and the organising unit
        var erase = Assert.Single(module.Timers(before), t => t.Stage == TimerStage.Erase);
        Assert.Equal((starts.AddHours(2), starts.AddHours(2) + module.EraseAfter), (erase.StartedAt, erase.FireAt));
        string Message(TimerSpec t) => TimerArming.Message(QueueNames.ActivityTimers, id, t, null).Body;

        // A timer armed for another end (say the start) is stale, even when due.
        _clock.Now = erase.FireAt;
        await consumer.RunAsync(Message(erase with { StartedAt = starts }), CancellationToken.None);
        Assert.Equal(before.Version, (await store.LoadAsync(id, CancellationToken.None))!.State.Version);

        await consumer.RunAsync(Message(erase), CancellationToken.None);
        var erased = (await store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Single(erased.Events.OfType<RegistrantContactsErased>());
        var registrations = erased.Events.OfType<ParticipantRegistered>().Select(e => e.Participant).ToList();
        Assert.Equal(["pk1", "pk2", "pk3"], registrations.Select(p => p.PersonKey));
        Assert.All(registrations, p => Assert.Equal(("", ""), (p.Name, p.Phone)));
        await foreach (var row in _app.Storage.Table(TableNames.Activities).QueryAsync<TableEntity>(e => e.PartitionKey == id))
            foreach (var value in row.Select(p => p.Value).OfType<string>())
                Assert.True(!value.Contains("居民") && !value.Contains("1390000000"), $"{row.RowKey}: {value}");

        // Keys, check-ins, hours, the counts in the lists and the records are as they were; again is stale.
        Assert.Equal(before.Registered.Select(p => (p.PersonKey, p.Audience, p.Hours, p.CheckedInAt)), erased.State.Registered.Select(p => (p.PersonKey, p.Audience, p.Hours, p.CheckedInAt)));
        Assert.Equal(module.Lists(before)!.Fields.OrderBy(f => f.Key), module.Lists(erased.State)!.Fields.OrderBy(f => f.Key));
        Assert.Equal(records.Select(r => (r.Id, r.Kind, r.PersonKey, r.Hours)), (await RecordsAsync(street, id)).Select(r => (r.Id, r.Kind, r.PersonKey, r.Hours)));
        await consumer.RunAsync(Message(erase), CancellationToken.None);
        Assert.Equal(erased.State.Version, (await store.LoadAsync(id, CancellationToken.None))!.State.Version);

        // The organiser's timeline: every step still there, people as 报名人, and the erasure itself.
        var timeline = await (await _app.GetAsync($"/api/activities/{id}/timeline", await _app.LiaisonAsync(Liaison.Id))).ReadJsonAsync(200);
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.DoesNotContain(entries, e => e.GetProperty("description").GetString()!.Contains("居民"));
        Assert.Contains(entries, e => e.GetProperty("description").GetString() == "报名人报名（已报名 1/2）");
        Assert.Equal("contacts_erased", entries[^1].GetProperty("type").GetString());
    }

    private async Task<List<EvaluationRecord>> RecordsAsync(string street, string id) =>
        [.. (await _app.Services.GetRequiredService<RecordBook>().ReadAsync(street, 2026, null, CancellationToken.None)).Where(r => r.SourceId == id).OrderBy(r => r.Id)];
}
