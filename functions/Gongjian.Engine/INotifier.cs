namespace Gongjian.Engine;

/// <summary>
/// A module's fan-out: who hears about an event or a reminder and what they read. The engine calls
/// it from its event and timer consumers; deterministic notification ids make a re-run harmless.
/// </summary>
public interface INotifier<TState>
{
    Task NotifyAsync(EventMessage message, TState state, CancellationToken ct);
    Task RemindAsync(TimerMessage timer, TState state, CancellationToken ct);
}
