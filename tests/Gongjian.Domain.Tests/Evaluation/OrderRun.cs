using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>One order driven through the real rules at chosen moments; its history is what the indicators read.</summary>
internal sealed class OrderRun(string id)
{
    private static readonly Actor Resident = Fixture.Resident;
    private OrderState _state = OrderState.Initial;
    private readonly List<OrderEvent> _history = [];

    public IReadOnlyList<OrderEvent> History => _history;
    public OrderState State => _state;

    public OrderRun Do(OrderCommand command, DateTimeOffset at)
    {
        var decision = OrderDecider.Decide(_state, command, at);
        if (decision.Rejection is { } r) throw new InvalidOperationException($"{id} {command.GetType().Name} at {at:O}: {r.Code}");
        foreach (var e in decision.Events)
        {
            _history.Add(e);
            _state = OrderState.Evolve(_state, e);
        }
        return this;
    }

    public OrderRun Place(DateTimeOffset at, string category = "repair") =>
        Do(Commands.Place() with { OrderId = id, Category = category }, at);

    public OrderRun Dispatch(MemberUnit unit, DateTimeOffset at) => Do(Commands.Dispatch(unit), at);
    public OrderRun Accept(MemberUnit unit, DateTimeOffset at) => Do(Commands.Accept(Fixture.LiaisonOf(unit)), at);
    public OrderRun Decline(MemberUnit unit, DateTimeOffset at) => Do(Commands.Decline(Fixture.LiaisonOf(unit)), at);
    public OrderRun Complete(MemberUnit unit, DateTimeOffset at) => Do(Commands.Complete(Fixture.LiaisonOf(unit)), at);
    public OrderRun Confirm(int rating, DateTimeOffset at) => Do(Commands.Confirm(Resident) with { Rating = rating }, at);
    public OrderRun Reopen(DateTimeOffset at) => Do(Commands.Reopen(Resident), at);
    public OrderRun Cancel(DateTimeOffset at) => Do(Commands.Cancel(Resident), at);
    public OrderRun Erase(DateTimeOffset at) => Do(Commands.Erase(Resident), at);

    /// <summary>The deadline timer of the step the order is in fires at <paramref name="at"/> (withdraw, 督办 or auto-confirm).</summary>
    public OrderRun Expire(DateTimeOffset at)
    {
        var current = Sla.Current(_state, SlaPolicy.Default)!;
        return Do(new ExpireDeadline { By = Actor.System, Step = current.Step, StepStartedAt = current.StartedAt, Policy = SlaPolicy.Default }, at);
    }
}
