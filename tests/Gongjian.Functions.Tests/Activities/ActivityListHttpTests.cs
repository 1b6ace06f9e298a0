using Gongjian.Functions.Tests.Support;
using static Gongjian.Functions.Tests.Activities.ActivityClient;

namespace Gongjian.Functions.Tests.Activities;

/// <summary>
/// <c>GET /api/activities?from=</c>: the list starts at the earliest start, so <c>from</c> (activities ending at or after it)
/// keeps the coming ones within the list's limit however long a community's history grows.
/// </summary>
public sealed class ActivityListHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task From_leaves_out_activities_that_end_before_it_and_a_bad_from_is_refused()
    {
        var dispatcher = await _app.DispatcherAsync();
        var sooner = await AnnounceAsync(_app, dispatcher, NewActivity(startsIn: TimeSpan.FromDays(2)));
        var later = await AnnounceAsync(_app, dispatcher, NewActivity(startsIn: TimeSpan.FromDays(5)));

        static async Task<string[]> Ids(HttpResponseMessage response) =>
            [.. (await response.ReadJsonAsync(200)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        Assert.Equal([sooner, later], await Ids(await _app.GetAsync("/api/activities", dispatcher)));
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(3).ToOffset(TimeSpan.FromHours(8)).ToString("O"));
        Assert.Equal([later], await Ids(await _app.GetAsync($"/api/activities?from={from}", dispatcher)));
        Assert.Equal([sooner, later], await Ids(await _app.GetAsync($"/api/activities?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}", dispatcher)));

        var refused = await (await _app.GetAsync("/api/activities?from=next-week", dispatcher)).ShouldBeProblemAsync(400, "invalid_from");
        Assert.Equal("from", refused.GetProperty("field").GetString());
    }
}
