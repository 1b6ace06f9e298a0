using System.Collections.Concurrent;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>The standalone timer trigger: seconds schedules, RunOnStartup, failures, and one run per occurrence across instances.</summary>
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_timer_fires_on_its_seconds_schedule_and_keeps_firing_when_it_throws()
    {
        var fired = new ConcurrentQueue<FunctionInvocation>();
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("Tick", new TimerTrigger("*/2 * * * * *"), (inv, _, _) =>
            {
                fired.Enqueue(inv);
                throw new InvalidOperationException("a failing timer");
            }));

        await Eventually.TrueAsync(() => fired.Count >= 3, "three occurrences");
        Assert.All(fired, f => { Assert.Equal("Tick", f.FunctionName); Assert.Null(f.Message); });
        Assert.Equal(fired.Count, fired.Select(f => f.InvocationId).Distinct().Count());
    }

    [Fact]
    public async Task Run_on_startup_runs_once_at_start_even_when_the_schedule_is_far_away()
    {
        var runs = 0;
        await using var app = await TriggerTestApp.StartAsync(azurite,
            a => a.MapBackgroundFunction("Yearly", new TimerTrigger("0 0 0 1 1 *", RunOnStartup: true), (_, _, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.CompletedTask;
            }));

        await Eventually.TrueAsync(() => Volatile.Read(ref runs) == 1, "start-up run");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task Two_instances_sharing_storage_run_each_occurrence_once()
    {
        var schedule = TimerSchedule.Parse("Shared", "*/4 * * * * *");
        int fired = 0, running = 0, overlapped = 0;
        void Map(WebApplication a) => a.MapBackgroundFunction("Shared", new TimerTrigger("*/4 * * * * *"), async (_, _, _) =>
        {
            Interlocked.Increment(ref fired);
            if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlapped);
            await Task.Delay(300); // both instances would overlap here if the lock did not hold
            Interlocked.Decrement(ref running);
        });
        var prefix = TriggerTestApp.NewPrefix();
        var from = DateTimeOffset.UtcNow;
        var runners = new List<TimerRunner>();
        await using (var one = await TriggerTestApp.StartAsync(azurite, Map, prefix: prefix))
        await using (var two = await TriggerTestApp.StartAsync(azurite, Map, prefix: prefix))
        {
            runners.AddRange([Runner(one), Runner(two)]);
            await Eventually.TrueAsync(() => Volatile.Read(ref fired) >= 4, "four runs");
        } // both stopped: no run is half-way when counting
        var runs = runners.Sum(r => r.Runs);
        var to = DateTimeOffset.UtcNow;

        // Counted against the schedule, not against the clock: each occurrence due while the apps ran can have been
        // run once; a duplicate anywhere would make more runs than occurrences (however late any of them ran).
        var occurrences = 0;
        for (var t = schedule.Next(from); t <= to; t = schedule.Next(t)) occurrences++;
        Assert.True(Volatile.Read(ref fired) <= occurrences, $"{fired} runs for {occurrences} occurrences");
        Assert.Equal(0, Volatile.Read(ref overlapped));
        Assert.Equal(Volatile.Read(ref fired), runs);
        static TimerRunner Runner(TriggerTestApp app) => app.Host.Timers.Single(t => t.FunctionName == "Shared");
    }

    [Fact]
    public async Task The_timer_lock_runs_an_occurrence_once_and_not_while_another_instance_holds_it()
    {
        await using var app = await TriggerTestApp.StartAsync(azurite, _ => { }, args: "--Host:Triggers=false");
        var storage = app.Services.GetRequiredService<TriggerStorage>();
        await storage.Locks.CreateIfNotExistsAsync();
        var timerLock = new TimerLock(storage.Locks, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var runs = 0;
        Task Run() { Interlocked.Increment(ref runs); return Task.CompletedTask; }

        Assert.True(await timerLock.TryRunAsync("Digest", at, Run, default));
        Assert.False(await timerLock.TryRunAsync("Digest", at, Run, default)); // done already (a restart, or a late instance)
        Assert.True(await timerLock.TryRunAsync("Digest", at.AddDays(1), Run, default));
        Assert.True(await timerLock.TryRunAsync("Other", at, Run, default)); // each function has its own lock

        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = timerLock.TryRunAsync("Digest", at.AddDays(2), async () => { holding.SetResult(); await release.Task; }, default);
        await holding.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.False(await timerLock.TryRunAsync("Digest", at.AddDays(2), Run, default)); // another instance is on it
        release.SetResult();
        Assert.True(await first);
        Assert.Equal(3, runs);
    }
}
