using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>Who runs the triggers, the back-off curve, schedules, and start-up errors.</summary>
public sealed class TriggerSettingsTests(AzuriteFixture azurite)
{
    private static TriggerSettings Settings(params (string Key, string Value)[] values) =>
        TriggerSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Standalone_unless_the_Functions_host_started_the_app_or_tests_turn_it_off()
    {
        Assert.Equal((true, false), (Settings().Standalone, Settings().InvocationEndpoints));
        Assert.Equal((false, true), (Settings(("FUNCTIONS_CUSTOMHANDLER_PORT", "5123")).Standalone, Settings(("FUNCTIONS_CUSTOMHANDLER_PORT", "5123")).InvocationEndpoints));
        Assert.False(Settings(("FUNCTIONS_HTTPWORKER_PORT", "5123")).Standalone);
        Assert.False(Settings(("Host:Triggers", "false")).Standalone);
        Assert.True(Settings(("Host:InvocationEndpoints", "true")).InvocationEndpoints);
        Assert.Equal(TimeSpan.FromSeconds(90), Settings(("Host:MessageLease", "00:01:30")).MessageLease);
        Assert.Throws<InvalidOperationException>(() => Settings(("Host:Triggers", "maybe")));
        Assert.Throws<InvalidOperationException>(() => Settings(("Host:MessageLease", "00:00:00")));
    }

    [Fact]
    public void Idle_polling_doubles_from_100_ms_up_to_the_maximum_and_resets()
    {
        var backoff = new PollingBackoff(TimeSpan.FromSeconds(1));
        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Idle().TotalMilliseconds).ToList();
        Assert.Equal([100, 200, 400, 800, 1000, 1000], waits);
        backoff.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Idle());
    }

    [Fact]
    public void Schedules_are_six_field_ncrontab_in_utc()
    {
        var every5 = TimerSchedule.Parse("Tick", "*/5 * * * * *");
        var at = new DateTimeOffset(2026, 1, 1, 12, 0, 1, TimeSpan.Zero);
        Assert.Equal(at.AddSeconds(4), every5.Next(at));
        Assert.Equal(at.AddSeconds(9), every5.Next(at.AddSeconds(4)));
        var daily = TimerSchedule.Parse("Digest", "0 30 1 * * *");
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 30, 0, TimeSpan.Zero), daily.Next(new DateTimeOffset(2026, 1, 2, 9, 29, 59, TimeSpan.FromHours(8))));
        var e = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("Digest", "0 * * * *"));
        Assert.Contains("Digest", e.Message);
    }

    [Theory]
    [InlineData("""{"extensions":{"queues":{"batchSize":64}}}""", "batchSize")]
    [InlineData(null, "HostJsonPath")]
    public async Task A_bad_host_json_or_schedule_stops_the_app_from_starting(string? hostJson, string expected)
    {
        var args = hostJson is null ? new[] { "--Host:HostJsonPath=/nowhere/host.json" } : [];
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("OnWork", new QueueTrigger("work"), (_, _, _) => Task.CompletedTask), hostJson, args: args));
        Assert.Contains(expected, e.Message);

        e = await Assert.ThrowsAsync<InvalidOperationException>(() => TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("Tick", new TimerTrigger("every minute"), (_, _, _) => Task.CompletedTask)));
        Assert.Contains("Tick", e.Message);
    }
}
