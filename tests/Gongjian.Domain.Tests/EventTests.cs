using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Orders.OrderStatus;
using static Gongjian.Domain.Tests.Support.CommandKind;

namespace Gongjian.Domain.Tests;

/// <summary>What an accepted command records: which order, when, by whom and why.</summary>
public sealed class EventTests
{
    private static readonly DateTimeOffset Later = Fixture.Now.AddHours(5).AddSeconds(17);

    /// <summary>Every (status, command) pair the cycle accepts, with the event it records.</summary>
    public static readonly TheoryData<OrderStatus, CommandKind, string> Accepted = new()
    {
        { None, Place, nameof(OrderPlaced) },
        { Placed, Dispatch, nameof(OrderDispatched) }, { Placed, Cancel, nameof(OrderCancelled) }, { Placed, Reject, nameof(OrderRejected) },
        { Dispatched, Accept, nameof(OrderAccepted) }, { Dispatched, Decline, nameof(OrderDeclined) },
        { Dispatched, Withdraw, nameof(DispatchWithdrawn) }, { Dispatched, Cancel, nameof(OrderCancelled) },
        { OrderStatus.Accepted, Complete, nameof(OrderCompleted) }, { Reopened, Complete, nameof(OrderCompleted) },
        { Completed, Confirm, nameof(OrderConfirmed) }, { Completed, Reopen, nameof(OrderReopened) },
        { Completed, Showcase, nameof(OrderShowcased) }, { Confirmed, Showcase, nameof(OrderShowcased) },
        { Declined, Dispatch, nameof(OrderDispatched) }, { Declined, Cancel, nameof(OrderCancelled) }, { Declined, Reject, nameof(OrderRejected) },
        { Confirmed, Erase, nameof(PersonalDataErased) }, { Cancelled, Erase, nameof(PersonalDataErased) },
        { Rejected, Erase, nameof(PersonalDataErased) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Event_names_the_order_the_moment_and_the_sender(OrderStatus from, CommandKind kind, string eventType)
    {
        var state = Given.OrderIn(from);
        var command = kind == Dispatch ? Commands.Dispatch(Fixture.OtherUnit, Fixture.Admin) : Commands.Of(kind);

        var decision = OrderDecider.Decide(state, command, Later);

        var e = Assert.Single(decision.Events);
        Assert.Equal(eventType, e.GetType().Name);
        Assert.Equal(Fixture.OrderId, e.OrderId);
        Assert.Equal(Later, e.OccurredAt);
        Assert.Same(command.By, e.By);
        Assert.Equal(state.Version + 1, state.Then(e).Version);
        Assert.Equal(Later, state.Then(e).UpdatedAt);
    }

    [Theory]
    [InlineData(Decline)]
    [InlineData(Withdraw)]
    public void Taking_the_order_back_leaves_it_with_the_dispatcher_and_no_unit(CommandKind kind)
    {
        var state = Given.OrderIn(Dispatched);

        var after = state.Then(Commands.Of(kind).DecideOn(state).Events);

        Assert.Equal(Declined, after.Status);
        Assert.Null(after.UnitId);
        Assert.Null(after.UnitName);
        Assert.Null(after.DispatchedAt);
    }

    [Fact]
    public void Declined_order_remembers_the_unit_that_declined()
    {
        var state = Given.OrderIn(Dispatched);

        var declined = Expect.Single<OrderDeclined>(Commands.Decline().DecideOn(state));

        Assert.Equal(Fixture.Unit.Id, declined.UnitId);
        Assert.Equal([Fixture.Unit.Id], state.Then(declined).DeclinedUnitIds);
    }

    /// <summary>Fails today: Evolve ignores DispatchWithdrawn.UnitId (see the report).</summary>
    [Fact]
    public void Withdrawn_dispatch_remembers_the_unit_it_was_taken_from()
    {
        var state = Given.OrderIn(Dispatched);

        var withdrawn = Expect.Single<DispatchWithdrawn>(Commands.Withdraw().DecideOn(state));

        Assert.Equal(Fixture.Unit.Id, withdrawn.UnitId);
        Assert.Equal([Fixture.Unit.Id], state.Then(withdrawn).DeclinedUnitIds);
    }

    [Fact]
    public void Dispatching_again_keeps_the_units_that_declined_before()
    {
        var state = Given.OrderIn(Declined).Then(Given.Dispatched(Fixture.OtherUnit), Given.Declined(Fixture.OtherUnit.Id));

        var after = state.Then(Commands.Dispatch(Fixture.Unit).DecideOn(state).Events);

        Assert.Equal(Dispatched, after.Status);
        Assert.Equal(Fixture.Unit.Id, after.UnitId);
        Assert.Equal([Fixture.Unit.Id, Fixture.OtherUnit.Id], after.DeclinedUnitIds);
    }

    [Fact]
    public void Version_counts_the_events_one_by_one()
    {
        var history = Given.HistoryOf(Confirmed);

        var versions = history.Select((_, i) => OrderState.Replay(history.Take(i + 1)).Version);

        Assert.Equal(Enumerable.Range(1, history.Count), versions);
    }

    [Fact]
    public void Reopened_order_stays_with_the_unit_that_did_the_work()
    {
        var state = Given.OrderIn(Completed);

        var reopened = state.Then(Commands.Reopen().DecideOn(state).Events);
        var completedAgain = reopened.Then(
            (Commands.Complete() with { PhotoIds = ["photo-after-2"] }).DecideOn(reopened).Events);

        Assert.Equal((Fixture.Unit.Id, Fixture.Unit.Name, 1), (reopened.UnitId, reopened.UnitName, reopened.ReopenCount));
        Assert.Equal(Completed, completedAgain.Status);
        Assert.Equal(["photo-after-1", "photo-after-2"], completedAgain.AfterPhotoIds);
        Assert.True(completedAgain.WasAccepted);
    }
}
