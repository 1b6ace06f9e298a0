using Gongjian.Domain.Bookings;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Bookings;

/// <summary>Queue function on <c>booking-timers</c>: the engine's timer consumer for booking ledgers (reminders to the owner unit).</summary>
public static class OnBookingTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.BookingTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<BookingLedgerState, BookingCommand, BookingEvent>>().RunAsync(invocation.Message, ct);
}
