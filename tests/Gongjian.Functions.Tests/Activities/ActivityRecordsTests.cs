using Gongjian.Domain.Activities;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Records;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// Attendance recorded on a unit's activity writes the records for evaluation on real Azurite: one per person who
/// attended (by person key, with hours) and one for the organising unit with the hours in all.
/// </summary>
public sealed class ActivityRecordsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor Liaison = new(ActorRole.Liaison, "caiyuan-health-centre");
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Attendance_writes_hours_per_person_and_per_organising_unit()
    {
        var store = _app.Services.GetRequiredService<ActivityStore>();
        var id = "a" + Guid.NewGuid().ToString("N")[..10];
        var street = "st" + Guid.NewGuid().ToString("N")[..8];
        var starts = _clock.Now.AddDays(2);
        await ActivityClient.AnnounceUnitActivityAsync(store, Liaison, id, street, starts, capacity: 5);
        await ActivityClient.RegisterAsync(store, id, 1, 2, 3);

        _clock.Now = starts.AddHours(3);
        var done = await store.ExecuteAsync(id, new RecordAttendance { By = Liaison, Lines = [new("pk1", 2m), new("pk3", 1.5m)] }, CancellationToken.None);
        Assert.Null(done.Rejection);

        var records = await _app.Services.GetRequiredService<RecordBook>().ReadAsync(street, 2026, null, CancellationToken.None);
        var people = records.Where(r => r.Kind == RecordKinds.ActivityAttended).OrderBy(r => r.PersonKey).ToList();
        Assert.Equal([("pk1", "resident", 2.0), ("pk3", "volunteer", 1.5)], people.Select(r => (r.PersonKey!, r.ClaimerKind, r.Hours!.Value)));
        var hosted = Assert.Single(records, r => r.Kind == RecordKinds.ActivityHosted);
        Assert.Equal((Liaison.Id, 3.5), (hosted.UnitId!, hosted.Hours!.Value));
        Assert.DoesNotContain(records, r => r.Title.Contains("居民", StringComparison.Ordinal));
    }
}
