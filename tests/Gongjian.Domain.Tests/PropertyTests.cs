using FsCheck.Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;

namespace Gongjian.Domain.Tests;

/// <summary>
/// Invariants that hold whatever residents, dispatchers and units do, in any order: random scripts of
/// commands are tried from no order at all, accepted events applied, rejected commands skipped.
/// </summary>
[Properties(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 300)]
public sealed class PropertyTests
{
    [Property]
    public void No_order_is_confirmed_without_having_been_accepted(Script script)
    {
        foreach (var turn in Simulation.Run(script).Where(t => t.Decision.Events.Any(e => e is OrderConfirmed)))
            Assert.Contains(turn.HistoryBefore, e => e is OrderAccepted);
    }

    [Property]
    public void Completed_order_has_a_unit_and_an_after_photo(Script script)
    {
        foreach (var state in Simulation.Run(script).Select(t => t.After).Where(s => s.Status == OrderStatus.Completed))
        {
            Assert.NotNull(state.UnitId);
            Assert.NotEmpty(state.AfterPhotoIds);
        }
    }

    [Property]
    public void Closed_order_keeps_its_status_and_only_a_confirmed_one_can_be_showcased(Script script)
    {
        foreach (var turn in Simulation.Run(script).Where(t => t.Before.Status.IsClosed()))
        {
            Assert.Equal(turn.Before.Status, turn.After.Status);
            Assert.All(turn.Decision.Events, e => Assert.True(e is OrderShowcased or PersonalDataErased, e.GetType().Name));
            if (turn.Before.Status != OrderStatus.Confirmed) Assert.DoesNotContain(turn.Decision.Events, e => e is OrderShowcased);
        }
    }

    [Property]
    public void Personal_data_is_erased_only_from_closed_orders_and_never_comes_back(Script script)
    {
        foreach (var turn in Simulation.Run(script))
        {
            if (turn.Decision.Events.Any(e => e is PersonalDataErased)) Assert.True(turn.Before.Status.IsClosed());
            if (turn.Before.PersonalDataErasedAt is null) continue;
            Assert.Equal(turn.Before.PersonalDataErasedAt, turn.After.PersonalDataErasedAt);
            Assert.Equal(("", "", "", ""), (turn.After.Text, turn.After.Address, turn.After.Contact.Name, turn.After.Contact.Phone));
            Assert.Empty(turn.After.BeforePhotoIds);
        }
    }

    [Property]
    public void Version_is_the_number_of_applied_events(Script script)
    {
        foreach (var turn in Simulation.Run(script))
        {
            Assert.Equal(turn.History.Count, turn.After.Version);
            Assert.Equal(turn.After.Version, OrderState.Replay(turn.History).Version);
        }
    }

    [Property]
    public void Rejected_command_records_nothing_and_an_accepted_one_records_something(Script script)
    {
        foreach (var turn in Simulation.Run(script))
        {
            if (turn.Decision.IsAccepted) Assert.NotEmpty(turn.Decision.Events);
            else Assert.Empty(turn.Decision.Events);
            if (!turn.Decision.IsAccepted) Assert.Same(turn.Before, turn.After);
        }
    }

    [Property]
    public void Accepted_order_is_never_cancelled_in_the_same_dispatch(Script script)
    {
        foreach (var turn in Simulation.Run(script).Where(t => t.Decision.Events.Any(e => e is OrderCancelled)))
        {
            var sinceDispatch = turn.HistoryBefore.Reverse().TakeWhile(e => e is not OrderDispatched);
            Assert.DoesNotContain(sinceDispatch, e => e is OrderAccepted);
            Assert.DoesNotContain(turn.HistoryBefore, e => e is OrderAccepted);
        }
    }

    [Property]
    public void Resident_reopens_at_most_three_times(Script script)
    {
        foreach (var turn in Simulation.Run(script))
            Assert.InRange(turn.After.ReopenCount, 0, OrderLimits.ReopensMax);
    }

    [Property]
    public void Only_the_assigned_unit_accepts_declines_or_completes(Script script)
    {
        foreach (var turn in Simulation.Run(script).Where(t => t.Decision.IsAccepted
            && t.Command is AcceptOrder or DeclineOrder or CompleteOrder))
        {
            Assert.Equal(ActorRole.Liaison, turn.Command.By.Role);
            Assert.Equal(turn.Before.UnitId, turn.Command.By.Id);
        }
    }

    [Property]
    public void Same_inputs_give_the_same_decision(Script script)
    {
        foreach (var turn in Simulation.Run(script))
        {
            var again = OrderDecider.Decide(turn.Before, turn.Command, turn.Now);
            var fromReplay = OrderDecider.Decide(OrderState.Replay(turn.HistoryBefore), turn.Command with { }, turn.Now);

            foreach (var other in new[] { again, fromReplay })
            {
                Assert.Equal(turn.Decision.Rejection, other.Rejection);
                Assert.Equal(turn.Decision.Events, other.Events);
            }
        }
    }
}
