using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjian.Domain.Bookings;
using Gongjian.Functions.ContactAudit;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Bookings;

/// <summary>
/// The console's two reads of a resource on Azurite: its booking policy (with the ETag to edit it) and its bookings of a
/// day — who booked only for the owner unit, and each such answer in the contact audit; masked for other staff.
/// </summary>
public sealed class BookingDayReadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static readonly string Day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3).ToString("yyyy-MM-dd");

    private async Task<(string Id, string Liaison)> VenueAsync()
    {
        var liaison = await _app.LiaisonAsync("baosheng-property");
        var id = (await (await _app.PostAsync("/api/resources", new
        {
            kind = "venue", category = "culture", title = "宝盛网格驿站活动室", availability = "提前一天预约", capacity = 30, openingHours = "每天 8:00–18:00",
        }, liaison)).ReadJsonAsync(201)).GetProperty("id").GetString()!;
        return (id, liaison);
    }

    private async Task PutPolicyAsync(string id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/resources/{id}/booking-policy")
        {
            Content = JsonContent.Create(new
            {
                hours = Enum.GetNames<DayOfWeek>().Select(d => new { weekday = d.ToLowerInvariant(), opens = "08:00", closes = "18:00" }), slotMinutes = 60, instant = false,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await (await _app.Http.SendAsync(request)).ReadJsonAsync(200);
    }

    [Fact]
    public async Task The_policy_reads_back_with_its_etag_and_a_resource_never_opened_is_404()
    {
        var (id, liaison) = await VenueAsync();
        await (await _app.GetAsync($"/api/resources/{id}/booking-policy", liaison)).ShouldBeProblemAsync(404, "booking_policy_not_set");
        await PutPolicyAsync(id, liaison);

        var response = await _app.GetAsync($"/api/resources/{id}/booking-policy", await _app.DispatcherAsync());
        var policy = await response.ReadJsonAsync(200);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(7, policy.GetProperty("hours").GetArrayLength());
        Assert.Equal("monday", policy.GetProperty("hours")[0].GetProperty("weekday").GetString());
        Assert.Equal(60, policy.GetProperty("slotMinutes").GetInt32());
        Assert.False(policy.GetProperty("instant").GetBoolean());
        await (await _app.GetAsync($"/api/resources/{id}/booking-policy", await _app.LiaisonAsync("daizong-law-firm"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/resources/{id}/booking-policy")).ShouldBeProblemAsync(401, "authentication_required");
    }

    [Fact]
    public async Task The_owner_sees_who_booked_recorded_in_the_audit_other_staff_see_it_masked()
    {
        var (id, liaison) = await VenueAsync();
        await PutPolicyAsync(id, liaison);
        await (await _app.PostAsync($"/api/resources/{id}/bookings", new { date = Day, start = "14:00", end = "15:00", name = "王芳", phone = "13812345678", purpose = "楼道议事会", people = 12 })).ReadJsonAsync(201);
        await (await _app.PostAsync($"/api/resources/{id}/bookings", new { date = Day, start = "09:00", end = "10:00", name = "李强", phone = "13900001111", purpose = "书法班", people = 8 })).ReadJsonAsync(201);

        var owner = await (await _app.GetAsync($"/api/resources/{id}/bookings?date={Day}", liaison)).ReadJsonAsync(200);
        Assert.True(owner.GetProperty("contactVisible").GetBoolean());
        var items = owner.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["09:00", "14:00"], items.Select(i => i.GetProperty("start").GetString()));
        Assert.Equal(("王芳", "13812345678", "楼道议事会", "pending"), (items[1].GetProperty("name").GetString(), items[1].GetProperty("phone").GetString(),
            items[1].GetProperty("purpose").GetString(), items[1].GetProperty("status").GetString()));
        var ledger = BookingLimits.LedgerId(id, DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture));
        var audit = _app.Services.GetRequiredService<ContactViewLog>();
        Assert.Single(await audit.ListAsync(ledger, 10, CancellationToken.None));

        var masked = await (await _app.GetAsync($"/api/resources/{id}/bookings?date={Day}&contact=masked", liaison)).ReadJsonAsync(200);
        Assert.True(masked.GetProperty("contactWithheld").GetBoolean());
        Assert.Equal(("王**", "138****5678", "楼道议事会"), (masked.GetProperty("items")[1].GetProperty("name").GetString(),
            masked.GetProperty("items")[1].GetProperty("phone").GetString(), masked.GetProperty("items")[1].GetProperty("purpose").GetString()));
        Assert.Single(await audit.ListAsync(ledger, 10, CancellationToken.None));

        foreach (var staff in new[] { await _app.OrganizerAsync(), await _app.DispatcherAsync() })
        {
            var response = await _app.GetAsync($"/api/resources/{id}/bookings?date={Day}", staff);
            var text = await response.Content.ReadAsStringAsync();
            var view = await response.ReadJsonAsync(200);
            Assert.False(view.GetProperty("contactVisible").GetBoolean());
            Assert.DoesNotContain("13812345678", text);
            Assert.DoesNotContain("王芳", text);
            Assert.DoesNotContain("议事会", text);
            Assert.Equal(2, view.GetProperty("items").GetArrayLength());
        }
        Assert.Single(await audit.ListAsync(ledger, 10, CancellationToken.None));
        await (await _app.GetAsync($"/api/resources/{id}/bookings?date={Day}", await _app.LiaisonAsync("daizong-law-firm"))).ShouldBeProblemAsync(403, "outside_scope");
        await (await _app.GetAsync($"/api/resources/{id}/bookings?date=tomorrow", liaison)).ShouldBeProblemAsync(400, "date_invalid");
        await (await _app.GetAsync($"/api/resources/{id}/bookings?date={Day}&contact=all", liaison)).ShouldBeProblemAsync(400, "invalid_contact");
        await (await _app.GetAsync($"/api/resources/rs000000000000/bookings?date={Day}", liaison)).ShouldBeProblemAsync(404, "resource_not_found");
    }
}
