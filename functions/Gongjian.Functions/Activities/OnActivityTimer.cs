using Gongjian.Domain.Activities;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Activities;

/// <summary>Queue function on <c>activity-timers</c>: closes registration at the deadline and sends the day-before reminder.</summary>
public static class OnActivityTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.ActivityTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<ActivityState, ActivityCommand, ActivityEvent>>().RunAsync(invocation.Message, ct);
}
