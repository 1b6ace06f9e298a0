using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Gongjian.Engine;

namespace Gongjian.Functions.Cli;

/// <summary>
/// <c>retention arm</c>: arms the retention (erase) timers of every stored booking ledger, activity and 议事 topic as the
/// module's <c>Timers</c> name them now. The engine arms a timer only when a change makes it appear, so instances stored
/// before their module had a retention timer (or whose message was lost) would otherwise keep their contacts; run once after
/// such a deploy. Safe to run again: a second message of the same timer is refused as stale once the first erased.
/// </summary>
public static class RetentionCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"Retention timers armed: bookings {await ArmAsync<Domain.Bookings.BookingLedgerState, Domain.Bookings.BookingCommand, Domain.Bookings.BookingEvent>(services, ct)}, " +
            $"activities {await ArmAsync<Domain.Activities.ActivityState, Domain.Activities.ActivityCommand, Domain.Activities.ActivityEvent>(services, ct)}, " +
            $"deliberations {await ArmAsync<Domain.Deliberations.DeliberationState, Domain.Deliberations.DeliberationCommand, Domain.Deliberations.DeliberationEvent>(services, ct)}.");
        return 0;
    }

    /// <summary>Reads every state row of the module's table and sends one timer message per erase timer it waits on; the count sent.</summary>
    public static async Task<int> ArmAsync<TState, TCommand, TEvent>(IServiceProvider services, CancellationToken ct)
        where TState : class where TCommand : class where TEvent : class
    {
        var module = services.GetRequiredService<Module<TState, TCommand, TEvent>>();
        var codec = services.GetRequiredService<ModuleStorage<TState, TEvent>>();
        var queues = services.GetRequiredService<QueueSender>();
        var table = services.GetRequiredService<IEngineStorage>().Table(codec.Table);
        var sent = 0;
        // State rows are `state-{id}` in the instance's partition ('.' sorts right after '-').
        await foreach (var row in table.QueryAsync<TableEntity>($"RowKey ge '{StreamRows.StateKey("")}' and RowKey lt 'state.'", select: ["PartitionKey", "State"], cancellationToken: ct))
            foreach (var timer in module.Timers(codec.DeserializeState(row.GetString("State") ?? "")).Where(t => t.Stage == TimerStage.Erase))
            {
                var message = TimerArming.Message(codec.TimerQueue!, row.PartitionKey, timer, null);
                await queues.SendAsync(message.Queue, message.Body, message.VisibleAt, ct);
                sent++;
            }
        return sent;
    }
}
