using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.Support;

/// <summary>One command tried on an order: the state before, the answer, the state and history after.</summary>
public sealed record Turn(
    OrderState Before, OrderCommand Command, DateTimeOffset Now, Decision Decision,
    IReadOnlyList<OrderEvent> HistoryBefore, OrderState After, IReadOnlyList<OrderEvent> History);

internal static class Simulation
{
    /// <summary>Tries each step in turn, applying accepted events and skipping rejected commands.</summary>
    public static IReadOnlyList<Turn> Run(Script script)
    {
        var state = OrderState.Initial;
        var history = new List<OrderEvent>();
        var turns = new List<Turn>(script.Steps.Count);
        foreach (var (step, i) in script.Steps.Select((s, i) => (s, i)))
        {
            var now = Fixture.Now.AddMinutes(i);
            var command = step.ToCommand(state);
            var decision = OrderDecider.Decide(state, command, now);
            var before = (State: state, History: history.ToArray());
            if (decision.IsAccepted)
            {
                history.AddRange(decision.Events);
                state = state.Then(decision.Events);
            }
            turns.Add(new Turn(before.State, command, now, decision, before.History, state, [.. history]));
        }
        return turns;
    }
}
