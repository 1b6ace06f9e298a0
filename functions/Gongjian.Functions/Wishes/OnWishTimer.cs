using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Wishes;

/// <summary>Queue function on <c>wish-timers</c>: the engine's timer consumer for wishes (reminders to the community's staff).</summary>
public static class OnWishTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.WishTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<WishState, WishCommand, WishEvent>>().RunAsync(invocation.Message, ct);
}
