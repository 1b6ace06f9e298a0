using System.Text.Json;
using Gongjian.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace Gongjian.Engine;

/// <summary>
/// Consumes a module's timer queue. Early (a hop of a wait longer than a queue allows): re-arm.
/// Otherwise the module decides on the instance as it is now: stale (it moved on) does nothing,
/// a reminder goes to the notifier and arms the instance's next timer (only the earliest of a
/// step's timers is queued: <see cref="TimerArming"/>), anything else is a command through the
/// rules like any other, whose change arms its own timers.
/// </summary>
public sealed class TimerConsumer<TState, TCommand, TEvent>(
    EventStore<TState, TCommand, TEvent> store, INotifier<TState> notifier, QueueSender queues, ModuleStorage<TState, TEvent> codec,
    TimeProvider clock, ILogger<TimerConsumer<TState, TCommand, TEvent>> log, ICommandObserver<TState, TCommand, TEvent>? observer = null)
    where TState : class where TCommand : class where TEvent : class
{
    public async Task RunAsync(string? body, CancellationToken ct)
    {
        var timer = JsonSerializer.Deserialize(body ?? "", EngineJson.Default.TimerMessage)
            ?? throw new InvalidDataException("Empty timer message.");
        using var _ = Correlation.Begin(timer.CorrelationId);
        var now = clock.GetUtcNow();
        if (timer.FireAt > now)
        {
            await queues.SendAsync(codec.TimerQueue!, body!, timer.FireAt, ct);
            return;
        }
        observer?.TimerFired(timer, now);

        var loaded = await store.LoadAsync(timer.InstanceId, ct);
        var wake = loaded is null ? new Wake<TCommand>.Stale() : store.Module.OnTimer(loaded.State, timer.Spec, now);
        switch (wake)
        {
            case Wake<TCommand>.Remind:
                await notifier.RemindAsync(timer, loaded!.State, ct);
                // If this send fails the message comes back: the reminder is deduped by its id, the next timer sent again.
                foreach (var next in TimerArming.After(store.Module.Timers(loaded.State), timer.Spec))
                {
                    var message = TimerArming.Message(codec.TimerQueue!, timer.InstanceId, next, timer.CorrelationId);
                    await queues.SendAsync(message.Queue, message.Body, message.VisibleAt, ct);
                }
                break;
            case Wake<TCommand>.Run run:
                var outcome = await store.ExecuteAsync(timer.InstanceId, run.Command, ct, loaded);
                observer?.TimerRan(loaded!.State, outcome);
                if (outcome.Rejection is { } r) log.LogInformation("Timer {TimerId} did nothing: {Code}", timer.Id, r.Code);
                break;
            default:
                log.LogDebug("Timer {TimerId} is stale: {Module} {Id} left step {Step}", timer.Id, store.Module.Name, timer.InstanceId, timer.Step);
                break;
        }
    }
}
