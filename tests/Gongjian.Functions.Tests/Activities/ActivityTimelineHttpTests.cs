using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// <c>GET /api/activities/{id}/timeline</c>: every step in order with the counts it left; names for the organiser only (masked
/// for other staff), never a phone, person key or code; the public and unknown ids refused.
/// </summary>
public sealed class ActivityTimelineHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_timeline_tells_registrations_waiting_and_promotion_with_counts_and_names_for_the_organiser_only()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher, NewActivity(capacity: 1));
        var first = await RegisteredAsync(_app, id, 0);
        await RegisteredAsync(_app, id, 1);
        await (await PostAsync(_app, $"/api/activities/{id}/registrations/cancel",
            new { phone = Residents[0].Phone, code = first.GetProperty("registrationCode").GetString() })).ReadJsonAsync(200);
        await (await PostAsync(_app, $"/api/activities/{id}/cancel", new { reason = "因天气原因改期。" }, dispatcher)).ReadJsonAsync(200);

        var timeline = await (await _app.GetAsync($"/api/activities/{id}/timeline", dispatcher)).ReadJsonAsync(200);
        Assert.Equal(id, timeline.GetProperty("activityId").GetString());
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["announced", "registered", "waiting", "unregistered", "cancelled"], entries.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1, 2, 3, 4, 5], entries.Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.Equal("发布活动，名额 1 人", entries[0].GetProperty("description").GetString());
        Assert.Equal("东七里社区派单员", entries[0].GetProperty("by").GetProperty("name").GetString());
        Assert.Equal($"{Residents[0].Name}报名（已报名 1/1）", entries[1].GetProperty("description").GetString());
        Assert.Equal("报名人", entries[1].GetProperty("by").GetProperty("name").GetString());
        Assert.Equal($"{Residents[1].Name}报名，候补第1位（已报名 1/1，候补 1）", entries[2].GetProperty("description").GetString());
        Assert.Equal($"{Residents[0].Name}取消报名，{Residents[1].Name}由候补递补（已报名 1/1）", entries[3].GetProperty("description").GetString());
        Assert.Equal("因天气原因改期。", entries[4].GetProperty("reason").GetString());

        // Other staff read the same story with names masked; nobody reads a phone, key or code in it.
        var detail = await (await _app.GetAsync($"/api/activities/{id}", dispatcher)).ReadJsonAsync(200);
        var personKey = detail.GetProperty("participants")[0].GetProperty("personKey").GetString()!;
        var masked = (await (await _app.GetAsync($"/api/activities/{id}/timeline", await _app.LiaisonAsync())).ReadJsonAsync(200)).GetRawText();
        Assert.DoesNotContain(Residents[0].Name, masked);
        Assert.DoesNotContain(Residents[1].Name, masked);
        Assert.Contains("取消报名", masked);
        foreach (var text in new[] { timeline.GetRawText(), masked })
        {
            Assert.DoesNotContain(Residents[0].Phone, text);
            Assert.DoesNotContain(Residents[1].Phone, text);
            Assert.DoesNotContain(personKey, text);
            Assert.DoesNotContain(first.GetProperty("checkInCode").GetString()!, text);
        }
    }

    [Fact]
    public async Task The_timeline_is_for_staff_and_an_unknown_activity_is_not_found()
    {
        var dispatcher = await _app.DispatcherAsync();
        var id = await AnnounceAsync(_app, dispatcher);
        await (await _app.GetAsync($"/api/activities/{id}/timeline")).ShouldBeProblemAsync(401, "authentication_required");
        await (await _app.GetAsync("/api/activities/HD260101-ZZZZZZ/timeline", dispatcher)).ShouldBeProblemAsync(404, "activity_not_found");
        await (await _app.GetAsync("/api/activities/not-an-id/timeline", dispatcher)).ShouldBeProblemAsync(404, "activity_not_found");
    }
}
