using Gongjian.Functions.Observability;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// One timer function's loop: optionally a run at start-up, then a run at every occurrence of its
/// schedule, each under the shared <see cref="TimerLock"/>. A run that throws is logged and the
/// next occurrence runs as usual; a run longer than the interval skips the occurrences it overlapped.
/// </summary>
public sealed class TimerRunner(
    FunctionDeclaration function, TimerSchedule schedule, bool runOnStartup, TimerLock timerLock,
    IServiceProvider services, TimeProvider clock, ILogger log)
{
    /// <summary>Task.Delay cannot wait longer than ~49 days; long waits are taken in steps.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);
    private long _runs;

    public string FunctionName => function.Name;
    /// <summary>Runs this instance performed (for tests and diagnostics).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            if (runOnStartup) await GuardedAsync(null, stopping);
            var next = schedule.Next(clock.GetUtcNow());
            while (!stopping.IsCancellationRequested && next != DateTimeOffset.MaxValue)
            {
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < MaxWait ? wait : MaxWait, clock, stopping);
                    continue; // re-check: timers can wake a hair early, and long waits are stepped
                }
                await GuardedAsync(next, stopping);
                var now = clock.GetUtcNow();
                next = schedule.Next(now > next ? now : next);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    /// <summary>Takes the lock and runs; storage trouble with the lock is logged, never fatal to the loop.</summary>
    private async Task GuardedAsync(DateTimeOffset? occurrence, CancellationToken stopping)
    {
        try
        {
            var ran = await timerLock.TryRunAsync(function.Name, occurrence, () => InvokeAsync(stopping), stopping);
            if (!ran) log.LogDebug("{Function}: occurrence {Occurrence} is run by another instance or done", function.Name, occurrence);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            log.LogError(e, "{Function}: could not take the timer lock for {Occurrence}; skipped", function.Name, occurrence);
        }
    }

    private async Task InvokeAsync(CancellationToken stopping)
    {
        Interlocked.Increment(ref _runs);
        var invocation = new FunctionInvocation { FunctionName = function.Name, InvocationId = Guid.NewGuid().ToString() };
        using var telemetry = InvocationTelemetry.Start(invocation, function, log);
        try
        {
            await using var scope = services.CreateAsyncScope();
            await function.Run!(invocation, scope.ServiceProvider, stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            telemetry.Failed(e);
            log.LogError(e, "Timer function {Function} failed; the next occurrence runs as scheduled", function.Name);
        }
    }
}
