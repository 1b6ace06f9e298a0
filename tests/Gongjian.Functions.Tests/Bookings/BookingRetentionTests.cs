using Azure.Data.Tables;
using Gongjian.Domain.Bookings;
using Gongjian.Engine;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Records;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Engine;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Bookings;

/// <summary>
/// PIPL retention of bookers' names and phones on real Azurite, through the engine's timer consumer (queue
/// <c>booking-timers</c>): each booking's contact is erased <c>Privacy:EraseAfter</c> after it ended — a cancelled one after
/// the cancel, a used one after its slot —, also from the stored <see cref="BookingRequested"/>, while the other bookings of
/// the ledger keep theirs until their own time; the record (共享资源使用) and the slots do not change; a timer delivered again
/// is stale. The requester still reads the booking back with the code, its contact gone.
/// </summary>
public sealed class BookingRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>An instant-booking 活动室 of 宝盛置业, open 08:00–18:00 every day; bookings two days ahead.</summary>
    private async Task<(string Id, string Liaison, DateOnly Day)> VenueAsync()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var id = (await (await _app.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 8:00–18:00",
        }, liaison)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var policy = new HttpRequestMessage(HttpMethod.Put, $"/api/resources/{id}/booking-policy")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                hours = Enum.GetNames<DayOfWeek>().Select(d => new { weekday = d.ToLowerInvariant(), opens = "08:00", closes = "18:00" }), slotMinutes = 60, instant = true,
            }),
        };
        policy.Headers.Authorization = new("Bearer", liaison);
        await (await _app.Http.SendAsync(policy)).ReadJsonAsync(200);
        return (id, liaison, DateOnly.FromDateTime(_clock.Now.AddHours(8).DateTime).AddDays(2));
    }

    private async Task<(string Id, string Code)> BookAsync(string resource, DateOnly day, string start, string end, string name, string phone)
    {
        var booked = await (await _app.PostAsync($"/api/resources/{resource}/bookings", new
        {
            date = day.ToString("yyyy-MM-dd"), start, end, name, phone, purpose = "楼道议事会", people = 12,
        })).ReadJsonAsync(201);
        return (booked.GetProperty("id").GetString()!, booked.GetProperty("cancelCode").GetString()!);
    }

    [Fact]
    public async Task Each_bookers_contact_is_erased_after_its_booking_ended_also_from_the_stored_events()
    {
        var (id, liaison, day) = await VenueAsync();
        var used = await BookAsync(id, day, "08:00", "09:00", "王芳", "13812345678");
        var cancelled = await BookAsync(id, day, "09:00", "10:00", "李强", "13987654321");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{cancelled.Id}/cancel", new { reason = "议事会改期。", code = cancelled.Code })).ReadJsonAsync(200);
        var cancelledAt = _clock.Now;
        _clock.Advance(TimeSpan.FromDays(3));
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{used.Id}/used", null, liaison)).ReadJsonAsync(200);

        var store = _app.Services.GetRequiredService<BookingStore>();
        var module = _app.Services.GetRequiredService<BookingModule>();
        var consumer = _app.Services.GetRequiredService<TimerConsumer<BookingLedgerState, BookingCommand, BookingEvent>>();
        var ledger = BookingLimits.LedgerId(id, day);
        var before = (await store.LoadAsync(ledger, CancellationToken.None))!.State;
        var records = await RecordsAsync(before);
        Assert.Contains(records, r => r.Kind == RecordKinds.BookingHosted);
        var timers = module.Timers(before).Where(t => t.Stage == Domain.Workflow.TimerStage.Erase).ToDictionary(t => t.Step!);
        Assert.Equal(cancelledAt + module.EraseAfter, timers[$"erase-{cancelled.Id}"].FireAt);
        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)) + module.EraseAfter, timers[$"erase-{used.Id}"].FireAt); // the slot's end
        string Message(string bookingId) => TimerArming.Message(QueueNames.BookingTimers, ledger, timers[$"erase-{bookingId}"], null).Body;

        // The cancelled booking's time comes first: its contact goes, the used one's stays.
        _clock.Now = timers[$"erase-{cancelled.Id}"].FireAt;
        await consumer.RunAsync(Message(cancelled.Id), CancellationToken.None);
        var history = (await store.LoadWithHistoryAsync(ledger, CancellationToken.None))!;
        var requests = history.Events.OfType<BookingRequested>().ToDictionary(r => r.BookingId);
        Assert.Equal(("", ""), (requests[cancelled.Id].Name, requests[cancelled.Id].Phone));
        Assert.Equal(("王芳", "13812345678"), (requests[used.Id].Name, requests[used.Id].Phone));
        Assert.Equal(("", ""), (history.State.Find(cancelled.Id)!.Name, history.State.Find(cancelled.Id)!.Phone));

        // Then the used one's; nothing of either contact is left in the ledger's partition.
        _clock.Now = timers[$"erase-{used.Id}"].FireAt;
        await consumer.RunAsync(Message(used.Id), CancellationToken.None);
        var erased = (await store.LoadWithHistoryAsync(ledger, CancellationToken.None))!;
        Assert.Equal(2, erased.Events.OfType<BookerContactErased>().Count());
        Assert.All(erased.Events.OfType<BookingRequested>(), r => Assert.Equal(("", "", "楼道议事会"), (r.Name, r.Phone, r.Purpose)));
        await foreach (var row in _app.Storage.Table(TableNames.Bookings).QueryAsync<TableEntity>(e => e.PartitionKey == ledger))
            foreach (var value in row.Select(p => p.Value).OfType<string>())
                Assert.True(!value.Contains("13812345678") && !value.Contains("13987654321") && !value.Contains("王芳") && !value.Contains("李强"), $"{row.RowKey}: {value}");

        // The slots, statuses, numbers and the record stay; a timer delivered again is stale.
        Assert.Equal(before.Bookings.Select(b => (b.Id, b.Status, b.Start, b.End, b.People, b.Purpose)), erased.State.Bookings.Select(b => (b.Id, b.Status, b.Start, b.End, b.People, b.Purpose)));
        Assert.Equal(module.Lists(before)!.Fields["Slots"], module.Lists(erased.State)!.Fields["Slots"]);
        await consumer.RunAsync(Message(cancelled.Id), CancellationToken.None);
        Assert.Equal(erased.State.Version, (await store.LoadAsync(ledger, CancellationToken.None))!.State.Version);
        Assert.Equal(records.Select(r => (r.Id, r.Kind, r.UnitId)), (await RecordsAsync(erased.State)).Select(r => (r.Id, r.Kind, r.UnitId)));

        // The requester still reads the booking back with the code: used, the contact erased.
        var lookup = await (await _app.GetAsync($"/api/resources/{id}/bookings/{used.Id}", trackingCode: used.Code)).ReadJsonAsync(200);
        Assert.Equal(("used", "已使用", "", "", true), (lookup.GetProperty("status").GetString(), lookup.GetProperty("statusText").GetString(),
            lookup.GetProperty("name").GetString(), lookup.GetProperty("phone").GetString(), lookup.GetProperty("contactErased").GetBoolean()));
    }

    private async Task<List<EvaluationRecord>> RecordsAsync(BookingLedgerState s) =>
        [.. (await _app.Services.GetRequiredService<RecordBook>().ReadAsync(s.StreetId, s.Day.Year, null, CancellationToken.None)).Where(r => r.SourceId == s.Id).OrderBy(r => r.Id)];

    [Fact]
    public async Task The_retention_arm_verb_arms_the_erase_timer_of_a_stored_ledger()
    {
        // A ledger whose erase timer message is not on the queue (stored before the module had one, or lost): the verb sends it.
        var (id, _, day) = await VenueAsync();
        var booking = await BookAsync(id, day, "10:00", "11:00", "王芳", "13812345678");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{booking.Id}/cancel", new { reason = "议事会改期。", code = booking.Code })).ReadJsonAsync(200);
        var module = _app.Services.GetRequiredService<BookingModule>();
        var ledger = BookingLimits.LedgerId(id, day);
        var erase = Assert.Single(module.Timers((await _app.Services.GetRequiredService<BookingStore>().LoadAsync(ledger, CancellationToken.None))!.State),
            t => t.Stage == Domain.Workflow.TimerStage.Erase);
        await EngineRig.DrainAsync(_app, QueueNames.BookingTimers);

        _clock.Now = erase.FireAt; // due now: the message the verb sends is visible at once
        Assert.Equal(1, await Cli.RetentionCommand.ArmAsync<BookingLedgerState, BookingCommand, BookingEvent>(_app.Services, CancellationToken.None));
        var message = Assert.Single(await EngineRig.DrainAsync(_app, QueueNames.BookingTimers));
        await _app.Services.GetRequiredService<TimerConsumer<BookingLedgerState, BookingCommand, BookingEvent>>().RunAsync(message.Body.ToString(), CancellationToken.None);
        var erased = (await _app.Services.GetRequiredService<BookingStore>().LoadWithHistoryAsync(ledger, CancellationToken.None))!;
        Assert.Equal(("", ""), (erased.State.Find(booking.Id)!.Name, erased.State.Find(booking.Id)!.Phone));
        Assert.Equal(("", ""), (erased.Events.OfType<BookingRequested>().Single().Name, erased.Events.OfType<BookingRequested>().Single().Phone));
        // Nothing left to erase: the verb arms nothing more.
        Assert.Equal(0, await Cli.RetentionCommand.ArmAsync<BookingLedgerState, BookingCommand, BookingEvent>(_app.Services, CancellationToken.None));
        var output = new StringWriter();
        Assert.Equal(0, await Cli.RetentionCommand.RunAsync(_app.Services, output, CancellationToken.None));
        Assert.StartsWith("Retention timers armed: bookings 0, activities 0, deliberations 0", output.ToString());
    }
}
