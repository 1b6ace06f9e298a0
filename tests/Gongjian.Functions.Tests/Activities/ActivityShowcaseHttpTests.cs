using Gongjian.Domain.Orders;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// 活动风采 over HTTP on Azurite: attendance with photos (through the orders' photo pipeline), the photos staff-only until
/// the organiser showcases the activity, then public with the activity's counts and hours on the public page — never a name.
/// The app's clock jumps past the end instead of the test waiting.
/// </summary>
public sealed class ActivityShowcaseHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Attendance_photos_stay_with_staff_until_the_organiser_showcases_the_activity_on_the_public_page()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher);
        await RegisteredAsync(_app, id, 0);
        await RegisteredAsync(_app, id, 1);
        var keys = (await (await SendAsync(_app, HttpMethod.Get, $"/api/activities/{id}", key: dispatcher)).ReadJsonAsync(200)).GetProperty("participants")
            .EnumerateArray().Select(p => p.GetProperty("personKey").GetString()!).ToList();
        await (await PostAsync(_app, $"/api/activities/{id}/showcase", null, dispatcher)).ShouldBeProblemAsync(409, "activity_open");

        _clock.Shift(TimeSpan.FromDays(3)); // past the end
        var lines = keys.Select(k => new { personKey = k, hours = 2.5m }).ToArray();
        await (await PostAsync(_app, $"/api/activities/{id}/attendance", new { lines, photos = Enumerable.Repeat(TestImages.PngBase64(), 10) }, dispatcher))
            .ShouldBeProblemAsync(400, "too_many_photos");
        await (await PostAsync(_app, $"/api/activities/{id}/attendance", new { lines, photos = new[] { "bm90IGEgcGljdHVyZQ==" } }, dispatcher))
            .ShouldBeProblemAsync(400, "photo_not_an_image");
        var attended = await (await PostAsync(_app, $"/api/activities/{id}/attendance", new { lines, photos = new[] { TestImages.PngBase64("志愿者合影") } }, dispatcher))
            .ReadJsonAsync(200);
        var photo = Assert.Single(attended.GetProperty("photoIds").EnumerateArray()).GetString()!;
        Assert.False(attended.GetProperty("showcase").GetBoolean());

        // Before the showcase: staff only.
        await (await SendAsync(_app, HttpMethod.Get, $"/api/activities/{id}/photos/{photo}")).ShouldBeProblemAsync(401, "authentication_required");
        var forStaff = await SendAsync(_app, HttpMethod.Get, $"/api/activities/{id}/photos/{photo}", key: dispatcher);
        Assert.Equal((200, "image/png"), ((int)forStaff.StatusCode, forStaff.Content.Headers.ContentType?.MediaType));
        Assert.Contains("private", forStaff.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("活动风采", await (await _app.GetAsync("/api/pages/activities/caiyuan")).Content.ReadAsStringAsync());

        // Only the organiser showcases, once.
        await (await PostAsync(_app, $"/api/activities/{id}/showcase", null, await _app.LiaisonAsync())).ShouldBeProblemAsync(403, "not_organiser");
        Assert.True((await (await PostAsync(_app, $"/api/activities/{id}/showcase", null, dispatcher)).ReadJsonAsync(200)).GetProperty("showcase").GetBoolean());
        await (await PostAsync(_app, $"/api/activities/{id}/showcase", null, dispatcher)).ShouldBeProblemAsync(409, "already_showcased");

        // Now public: the photo, and the page's 活动风采 with counts and hours, never a name or phone.
        var open = await SendAsync(_app, HttpMethod.Get, $"/api/activities/{id}/photos/{photo}");
        Assert.Equal((200, "image/png"), ((int)open.StatusCode, open.Content.Headers.ContentType?.MediaType));
        Assert.Contains("public", open.Headers.CacheControl?.ToString());
        await (await SendAsync(_app, HttpMethod.Get, $"/api/activities/{id}/photos/ph-nothing")).ShouldBeProblemAsync(404, "photo_not_found");
        var page = await (await _app.GetAsync("/api/pages/activities/caiyuan/dongqili")).Content.ReadAsStringAsync();
        Assert.Contains("活动风采", page);
        Assert.Contains($"data-showcased=\"{id}\"", page);
        Assert.Contains("参加 2 人，服务 5 小时", page);
        Assert.Contains($"src=\"/api/activities/{id}/photos/{photo}\"", page);
        foreach (var (name, phone) in Residents.Take(2))
        {
            Assert.DoesNotContain(name, page);
            Assert.DoesNotContain(phone, page);
        }
        Assert.DoesNotContain(keys[0], page);
    }
}
