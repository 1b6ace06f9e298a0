using Gongjian.Functions.Tests.Contract;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Bookings;

/// <summary>
/// Every answer of the 资源共享预约 operations against the published contract. Used and no-show need a slot that began,
/// so this cycle runs on a clock of its own (the shared contract cycle leaves the tag to it).
/// </summary>
public sealed class BookingContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string Tag = "资源共享预约 Bookings";
    private readonly MovableClock _clock = new();
    private TestApp _app = null!;
    private CheckedClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
        var document = await (await _app.GetAsync("/api/openapi.json")).ReadJsonAsync(200);
        _api = new CheckedClient(_app.Http, new PublishedContract(document));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Every_booking_answer_matches_its_published_schema()
    {
        var (post, get) = (HttpMethod.Post, HttpMethod.Get);
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var organizer = await _app.OrganizerAsync();
        var day = DateOnly.FromDateTime(_clock.Now.AddHours(8).DateTime).AddDays(2).ToString("yyyy-MM-dd");
        object Book(string start, string end) => new { date = day, start, end, name = "王芳", phone = "13812345678", purpose = "楼道议事会", people = 12 };

        var id = (await _api.SendAsync(post, "/api/resources", 201, new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 8:00–18:00",
        }, liaison)).GetProperty("id").GetString()!;
        await _api.SendAsync(post, $"/api/resources/{id}/bookings", 409, Book("09:00", "10:00"));
        await _api.SendAsync(get, $"/api/resources/{id}/booking-policy", 404, key: liaison);
        await _api.SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", 200, new
        {
            hours = Enum.GetNames<DayOfWeek>().Select(d => new { weekday = d.ToLowerInvariant(), opens = "08:00", closes = "18:00" }), slotMinutes = 60, instant = false,
        }, liaison);
        await _api.SendAsync(get, $"/api/resources/{id}/booking-policy", 200, key: organizer);

        string Id(System.Text.Json.JsonElement e) => e.GetProperty("id").GetString()!;
        var used = Id(await _api.SendAsync(post, $"/api/resources/{id}/bookings", 201, Book("08:00", "09:00")));
        await _api.SendAsync(post, $"/api/resources/{id}/bookings", 409, Book("08:00", "10:00"));
        await _api.SendAsync(post, $"/api/resources/{id}/bookings", 400, Book("07:00", "08:00"));
        var noShow = Id(await _api.SendAsync(post, $"/api/resources/{id}/bookings", 201, Book("09:00", "10:00")));
        var declined = Id(await _api.SendAsync(post, $"/api/resources/{id}/bookings", 201, Book("10:00", "11:00")));
        var cancelled = await _api.SendAsync(post, $"/api/resources/{id}/bookings", 201, Book("11:00", "12:00"));
        var cancelCode = cancelled.GetProperty("cancelCode").GetString();
        await _api.SendAsync(get, $"/api/resources/{id}/bookings/{Id(cancelled)}", 200, tracking: cancelCode);
        await _api.SendAsync(get, $"/api/resources/{id}/bookings/{Id(cancelled)}", 404, tracking: "WRNG-CODE");
        await _api.SendAsync(get, $"/api/resources/{id}/bookings/{Id(cancelled)}", 401);
        await _api.SendAsync(get, $"/api/resources/{id}/availability?date={day}", 200);
        await _api.SendAsync(get, $"/api/resources/{id}/availability?date=tomorrow", 400);
        await _api.SendAsync(get, $"/api/resources/{id}/availability/range?from={day}&to={DateOnly.Parse(day).AddDays(13):yyyy-MM-dd}", 200);
        await _api.SendAsync(get, $"/api/resources/{id}/availability/range?from={day}&to={DateOnly.Parse(day).AddDays(-1):yyyy-MM-dd}", 400);
        await _api.SendAsync(get, $"/api/resources/{id}/bookings?date={day}", 200, key: liaison);
        await _api.SendAsync(get, $"/api/resources/{id}/bookings?date={day}", 200, key: organizer);
        await _api.SendAsync(get, $"/api/resources/{id}/bookings?date=tomorrow", 400, key: liaison);

        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{used}/approve", 403, key: await _app.DispatcherAsync());
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{used}/approve", 200, key: liaison);
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{noShow}/approve", 200, key: liaison);
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{declined}/decline", 200, new { reason = "当天已安排党员活动。" }, liaison);
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{Id(cancelled)}/cancel", 200, new { reason = "议事会改期。", code = cancelled.GetProperty("cancelCode").GetString() });
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{used}/used", 409, key: liaison);

        _clock.Advance(TimeSpan.FromDays(3));
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{used}/used", 200, key: liaison);
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{noShow}/no-show", 200, key: liaison);
        await _api.SendAsync(post, $"/api/resources/{id}/bookings/{noShow}/used", 409, key: liaison);
        await _api.SendAsync(get, "/api/bookings?unit=baosheng-property", 200, key: liaison);
        await _api.SendAsync(get, "/api/bookings?street=caiyuan", 200, key: organizer);
        await _api.SendAsync(get, "/api/bookings?street=xianying", 403, key: organizer);

        var missed = Operations(_api).Where(o => o.Tag == Tag && !_api.Seen.Contains((o.Id, o.Success))).Select(o => $"{o.Id} {o.Success}").ToList();
        Assert.True(missed.Count == 0, "never checked: " + string.Join(", ", missed));
    }

    private static IEnumerable<(string Id, string Tag, int Success)> Operations(CheckedClient api) =>
        from path in api.Contract.Document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        let o = operation.Value
        select (o.GetProperty("operationId").GetString()!, o.GetProperty("tags")[0].GetString()!,
            o.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name)).Where(s => s < 300).Min());
}
