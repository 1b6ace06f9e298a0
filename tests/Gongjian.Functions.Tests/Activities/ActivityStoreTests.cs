using Azure.Data.Tables;
using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// 活动预告与报名 on the engine inside the app, on real Azurite: registrations at the same moment never exceed the
/// capacity, the rest wait in order; lists carry counts, never names or phones.
/// </summary>
public sealed class ActivityStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor Organizer = new(ActorRole.Organizer, "key-org");
    private static readonly Actor Resident = new(ActorRole.Resident, "public");
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ActivityStore Store => _app.Services.GetRequiredService<ActivityStore>();
    private ActivityRegistrar Registrar => _app.Services.GetRequiredService<ActivityRegistrar>();

    private async Task<string> AnnouncedAsync(int capacity)
    {
        var id = "a" + Guid.NewGuid().ToString("N")[..10];
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var outcome = await Store.ExecuteAsync(id, new AnnounceActivity
        {
            By = Organizer, ActivityId = id, CommunityId = "liuxiang-1", StreetId = "liuxiang", OrganiserKind = OrganiserKind.Community,
            Title = "学雷锋便民服务日", Category = "volunteer", Place = "柳巷社区广场", StartsAt = starts, EndsAt = starts.AddHours(3),
            Deadline = starts.AddHours(-12), Capacity = capacity, Audiences = [ActivityAudience.Residents],
        }, CancellationToken.None);
        Assert.Null(outcome.Rejection);
        return id;
    }

    private static RegisterForActivity Register(int n) => new()
    {
        By = Resident, PersonKey = $"pk{n:D3}", Name = $"居民{n}", Phone = $"139{n:D8}", Audience = ActivityAudience.Residents,
        CancelCodeHash = $"h{n}", CheckInCode = $"C{n:D3}",
    };

    [Fact]
    public async Task Fifty_registrations_at_once_for_twenty_places_give_twenty_registered_and_thirty_waiting()
    {
        var id = await AnnouncedAsync(capacity: 20);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(n => Task.Run(() => Registrar.RunAsync(id, Register(n), $"reg-{id}-{n}", CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Null(o.Rejection));
        var loaded = (await Store.LoadWithHistoryAsync(id, CancellationToken.None))!;
        Assert.Equal((20, 30), (loaded.State.Registered.Count, loaded.State.Waiting.Count));
        Assert.Equal(50, loaded.Events.OfType<ParticipantRegistered>().Count());
        Assert.Equal(loaded.Events.Count, loaded.State.Version);
        // Positions handed out are 1..30, each once, in the order they were written.
        var positions = loaded.Events.OfType<ParticipantRegistered>().Where(e => e.WaitingPosition is not null).Select(e => e.WaitingPosition!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 30), positions);

        // A cancellation frees a place for the first waiting person.
        var first = loaded.State.Waiting[0].PersonKey;
        var cancelled = await Registrar.RunAsync(id, new CancelRegistration { By = Organizer, PersonKey = loaded.State.Registered[0].PersonKey }, $"cancel-{id}", CancellationToken.None);
        Assert.Null(cancelled.Rejection);
        Assert.Contains(cancelled.State.Registered, p => p.PersonKey == first);
        Assert.Equal((20, 29), (cancelled.State.Registered.Count, cancelled.State.Waiting.Count));
    }

    [Fact]
    public async Task List_rows_show_counts_and_no_names_or_phones()
    {
        var id = await AnnouncedAsync(capacity: 1);
        await Registrar.RunAsync(id, Register(1), $"r1-{id}", CancellationToken.None);
        await Registrar.RunAsync(id, Register(2), $"r2-{id}", CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var r in _app.Storage.Table(TableNames.ActivityIndex).QueryAsync<TableEntity>(e => e.PartitionKey == ActivityModule.CommunityList("liuxiang-1")))
            if (r.RowKey.EndsWith("-" + id, StringComparison.Ordinal)) rows.Add(r);
        var row = Assert.Single(rows);
        Assert.Equal((1, 1), (row.GetInt32("RegisteredCount"), row.GetInt32("WaitingCount")));
        var text = string.Join("|", row.Select(kv => kv.Value));
        Assert.DoesNotContain("居民1", text);
        Assert.DoesNotContain("13900000001", text);
        Assert.DoesNotContain("pk001", text);
    }
}
