using Gongjian.Engine;

namespace Gongjian.Functions.Seed;

/// <summary>Demo data goes through the modules' rules; a rule refusing it is a bug in the demo data, said loudly.</summary>
public static class DemoOutcome
{
    public static TState Require<TState, TEvent>(this Outcome<TState, TEvent> outcome, string what) where TState : class where TEvent : class =>
        outcome.Rejection is { } r ? throw new InvalidOperationException($"Demo {what}: {r.Code} ({r.Message})") : outcome.State;
}
