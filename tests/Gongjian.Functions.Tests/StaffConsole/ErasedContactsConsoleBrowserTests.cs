using Gongjian.Domain.Activities;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Workflow;
using Gongjian.Engine;
using Gongjian.Functions.Activities;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.StaffConsole;

/// <summary>
/// What the organiser reads of an activity whose registrants' names and phones were erased after the retention period
/// (<c>ContactRetention</c>, 180 days after the end): the app's clock (<see cref="ShiftedClock"/>) moves past the end and
/// then past the retention, the module's erase timer runs as the timer queue would, and the console shows 已按期删除 where
/// the names were, the phones empty, the counts and hours unchanged; the same for a booking cancelled 180 days ago on the
/// resource's day (联系方式已按期删除) beside one still held. Screenshots: activity-contacts-erased, bookings-contact-erased.
/// </summary>
public sealed class ErasedContactsConsoleBrowserTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;
    private ConsoleBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, services => services.AddSingleton<TimeProvider>(_clock));
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_organiser_reads_已按期删除_where_the_registrants_names_were()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher);
        foreach (var person in new[] { 0, 1 }) await RegisteredAsync(_app, id, person);
        var view = await (await _app.GetAsync($"/api/activities/{id}", dispatcher)).ReadJsonAsync(200);
        var keys = view.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("personKey").GetString()!).ToList();

        // It ends and the organiser records the hours.
        _clock.Shift(view.GetProperty("endsAt").GetDateTimeOffset() - _clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        await (await PostAsync(_app, $"/api/activities/{id}/attendance", new { lines = keys.Select(k => new { personKey = k, hours = 2m }) }, dispatcher)).ReadJsonAsync(200);

        // The retention timer fires (as the queue would deliver it) when its day comes.
        var store = _app.Services.GetRequiredService<ActivityStore>();
        var module = _app.Services.GetRequiredService<ActivityModule>();
        var consumer = _app.Services.GetRequiredService<TimerConsumer<ActivityState, ActivityCommand, ActivityEvent>>();
        var erase = Assert.Single(module.Timers((await store.LoadAsync(id, CancellationToken.None))!.State), t => t.Stage == TimerStage.Erase);
        Assert.True(erase.FireAt - erase.StartedAt >= TimeSpan.FromDays(180), $"kept {erase.FireAt - erase.StartedAt}");
        _clock.Shift(erase.FireAt - _clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await consumer.RunAsync(TimerArming.Message(QueueNames.ActivityTimers, id, erase, null).Body, CancellationToken.None);

        var page = await _browser.OpenAsync();
        await page.GotoAsync(new Uri(_app.Http.BaseAddress!, "/console/").ToString());
        await page.GetByPlaceholder("gjk_…").FillAsync(await _app.DispatcherAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        await page.GotoAsync(new Uri(_app.Http.BaseAddress!, $"/console/activities/{id}").ToString());
        var registered = page.GetByTestId("activity-registered");
        await registered.Locator("tbody tr", new() { HasText = "已按期删除" }).Nth(1).WaitForAsync();
        var text = await registered.InnerTextAsync();
        foreach (var (name, phone) in Residents.Take(2)) { Assert.DoesNotContain(name, text); Assert.DoesNotContain(phone, text); }
        Assert.Contains("报名名单（2/2", text);
        await page.GetByTestId("activity-counts").GetByText("已报名 2/2").WaitForAsync();
        await ConsoleBrowser.ShootAsync(page, "activity-contacts-erased");
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }

    [Fact]
    public async Task The_resources_owner_reads_联系方式已按期删除_on_a_booking_ended_180_days_ago()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var id = (await (await _app.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 8:00–18:00",
        }, liaison)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        var everyDay = Enum.GetNames<DayOfWeek>().Select(d => new { weekday = d.ToLowerInvariant(), opens = "08:00", closes = "18:00" });
        await (await _app.SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", new { hours = everyDay, slotMinutes = 60, instant = true }, liaison)).ReadJsonAsync(200);
        var day = DateOnly.FromDateTime(_clock.GetUtcNow().AddHours(8).DateTime).AddDays(2);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<(string Id, string Code)> BookAsync(string start, string end, string name, string phone)
        {
            var booked = await (await _app.PostAsync($"/api/resources/{id}/bookings", new { date, start, end, name, phone, purpose = "楼道议事会", people = 12 })).ReadJsonAsync(201);
            return (booked.GetProperty("id").GetString()!, booked.GetProperty("cancelCode").GetString()!);
        }
        var cancelled = await BookAsync("09:00", "10:00", "李强", "13987654321");
        await BookAsync("14:00", "15:00", "王芳", "13812345678");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{cancelled.Id}/cancel", new { reason = "议事会改期。", code = cancelled.Code })).ReadJsonAsync(200);

        // 180 days after the cancel the cancelled booking's retention timer fires (as the queue would deliver it).
        var store = _app.Services.GetRequiredService<BookingStore>();
        var module = _app.Services.GetRequiredService<BookingModule>();
        var consumer = _app.Services.GetRequiredService<TimerConsumer<BookingLedgerState, BookingCommand, BookingEvent>>();
        var ledger = BookingLimits.LedgerId(id, day);
        var erase = Assert.Single(module.Timers((await store.LoadAsync(ledger, CancellationToken.None))!.State), t => t.Step == $"erase-{cancelled.Id}");
        _clock.Shift(erase.FireAt - _clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await consumer.RunAsync(TimerArming.Message(QueueNames.BookingTimers, ledger, erase, null).Body, CancellationToken.None);

        var page = await _browser.OpenAsync();
        await page.GotoAsync(new Uri(_app.Http.BaseAddress!, "/console/").ToString());
        await page.GetByPlaceholder("gjk_…").FillAsync(await _app.LiaisonAsync("baosheng-property"));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        await page.GotoAsync(new Uri(_app.Http.BaseAddress!, $"/console/bookings?resource={id}&date={date}").ToString());
        var card = page.GetByTestId("booking-day");
        await card.Locator("tr", new() { HasText = "09:00–10:00" }).GetByText("联系方式已按期删除").WaitForAsync();
        var kept = card.Locator("tr", new() { HasText = "14:00–15:00" });
        await kept.GetByText("王**").WaitForAsync();
        Assert.DoesNotContain("李", await card.Locator("tr", new() { HasText = "09:00–10:00" }).InnerTextAsync());
        await ConsoleBrowser.ShootAsync(page, "bookings-contact-erased");
        Assert.True(_browser.Complaints.Count == 0, string.Join("\n", _browser.Complaints));
    }
}
