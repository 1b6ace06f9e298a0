using Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;

namespace Gongjian.Domain.Tests;

/// <summary>Deadlines per step, and what a due timer may do — or must refuse when it comes late.</summary>
public sealed class SlaTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.Default;

    private static ExpireDeadline Expire(OrderState s, SlaStep step, DateTimeOffset? startedAt = null) => new()
    {
        By = Actor.System, Step = step, StepStartedAt = startedAt ?? s.StatusSince, Policy = Policy,
    };

    private static Decision Due(OrderState s, SlaStep step, DateTimeOffset? startedAt = null) =>
        OrderDecider.Decide(s, Expire(s, step, startedAt), Sla.Current(s, Policy)!.DueAt);

    [Theory]
    [InlineData(OrderStatus.Placed, SlaStep.Dispatch, 24)]
    [InlineData(OrderStatus.Declined, SlaStep.Dispatch, 24)]
    [InlineData(OrderStatus.Dispatched, SlaStep.Accept, 4)]
    [InlineData(OrderStatus.Accepted, SlaStep.Complete, 72)]
    [InlineData(OrderStatus.Reopened, SlaStep.Complete, 72)]
    [InlineData(OrderStatus.Completed, SlaStep.Confirm, 168)]
    public void Each_open_status_has_the_deadline_of_its_step(OrderStatus status, SlaStep step, int hours)
    {
        var s = Given.OrderIn(status);
        var d = Sla.Current(s, Policy)!;
        Assert.Equal(step, d.Step);
        Assert.Equal(s.StatusSince, d.StartedAt);
        Assert.Equal(TimeSpan.FromHours(hours), d.DueAt - d.StartedAt);
        Assert.Equal(TimeSpan.FromHours(hours * 0.75), d.RemindAt - d.StartedAt);
    }

    [Theory]
    [InlineData(OrderStatus.Confirmed)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    public void Closed_orders_have_no_deadline(OrderStatus status) => Assert.Null(Sla.Current(Given.OrderIn(status), Policy));

    [Fact]
    public void Completion_deadline_depends_on_the_category()
    {
        var culture = OrderState.Replay([Given.Placed("culture")]).Then(Given.Dispatched() with { Category = "culture" }, Given.Accepted());
        Assert.Equal(TimeSpan.FromDays(14), Sla.Current(culture, Policy)!.DueAt - culture.StatusSince);
    }

    [Fact]
    public void Unaccepted_dispatch_is_withdrawn_when_due_with_the_reason_overdue()
    {
        var s = Given.OrderIn(OrderStatus.Dispatched);
        var withdrawn = Assert.IsType<DispatchWithdrawn>(Assert.Single(Due(s, SlaStep.Accept).Events));
        Assert.Equal("超时未接单", withdrawn.Reason);
        Assert.Equal(OrderStatus.Declined, s.Then(withdrawn).Status);
    }

    [Fact]
    public void Late_completion_is_escalated_once()
    {
        var s = Given.OrderIn(OrderStatus.Accepted);
        var escalated = Assert.IsType<OrderEscalated>(Assert.Single(Due(s, SlaStep.Complete).Events));
        var after = s.Then(escalated);
        Assert.Equal(SlaStep.Complete, after.EscalatedStep);
        Assert.Equal("already_escalated", Due(after, SlaStep.Complete, s.StatusSince).Rejection!.Code);
    }

    [Fact]
    public void Unrated_completion_is_closed_without_a_rating()
    {
        var s = Given.OrderIn(OrderStatus.Completed);
        var closed = Assert.IsType<OrderConfirmed>(Assert.Single(Due(s, SlaStep.Confirm).Events));
        Assert.Null(closed.Rating);
        Assert.Equal(OrderStatus.Confirmed, s.Then(closed).Status);
    }

    [Fact]
    public void Timer_for_a_step_the_order_has_left_is_stale()
    {
        var dispatched = Given.OrderIn(OrderStatus.Dispatched);
        var accepted = dispatched.Then(Given.Accepted());
        var late = OrderDecider.Decide(accepted, Expire(dispatched, SlaStep.Accept), Sla.Current(dispatched, Policy)!.DueAt.AddHours(1));
        Assert.Equal("timer_stale", late.Rejection!.Code);
        Assert.Empty(late.Events);
    }

    [Fact]
    public void Timer_of_an_earlier_round_of_the_same_step_is_stale()
    {
        // Dispatched, declined, dispatched again: the first dispatch's timer must not withdraw the second.
        var first = Given.OrderIn(OrderStatus.Dispatched);
        var again = first.Then(Given.Declined(), Given.Dispatched() with { OccurredAt = first.StatusSince.AddHours(3) });
        var decision = OrderDecider.Decide(again, Expire(first, SlaStep.Accept), again.StatusSince.AddHours(5));
        Assert.Equal("timer_stale", decision.Rejection!.Code);
    }

    [Fact]
    public void Timer_before_the_deadline_is_refused_as_early()
    {
        var s = Given.OrderIn(OrderStatus.Dispatched);
        var decision = OrderDecider.Decide(s, Expire(s, SlaStep.Accept), s.StatusSince.AddHours(1));
        Assert.Equal("timer_early", decision.Rejection!.Code);
    }

    [Theory]
    [InlineData(ActorRole.Resident)]
    [InlineData(ActorRole.Dispatcher)]
    [InlineData(ActorRole.Liaison)]
    [InlineData(ActorRole.Admin)]
    public void Only_the_system_expires_deadlines(ActorRole role)
    {
        var s = Given.OrderIn(OrderStatus.Dispatched);
        var decision = OrderDecider.Decide(s, Expire(s, SlaStep.Accept) with { By = new Actor(role, "x") }, s.StatusSince.AddDays(1));
        Assert.Equal("role_not_allowed", decision.Rejection!.Code);
    }

    [Fact]
    public void Escalation_is_cleared_when_the_order_moves_on()
    {
        var s = Given.OrderIn(OrderStatus.Placed);
        var escalated = s.Then(Assert.Single(Due(s, SlaStep.Dispatch).Events));
        Assert.Equal(SlaStep.Dispatch, escalated.EscalatedStep);
        Assert.Null(escalated.Then(Given.Dispatched() with { OccurredAt = escalated.UpdatedAt.AddMinutes(1) }).EscalatedStep);
    }
}
