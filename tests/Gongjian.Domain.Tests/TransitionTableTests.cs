using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Orders.OrderStatus;
using static Gongjian.Domain.Tests.Support.CommandKind;

namespace Gongjian.Domain.Tests;

/// <summary>
/// The order cycle as a table: every status (None = no order yet) against every command, each sent by
/// someone allowed to send it, with valid arguments. Expected is the new status (PascalCase) or the
/// rejection code (snake_case). The table is the specification, written by hand from the business rules.
/// </summary>
public sealed class TransitionTableTests
{
    public static readonly TheoryData<OrderStatus, CommandKind, string> Table = new()
    {
        { None, Place, "Placed" },                    { None, Dispatch, "order_not_found" },
        { None, Accept, "order_not_found" },          { None, Decline, "order_not_found" },
        { None, Complete, "order_not_found" },        { None, Confirm, "order_not_found" },
        { None, Reopen, "order_not_found" },          { None, Cancel, "order_not_found" },
        { None, Reject, "order_not_found" },          { None, Withdraw, "order_not_found" },
        { None, Showcase, "order_not_found" },{ None, Erase, "order_not_found" },

        { Placed, Place, "order_exists" },            { Placed, Dispatch, "Dispatched" },
        { Placed, Accept, "order_placed" },           { Placed, Decline, "order_placed" },
        { Placed, Complete, "order_placed" },         { Placed, Confirm, "order_placed" },
        { Placed, Reopen, "order_placed" },           { Placed, Cancel, "Cancelled" },
        { Placed, Reject, "Rejected" },               { Placed, Withdraw, "order_placed" },
        { Placed, Showcase, "order_placed" },{ Placed, Erase, "order_not_closed" },

        { Dispatched, Place, "order_exists" },        { Dispatched, Dispatch, "order_dispatched" },
        { Dispatched, Accept, "Accepted" },           { Dispatched, Decline, "Declined" },
        { Dispatched, Complete, "order_dispatched" }, { Dispatched, Confirm, "order_dispatched" },
        { Dispatched, Reopen, "order_dispatched" },   { Dispatched, Cancel, "Cancelled" },
        { Dispatched, Reject, "order_dispatched" },   { Dispatched, Withdraw, "Declined" },
        { Dispatched, Showcase, "order_dispatched" },{ Dispatched, Erase, "order_not_closed" },

        { Accepted, Place, "order_exists" },          { Accepted, Dispatch, "order_accepted" },
        { Accepted, Accept, "order_accepted" },       { Accepted, Decline, "order_accepted" },
        { Accepted, Complete, "Completed" },          { Accepted, Confirm, "order_accepted" },
        { Accepted, Reopen, "order_accepted" },       { Accepted, Cancel, "order_accepted" },
        { Accepted, Reject, "order_accepted" },       { Accepted, Withdraw, "order_accepted" },
        { Accepted, Showcase, "order_accepted" },{ Accepted, Erase, "order_not_closed" },

        { Completed, Place, "order_exists" },         { Completed, Dispatch, "order_completed" },
        { Completed, Accept, "order_completed" },     { Completed, Decline, "order_completed" },
        { Completed, Complete, "order_completed" },   { Completed, Confirm, "Confirmed" },
        { Completed, Reopen, "Reopened" },            { Completed, Cancel, "order_completed" },
        { Completed, Reject, "order_completed" },     { Completed, Withdraw, "order_completed" },
        { Completed, Showcase, "Completed" },{ Completed, Erase, "order_not_closed" },

        { Confirmed, Place, "order_exists" },         { Confirmed, Dispatch, "order_confirmed" },
        { Confirmed, Accept, "order_confirmed" },     { Confirmed, Decline, "order_confirmed" },
        { Confirmed, Complete, "order_confirmed" },   { Confirmed, Confirm, "order_confirmed" },
        { Confirmed, Reopen, "order_confirmed" },     { Confirmed, Cancel, "order_confirmed" },
        { Confirmed, Reject, "order_confirmed" },     { Confirmed, Withdraw, "order_confirmed" },
        { Confirmed, Showcase, "Confirmed" },{ Confirmed, Erase, "Confirmed" },

        { Declined, Place, "order_exists" },          { Declined, Dispatch, "Dispatched" },
        { Declined, Accept, "order_declined" },       { Declined, Decline, "order_declined" },
        { Declined, Complete, "order_declined" },     { Declined, Confirm, "order_declined" },
        { Declined, Reopen, "order_declined" },       { Declined, Cancel, "Cancelled" },
        { Declined, Reject, "Rejected" },             { Declined, Withdraw, "order_declined" },
        { Declined, Showcase, "order_declined" },{ Declined, Erase, "order_not_closed" },

        { Reopened, Place, "order_exists" },          { Reopened, Dispatch, "order_reopened" },
        { Reopened, Accept, "order_reopened" },       { Reopened, Decline, "order_reopened" },
        { Reopened, Complete, "Completed" },          { Reopened, Confirm, "order_reopened" },
        { Reopened, Reopen, "order_reopened" },       { Reopened, Cancel, "order_reopened" },
        { Reopened, Reject, "order_reopened" },       { Reopened, Withdraw, "order_reopened" },
        { Reopened, Showcase, "order_reopened" },{ Reopened, Erase, "order_not_closed" },

        { Cancelled, Place, "order_exists" },         { Cancelled, Dispatch, "order_cancelled" },
        { Cancelled, Accept, "order_cancelled" },     { Cancelled, Decline, "order_cancelled" },
        { Cancelled, Complete, "order_cancelled" },   { Cancelled, Confirm, "order_cancelled" },
        { Cancelled, Reopen, "order_cancelled" },     { Cancelled, Cancel, "order_cancelled" },
        { Cancelled, Reject, "order_cancelled" },     { Cancelled, Withdraw, "order_cancelled" },
        { Cancelled, Showcase, "order_cancelled" },{ Cancelled, Erase, "Cancelled" },

        { Rejected, Place, "order_exists" },          { Rejected, Dispatch, "order_rejected" },
        { Rejected, Accept, "order_rejected" },       { Rejected, Decline, "order_rejected" },
        { Rejected, Complete, "order_rejected" },     { Rejected, Confirm, "order_rejected" },
        { Rejected, Reopen, "order_rejected" },       { Rejected, Cancel, "order_rejected" },
        { Rejected, Reject, "order_rejected" },       { Rejected, Withdraw, "order_rejected" },
        { Rejected, Showcase, "order_rejected" },{ Rejected, Erase, "Rejected" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Valid_command_in_each_status_has_the_outcome_in_the_table(OrderStatus from, CommandKind command, string expected)
    {
        var state = Given.OrderIn(from);

        var decision = ValidCommand(command).DecideOn(state);

        if (Enum.TryParse<OrderStatus>(expected, ignoreCase: false, out var to) && char.IsUpper(expected[0]))
        {
            Assert.True(decision.IsAccepted, $"{from} + {command}: expected {to}, got {Expect.Describe(decision)}");
            Assert.Single(decision.Events);
            Assert.Equal(to, state.Then(decision.Events).Status);
        }
        else
        {
            Expect.Rejected(decision, expected, RejectionKind.Conflict);
        }
    }

    [Fact]
    public void Table_names_every_status_and_command_exactly_once()
    {
        var pairs = Table.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        var all = Enum.GetValues<OrderStatus>().SelectMany(s => Enum.GetValues<CommandKind>().Select(c => (s, c)));

        Assert.Equal(10 * 12, pairs.Count);
        Assert.Equal(all.OrderBy(p => p), pairs.OrderBy(p => p));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Given_history_leaves_the_order_in_the_named_status(OrderStatus status)
    {
        var state = Given.OrderIn(status);

        Assert.Equal(status, state.Status);
        Assert.Equal(Given.HistoryOf(status).Count, state.Version);
    }

    public static TheoryData<OrderStatus> Statuses => [.. Enum.GetValues<OrderStatus>()];

    /// <summary>Valid commands; a re-dispatch goes to a unit that has not declined the order.</summary>
    private static OrderCommand ValidCommand(CommandKind kind) =>
        kind == Dispatch ? Commands.Dispatch(Fixture.OtherUnit) : Commands.Of(kind);
}
