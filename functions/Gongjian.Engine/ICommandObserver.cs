namespace Gongjian.Engine;

/// <summary>Watches a module's commands (spans, metrics): one scope per command, told how it ended.</summary>
public interface ICommandObserver<TState, TCommand, TEvent>
{
    ICommandScope<TState, TEvent> Start(string id, TCommand command);

    /// <summary>A due timer is being handled (lateness).</summary>
    void TimerFired(TimerMessage timer, DateTimeOffset now) { }

    /// <summary>A timer ran a command on <paramref name="before"/>.</summary>
    void TimerRan(TState before, Outcome<TState, TEvent> outcome) { }
}

public interface ICommandScope<TState, TEvent> : IDisposable
{
    void Done(Outcome<TState, TEvent> outcome);
}

/// <summary>For a module that has no spans or metrics of its own yet: watches nothing.</summary>
public sealed class NoCommandObserver<TState, TCommand, TEvent> : ICommandObserver<TState, TCommand, TEvent>
{
    public ICommandScope<TState, TEvent> Start(string id, TCommand command) => Scope.Instance;

    private sealed class Scope : ICommandScope<TState, TEvent>
    {
        public static readonly Scope Instance = new();
        public void Done(Outcome<TState, TEvent> outcome) { }
        public void Dispose() { }
    }
}
