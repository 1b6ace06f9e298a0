using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Bookings;

/// <summary>资源共享预约 over HTTP on real Azurite: the policy is the resource's; one booking per slot; codes; roles; nothing personal in public answers and lists.</summary>
public sealed class BookingApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A Monday at least a week ahead (Beijing), so every slot of the test is in the future.</summary>
    private static readonly string Day = NextMonday();

    private static string NextMonday()
    {
        var d = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(7);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(1);
        return d.ToString("yyyy-MM-dd");
    }

    private static object Policy(bool instant) => new
    {
        hours = new[] { new { weekday = "monday", opens = "08:30", closes = "17:30" }, new { weekday = "tuesday", opens = "08:30", closes = "17:30" } },
        slotMinutes = 60, instant,
    };

    private static object Book(string start, string end, string? date = null) => new
    {
        date = date ?? Day, start, end, name = "王芳", phone = "13812345678", purpose = "楼道议事会", people = 12,
    };

    private async Task<(string Id, string Liaison)> VenueAsync(bool? instant)
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var created = await (await _app.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", communityIds = new[] { "dongqili" }, availability = "提前一天预约",
            capacity = 30, openingHours = "周一、周二 8:30–17:30",
        }, liaison)).ReadJsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        if (instant is { } i) await (await SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", Policy(i), liaison)).ReadJsonAsync(200);
        return (id, liaison);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _app.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_slot_is_booked_once_and_cancelling_frees_it()
    {
        var (id, liaison) = await VenueAsync(instant: true);
        var booked = await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:30", "11:30"))).ReadJsonAsync(201);
        Assert.Equal(("approved", "已预约"), (booked.GetProperty("status").GetString(), booked.GetProperty("statusText").GetString()));
        var (bookingId, code) = (booked.GetProperty("id").GetString()!, booked.GetProperty("cancelCode").GetString()!);

        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("10:30", "11:30"))).ShouldBeProblemAsync(409, "slot_taken");

        var availability = await _app.GetAsync($"/api/resources/{id}/availability?date={Day}");
        var text = await availability.Content.ReadAsStringAsync();
        Assert.DoesNotContain("王芳", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("议事会", text);
        var slots = (await availability.ReadJsonAsync(200)).GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(9, slots.Count);
        Assert.Equal([true, false, false, true], slots.Take(4).Select(s => s.GetProperty("free").GetBoolean()));

        await (await _app.PostAsync($"/api/resources/{id}/bookings/{bookingId}/cancel", new { reason = "改期", code = "AAAA-BBBB" })).ShouldBeProblemAsync(403, "code_invalid");
        var cancelled = await (await _app.PostAsync($"/api/resources/{id}/bookings/{bookingId}/cancel", new { reason = "议事会改期。", code })).ReadJsonAsync(200);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(cancelled.TryGetProperty("cancelCode", out _));
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("10:30", "11:30"))).ReadJsonAsync(201);

        var list = await _app.GetAsync("/api/bookings?unit=baosheng-property", liaison);
        var listText = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("王芳", listText);
        Assert.DoesNotContain("13812345678", listText);
        var row = Assert.Single((await list.ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
        Assert.Equal((Day, 1), (row.GetProperty("date").GetString(), row.GetProperty("approved").GetInt32()));
    }

    [Fact]
    public async Task The_requester_reads_their_booking_back_with_its_code_and_nothing_else()
    {
        var (id, liaison) = await VenueAsync(instant: false);
        var booked = await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("08:30", "09:30"))).ReadJsonAsync(201);
        var (bookingId, code) = (booked.GetProperty("id").GetString()!, booked.GetProperty("cancelCode").GetString()!);
        var other = await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:30", "10:30"))).ReadJsonAsync(201);

        var response = await _app.GetAsync($"/api/resources/{id}/bookings/{bookingId}", trackingCode: code.ToLowerInvariant().Replace("-", " "));
        var text = await response.Content.ReadAsStringAsync();
        var view = await response.ReadJsonAsync(200);
        Assert.Equal((bookingId, id, "宝盛网格驿站活动室", Day, "08:30", "09:30", "pending", "待审批", 12),
            (view.GetProperty("id").GetString(), view.GetProperty("resourceId").GetString(), view.GetProperty("title").GetString(), view.GetProperty("date").GetString(),
             view.GetProperty("start").GetString(), view.GetProperty("end").GetString(), view.GetProperty("status").GetString(), view.GetProperty("statusText").GetString(),
             view.GetProperty("people").GetInt32()));
        Assert.Equal(("王**", "138****5678", false), (view.GetProperty("name").GetString(), view.GetProperty("phone").GetString(), view.GetProperty("contactErased").GetBoolean()));
        // Masked, without the purpose, the codes or anyone else's booking.
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("议事会", text);
        Assert.DoesNotContain(code, text);
        Assert.DoesNotContain(other.GetProperty("id").GetString()!, text);

        // A wrong code, another booking's code, an unknown or malformed number: the same 404; no code: 401.
        var problem = await (await _app.GetAsync($"/api/resources/{id}/bookings/{bookingId}", trackingCode: "AAAA-BBBB")).ReadJsonAsync(404);
        Assert.Equal(("booking_not_found", "没有找到该预约，请核对预约编号和预约码。"), (problem.GetProperty("code").GetString(), problem.GetProperty("title").GetString()));
        await (await _app.GetAsync($"/api/resources/{id}/bookings/{bookingId}", trackingCode: other.GetProperty("cancelCode").GetString())).ShouldBeProblemAsync(404, "booking_not_found");
        await (await _app.GetAsync($"/api/resources/{id}/bookings/bk20990101-00000000", trackingCode: code)).ShouldBeProblemAsync(404, "booking_not_found");
        await (await _app.GetAsync($"/api/resources/{id}/bookings/not-a-booking", trackingCode: code)).ShouldBeProblemAsync(404, "booking_not_found");
        await (await _app.GetAsync($"/api/resources/rs-unknown/bookings/{bookingId}", trackingCode: code)).ShouldBeProblemAsync(404, "booking_not_found");
        await (await _app.GetAsync($"/api/resources/{id}/bookings/{bookingId}")).ShouldBeProblemAsync(401, "code_required");

        // Declined with a reason: the requester reads the status and the reason in words.
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{bookingId}/decline", new { reason = "当天已安排党员活动。" }, liaison)).ReadJsonAsync(200);
        var declined = await (await _app.GetAsync($"/api/resources/{id}/bookings/{bookingId}", trackingCode: code)).ReadJsonAsync(200);
        Assert.Equal(("declined", "已拒绝", "当天已安排党员活动。"),
            (declined.GetProperty("status").GetString(), declined.GetProperty("statusText").GetString(), declined.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Availability_over_a_range_of_days_shows_each_days_slots_and_refuses_a_bad_range()
    {
        var (id, _) = await VenueAsync(instant: true);
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:30", "11:30"))).ReadJsonAsync(201);
        var monday = DateOnly.Parse(Day);
        string Range(DateOnly from, DateOnly to) => $"/api/resources/{id}/availability/range?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        var response = await _app.GetAsync(Range(monday.AddDays(-1), monday.AddDays(12)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("王芳", text);
        Assert.DoesNotContain("13812345678", text);
        var view = await response.ReadJsonAsync(200);
        var days = view.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(14, days.Count);
        Assert.Equal((monday.AddDays(-1).ToString("yyyy-MM-dd"), false, 0), (days[0].GetProperty("date").GetString(), days[0].GetProperty("open").GetBoolean(), days[0].GetProperty("slots").GetArrayLength()));
        // The Monday as the one-day answer has it: the booked 09:30–11:30 taken; the next Monday all free; Wednesday closed.
        var booked = days[1].GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("free").GetBoolean()).ToList();
        var single = (await (await _app.GetAsync($"/api/resources/{id}/availability?date={Day}")).ReadJsonAsync(200)).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("free").GetBoolean());
        Assert.Equal(single, booked);
        Assert.Equal([true, false, false, true], booked.Take(4));
        Assert.All(days[8].GetProperty("slots").EnumerateArray(), s => Assert.True(s.GetProperty("free").GetBoolean()));
        Assert.False(days[3].GetProperty("open").GetBoolean());

        await (await _app.GetAsync(Range(monday, monday.AddDays(-1)))).ShouldBeProblemAsync(400, "range_reversed");
        await (await _app.GetAsync(Range(monday, monday.AddDays(14)))).ShouldBeProblemAsync(400, "range_too_long");
        await (await _app.GetAsync(Range(monday, monday.AddYears(50)))).ShouldBeProblemAsync(400, "range_too_long");
        await (await _app.GetAsync($"/api/resources/{id}/availability/range?from={Day}")).ShouldBeProblemAsync(400, "date_invalid");
        await (await _app.GetAsync($"/api/resources/{id}/availability/range?from=tomorrow&to={Day}")).ShouldBeProblemAsync(400, "date_invalid");
        await (await _app.GetAsync($"/api/resources/{id}/availability/range?from=9999-12-20&to=9999-12-31")).ShouldBeProblemAsync(400, "date_out_of_range");
        await (await _app.GetAsync($"/api/resources/{id}/availability?date=0001-01-01")).ShouldBeProblemAsync(400, "date_out_of_range");
        await (await _app.GetAsync($"/api/resources/rs-unknown/availability/range?from={Day}&to={Day}")).ReadJsonAsync(404);
    }

    [Fact]
    public async Task The_owner_approves_or_declines_and_other_roles_are_refused()
    {
        var (id, liaison) = await VenueAsync(instant: false);
        var first = await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("08:30", "09:30"))).ReadJsonAsync(201);
        Assert.Equal(("pending", "待审批"), (first.GetProperty("status").GetString(), first.GetProperty("statusText").GetString()));
        var firstId = first.GetProperty("id").GetString()!;
        var second = (await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("13:30", "14:30"))).ReadJsonAsync(201)).GetProperty("id").GetString()!;

        await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/approve")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/approve", null, await _app.LiaisonAsync("daizong-law-firm"))).ShouldBeProblemAsync(403, "not_owner_unit");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/approve", null, await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "not_owner_unit");
        await (await SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", Policy(true), await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "role_forbidden");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/bk20990101-00000000/approve", null, liaison)).ShouldBeProblemAsync(404, "booking_not_found");

        Assert.Equal("approved", (await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/approve", null, liaison)).ReadJsonAsync(200)).GetProperty("status").GetString());
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/used", null, liaison)).ShouldBeProblemAsync(409, "booking_not_started");
        await (await _app.PostAsync($"/api/resources/{id}/bookings/{second}/decline", new { reason = "  " }, liaison)).ShouldBeProblemAsync(400, "reason_required");
        var declined = await (await _app.PostAsync($"/api/resources/{id}/bookings/{second}/decline", new { reason = "当天已安排党员活动。" }, liaison)).ReadJsonAsync(200);
        Assert.Equal(("declined", "当天已安排党员活动。"), (declined.GetProperty("status").GetString(), declined.GetProperty("reason").GetString()));
        // The owner may cancel an approved booking with a reason.
        Assert.Equal("cancelled", (await (await _app.PostAsync($"/api/resources/{id}/bookings/{firstId}/cancel", new { reason = "活动室临时维修。" }, liaison)).ReadJsonAsync(200))
            .GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retried_booking_under_its_idempotency_key_answers_the_same_booking_and_code()
    {
        var (id, _) = await VenueAsync(instant: true);
        async Task<HttpResponseMessage> Once()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{id}/bookings") { Content = JsonContent.Create(Book("14:30", "15:30")) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "book-0001");
            return await _app.Http.SendAsync(request);
        }
        var first = await (await Once()).ReadJsonAsync(201);
        var again = await Once();
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var second = await again.ReadJsonAsync(201);
        Assert.Equal((first.GetProperty("id").GetString(), first.GetProperty("cancelCode").GetString()),
            (second.GetProperty("id").GetString(), second.GetProperty("cancelCode").GetString()));
        var slots = (await (await _app.GetAsync($"/api/resources/{id}/availability?date={Day}")).ReadJsonAsync(200)).GetProperty("slots").EnumerateArray();
        Assert.Equal(1, slots.Count(s => !s.GetProperty("free").GetBoolean()));
    }

    [Fact]
    public async Task Bad_bookings_are_refused_with_the_modules_codes()
    {
        var (notBookable, liaison) = await VenueAsync(instant: null);
        await (await _app.PostAsync($"/api/resources/{notBookable}/bookings", Book("09:30", "10:30"))).ShouldBeProblemAsync(409, "resource_not_bookable");
        await (await _app.GetAsync($"/api/resources/{notBookable}/availability?date={Day}")).ShouldBeProblemAsync(409, "resource_not_bookable");

        var (id, _) = await VenueAsync(instant: true);
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("07:30", "08:30"))).ShouldBeProblemAsync(400, "outside_opening_hours");
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("17:00", "18:00"))).ShouldBeProblemAsync(400, "outside_opening_hours");
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:00", "10:00"))).ShouldBeProblemAsync(400, "slot_invalid");
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("9:30", "10:30"))).ShouldBeProblemAsync(400, "time_invalid");
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:30", "10:30", date: "2026/03/02"))).ShouldBeProblemAsync(400, "date_invalid");
        await (await _app.PostAsync($"/api/resources/{id}/bookings", new { date = Day, start = "09:30", end = "10:30", name = "王芳", phone = "123", purpose = "议事", people = 3 }))
            .ShouldBeProblemAsync(400, "phone_invalid");
        await (await _app.PostAsync("/api/resources/rs000000000000/bookings", Book("09:30", "10:30"))).ShouldBeProblemAsync(404, "resource_not_found");

        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{id}/bookings") { Content = new StringContent("{\"date\":", Encoding.UTF8, "application/json") };
        Assert.Equal(400, (int)(await _app.Http.SendAsync(malformed)).StatusCode);
        await (await SendAsync(HttpMethod.Put, $"/api/resources/{id}/booking-policy", new { hours = new[] { new { weekday = "funday", opens = "08:00", closes = "12:00" } }, slotMinutes = 60, instant = true },
            liaison)).ShouldBeProblemAsync(400, "weekday_invalid");

        await (await _app.PostAsync($"/api/resources/{id}/retire", new { text = "活动室装修，暂停开放。" }, liaison)).ReadJsonAsync(200);
        await (await _app.PostAsync($"/api/resources/{id}/bookings", Book("09:30", "10:30"))).ShouldBeProblemAsync(409, "resource_retired");
        Assert.Empty((await (await _app.GetAsync("/api/bookings?unit=baosheng-property", liaison)).ReadJsonAsync(200)).GetProperty("items").EnumerateArray());
        await (await _app.GetAsync("/api/bookings?unit=baosheng-property", await _app.DispatcherAsync())).ShouldBeProblemAsync(403, "outside_scope");
    }
}
