using Azure.Data.Tables;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Bookings;

/// <summary>
/// The booking ledger on the app's engine, on real Azurite: ten overlapping requests for an instant-booking 活动室 at
/// the same moment → exactly one approved, nine refused <c>slot_taken</c> (a 409), nothing half-written.
/// </summary>
public sealed class BookingConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static ResourceForBooking Room(string id) => new(id, "unit-1", "社区卫生服务中心", "street-1", "活动室", Retired: false, new BookingPolicy
    {
        Hours = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => new OpeningWindow(8 * 60, 21 * 60)), SlotMinutes = 30, Instant = true,
    });

    private static RequestBooking Request(ResourceForBooking room, int i, DateTimeOffset start) => new()
    {
        By = BookingActors.Requester, BookingId = $"bk-{i}", Resource = room, Start = start.AddMinutes(i % 3 * 30), End = start.AddMinutes(i % 3 * 30 + 90),
        Name = $"居民{i}", Phone = $"139000000{i:D2}", Purpose = "兴趣小组活动", People = 8, CodeHash = $"code-{i}",
    };

    [Fact]
    public async Task Ten_overlapping_requests_at_once_approve_exactly_one()
    {
        var store = _app.Services.GetRequiredService<BookingStore>();
        var room = Room("res-" + Guid.NewGuid().ToString("N")[..8]);
        var day = BookingLimits.BeijingDay(DateTimeOffset.UtcNow).AddDays(3);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Beijing);
        var ledger = BookingLimits.LedgerId(room.ResourceId, day);

        // Every request overlaps every other (starts 09:00, 09:30 or 10:00, 90 minutes each).
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => store.ExecuteAsync(ledger, Request(room, i, start), CancellationToken.None))));

        Assert.Single(outcomes, o => o.Succeeded);
        var refused = outcomes.Where(o => !o.Succeeded).Select(o => o.Rejection!).ToList();
        Assert.Equal(9, refused.Count);
        Assert.All(refused, r => Assert.Equal(("slot_taken", RejectionKind.Conflict, "该时段已被预约。"), (r.Code, r.Kind, r.Message)));

        // The stored ledger holds exactly the one booking, approved, and one event.
        var history = (await store.LoadWithHistoryAsync(ledger, CancellationToken.None))!;
        var booking = Assert.Single(history.State.Bookings);
        Assert.Equal(BookingStatus.Approved, booking.Status);
        Assert.Single(history.Events);
        Assert.Equal(1, history.State.Version);
    }

    [Fact]
    public async Task The_owner_units_list_row_shows_slots_and_counts_but_no_personal_data()
    {
        var store = _app.Services.GetRequiredService<BookingStore>();
        var room = Room("res-" + Guid.NewGuid().ToString("N")[..8]);
        var day = BookingLimits.BeijingDay(DateTimeOffset.UtcNow).AddDays(2);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), Beijing);
        var ledger = BookingLimits.LedgerId(room.ResourceId, day);
        Assert.True((await store.ExecuteAsync(ledger, Request(room, 1, start), CancellationToken.None)).Succeeded);
        // A replay of the same command with its message id answers the first result, no second booking.
        var first = await store.ExecuteAsync(ledger, Request(room, 2, start.AddHours(3)), CancellationToken.None, messageId: "m-2");
        var again = await store.ExecuteAsync(ledger, Request(room, 2, start.AddHours(3)), CancellationToken.None, messageId: "m-2");
        Assert.True(first.Succeeded);
        Assert.True(again is { Succeeded: true, Replayed: true });

        var index = _app.Storage.Table(TableNames.BookingIndex);
        var row = (await index.GetEntityAsync<TableEntity>("u-unit-1", $"{day:yyyyMMdd}-{room.ResourceId}")).Value;
        Assert.Equal(2, row.GetInt32("Approved"));
        Assert.Equal("活动室", row.GetString("Title"));
        var text = string.Join("|", row.Select(kv => kv.Value));
        Assert.DoesNotContain("居民", text);
        Assert.DoesNotContain("13900000", text);
        Assert.DoesNotContain("兴趣小组活动", text);
    }
}
