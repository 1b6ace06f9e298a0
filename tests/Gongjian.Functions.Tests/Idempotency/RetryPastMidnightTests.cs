using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Activities.ActivityClient;
using static Gongjian.Functions.Tests.GridReports.GridClient;

namespace Gongjian.Functions.Tests.Idempotency;

/// <summary>
/// A creating command retried under the same Idempotency-Key after UTC midnight (the answer was lost at 23:59) lands on
/// the instance the first request made — a 格事坊 report, a resident's 议事 topic — instead of making a second one: the id
/// is the one reserved for the message (MessageInstanceIds), not one derived from the message and the day. On Azurite.
/// </summary>
public sealed class RetryPastMidnightTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MovableClock _clock = new(new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddMinutes(-1), TimeSpan.Zero));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_grid_report_retried_after_midnight_is_the_same_report()
    {
        var (_, worker) = await GridWithWorkerAsync(_app);
        var first = await (await PostAsync(_app, "/api/grid-reports", NewReport(), worker, idempotencyKey: "report-1")).ReadJsonAsync(201);
        _clock.Advance(TimeSpan.FromMinutes(2)); // the next UTC day

        var retry = await PostAsync(_app, "/api/grid-reports", NewReport(), worker, idempotencyKey: "report-1");
        var again = await retry.ReadJsonAsync(201);
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var listed = await (await _app.GetAsync($"/api/grid-reports?grid={GridId}", worker)).ReadJsonAsync(200);
        Assert.Single(listed.GetProperty("items").EnumerateArray());

        // Another key that day is another report.
        var other = await (await PostAsync(_app, "/api/grid-reports", NewReport(), worker, idempotencyKey: "report-2")).ReadJsonAsync(201);
        Assert.NotEqual(first.GetProperty("id").GetString(), other.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_residents_topic_retried_after_midnight_is_the_same_topic_and_its_code_is_not_given_twice()
    {
        var first = await (await PostAsync(_app, "/api/deliberations/public", Deliberations.DeliberationClient.PublicTopic(), idempotencyKey: "topic-1")).ReadJsonAsync(201);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("trackingCode").GetString()));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var retry = await PostAsync(_app, "/api/deliberations/public", Deliberations.DeliberationClient.PublicTopic(), idempotencyKey: "topic-1");
        var again = await retry.ReadJsonAsync(201);
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(again.TryGetProperty("trackingCode", out var code) && code.ValueKind != System.Text.Json.JsonValueKind.Null, "the code is given once");
        var listed = await (await _app.GetAsync("/api/deliberations?community=dongqili", await _app.DispatcherAsync())).ReadJsonAsync(200);
        Assert.Single(listed.GetProperty("items").EnumerateArray());
    }
}
