using System.Text.Json;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// 活动报名 over HTTP on the real app and Azurite: places, then the waiting list with positions; a cancellation moves the
/// first waiting person up; double registrations and late ones are refused with a stable code and a Chinese title.
/// </summary>
public sealed class ActivityRegistrationHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, services => services.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Places_fill_then_the_waiting_list_and_a_cancellation_promotes_the_first_waiting()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher, NewActivity(capacity: 2));

        var first = await RegisteredAsync(_app, id, 0);
        Assert.Equal("registered", first.GetProperty("status").GetString());
        Assert.Equal("已报名", first.GetProperty("statusText").GetString());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", first.GetProperty("registrationCode").GetString()!);
        Assert.Equal(6, first.GetProperty("checkInCode").GetString()!.Length);
        var second = await RegisteredAsync(_app, id, 1);
        Assert.Equal("registered", second.GetProperty("status").GetString());

        var third = await RegisteredAsync(_app, id, 2);
        Assert.Equal("waiting", third.GetProperty("status").GetString());
        Assert.Equal("候补第1位", third.GetProperty("statusText").GetString());
        Assert.Equal(1, third.GetProperty("waitingPosition").GetInt32());
        Assert.Contains("候补第1位", third.GetProperty("message").GetString());
        var fourth = await RegisteredAsync(_app, id, 3);
        Assert.Equal("候补第2位", fourth.GetProperty("statusText").GetString());

        await (await RegisterAsync(_app, id, 0)).ShouldBeProblemAsync(409, "already_registered");
        await (await RegisterAsync(_app, id, 2)).ShouldBeProblemAsync(409, "already_waiting");

        // The second person cancels with their code: the first waiting takes the place, the second waiting moves up.
        var cancel = $"/api/activities/{id}/registrations/cancel";
        await (await PostAsync(_app, cancel, new { phone = Residents[1].Phone, code = "AAAA-BBBB" })).ShouldBeProblemAsync(403, "wrong_code");
        await (await PostAsync(_app, cancel, new { phone = "13100000000", code = second.GetProperty("registrationCode").GetString() })).ShouldBeProblemAsync(409, "not_registered");
        var cancelled = await (await PostAsync(_app, cancel, new { phone = Residents[1].Phone, code = second.GetProperty("registrationCode").GetString() })).ReadJsonAsync(200);
        Assert.Equal("已取消报名", cancelled.GetProperty("statusText").GetString());

        var view = await (await _app.GetAsync($"/api/activities/{id}", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(2, view.GetProperty("registeredCount").GetInt32());
        Assert.Equal(1, view.GetProperty("waitingCount").GetInt32());
        var participants = view.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal([Residents[0].Name, Residents[2].Name, Residents[3].Name], participants.Select(p => p.GetProperty("name").GetString()));
        Assert.False(participants[1].GetProperty("waiting").GetBoolean());
        Assert.Equal(1, participants[2].GetProperty("waitingPosition").GetInt32());
    }

    [Fact]
    public async Task Registering_after_the_deadline_is_refused()
    {
        var id = await AnnounceAsync(_app, await _app.DispatcherAsync(), NewActivity(deadlineIn: TimeSpan.FromHours(1)));
        _clock.Shift(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var problem = await (await RegisterAsync(_app, id, 0)).ShouldBeProblemAsync(409, "registration_closed");
        Assert.Contains("报名已截止", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_retry_under_the_same_key_registers_once()
    {
        var id = await AnnounceAsync(_app, await _app.DispatcherAsync(), NewActivity(capacity: 1));
        var body = new { name = Residents[0].Name, phone = Residents[0].Phone, kind = "residents" };
        var first = await PostAsync(_app, $"/api/activities/{id}/registrations", body, idempotencyKey: "reg-1");
        Assert.Equal("registered", (await first.ReadJsonAsync(201)).GetProperty("status").GetString());
        var again = await PostAsync(_app, $"/api/activities/{id}/registrations", body, idempotencyKey: "reg-1");
        var replayed = await again.ReadJsonAsync(201);
        Assert.Equal("registered", replayed.GetProperty("status").GetString());
        Assert.False(replayed.TryGetProperty("registrationCode", out _));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Check_in_by_code_and_by_person()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher, NewActivity(capacity: 3, deadlineIn: TimeSpan.FromHours(1), startsIn: TimeSpan.FromHours(2)));
        var first = await RegisteredAsync(_app, id, 0);
        await RegisteredAsync(_app, id, 1);
        // Check-in opens on the day (Beijing time) or while the activity runs: the clock moves into the activity, whatever
        // the hour this test runs at.
        _clock.Shift(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        var byCode = await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { code = first.GetProperty("checkInCode").GetString() }, dispatcher)).ReadJsonAsync(200);
        Assert.True(byCode.GetProperty("participants")[0].TryGetProperty("checkedInAt", out _));
        var personKey = byCode.GetProperty("participants")[1].GetProperty("personKey").GetString();
        var byPerson = await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { personKey }, dispatcher)).ReadJsonAsync(200);
        Assert.True(byPerson.GetProperty("participants")[1].TryGetProperty("checkedInAt", out _));
        await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { personKey }, dispatcher)).ShouldBeProblemAsync(409, "already_checked_in");
        await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { code = "ZZZZZZ" }, dispatcher)).ShouldBeProblemAsync(409, "not_registered");
        await (await PostAsync(_app, $"/api/activities/{id}/checkin", new { }, dispatcher)).ShouldBeProblemAsync(400, "person_or_code_required");
        // Attendance waits for the end.
        await (await PostAsync(_app, $"/api/activities/{id}/attendance", new { lines = new[] { new { personKey, hours = 2m } } }, dispatcher))
            .ShouldBeProblemAsync(409, "activity_not_ended");
    }
}
