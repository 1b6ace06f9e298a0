using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Orders.ActorRole;
using static Gongjian.Domain.Tests.Support.CommandKind;

namespace Gongjian.Domain.Tests;

/// <summary>Who may do what: every command sent by a role that may not send it, and liaisons of other units.</summary>
public sealed class RoleTests
{
    /// <summary>Each command against the roles that may NOT send it, written out from the rules.</summary>
    public static readonly TheoryData<CommandKind, ActorRole> WrongRoles = new()
    {
        { Place, Liaison }, { Place, Organizer },
        { Dispatch, Resident }, { Dispatch, Liaison }, { Dispatch, Organizer }, { Dispatch, ActorRole.System },
        { Reject, Resident }, { Reject, Liaison }, { Reject, Organizer }, { Reject, ActorRole.System },
        { Accept, Resident }, { Accept, Dispatcher }, { Accept, Organizer }, { Accept, Admin }, { Accept, ActorRole.System },
        { Decline, Resident }, { Decline, Dispatcher }, { Decline, Organizer }, { Decline, Admin }, { Decline, ActorRole.System },
        { Complete, Resident }, { Complete, Dispatcher }, { Complete, Organizer }, { Complete, Admin }, { Complete, ActorRole.System },
        { Confirm, Dispatcher }, { Confirm, Liaison }, { Confirm, Organizer }, { Confirm, Admin }, { Confirm, ActorRole.System },
        { Reopen, Dispatcher }, { Reopen, Liaison }, { Reopen, Organizer }, { Reopen, Admin }, { Reopen, ActorRole.System },
        { Cancel, Dispatcher }, { Cancel, Liaison }, { Cancel, Organizer }, { Cancel, Admin }, { Cancel, ActorRole.System },
        { Withdraw, Resident }, { Withdraw, Liaison }, { Withdraw, Organizer },
        { Showcase, Resident }, { Showcase, Dispatcher }, { Showcase, Liaison }, { Showcase, ActorRole.System },
        { Erase, Dispatcher }, { Erase, Liaison }, { Erase, Organizer },
        // A grid worker (网格员) sends no order command: 格事坊's staff turn its reports into orders.
        { Place, GridWorker }, { Dispatch, GridWorker }, { Reject, GridWorker }, { Accept, GridWorker }, { Decline, GridWorker }, { Complete, GridWorker },
        { Confirm, GridWorker }, { Reopen, GridWorker }, { Cancel, GridWorker }, { Withdraw, GridWorker }, { Showcase, GridWorker }, { Erase, GridWorker },
    };

    /// <summary>Each command against the roles that MAY send it.</summary>
    public static readonly TheoryData<CommandKind, ActorRole> RightRoles = new()
    {
        { Place, Resident }, { Place, Dispatcher }, { Place, Admin }, { Place, ActorRole.System },
        { Dispatch, Dispatcher }, { Dispatch, Admin },
        { Reject, Dispatcher }, { Reject, Admin },
        { Accept, Liaison }, { Decline, Liaison }, { Complete, Liaison },
        { Confirm, Resident }, { Reopen, Resident }, { Cancel, Resident },
        { Withdraw, ActorRole.System }, { Withdraw, Dispatcher }, { Withdraw, Admin },
        { Showcase, Organizer }, { Showcase, Admin },
        { Erase, Resident }, { Erase, Admin }, { Erase, ActorRole.System },
    };

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public void Command_from_a_role_that_may_not_send_it_is_forbidden(CommandKind command, ActorRole role)
    {
        var state = Given.OrderIn(StatusWhereAllowed(command));

        var decision = Commands.Of(command, Fixture.WithRole(role)).DecideOn(state);

        Expect.Rejected(decision, "role_not_allowed", RejectionKind.Forbidden);
    }

    [Theory]
    [MemberData(nameof(RightRoles))]
    public void Command_from_a_role_that_may_send_it_is_accepted(CommandKind command, ActorRole role)
    {
        var state = Given.OrderIn(StatusWhereAllowed(command));

        var decision = Commands.Of(command, Fixture.WithRole(role)).DecideOn(state);

        Assert.True(decision.IsAccepted, $"{role} {command}: {Expect.Describe(decision)}");
    }

    [Fact]
    public void Role_tables_name_every_command_and_role_pair_exactly_once()
    {
        var named = WrongRoles.Concat(RightRoles).Select(r => r.Data).ToList();

        Assert.Equal(Enum.GetValues<CommandKind>().Length * Enum.GetValues<ActorRole>().Length, named.Count);
        Assert.Equal(named.Count, named.Distinct().Count());
    }

    [Theory]
    [InlineData(Accept, OrderStatus.Dispatched)]
    [InlineData(Decline, OrderStatus.Dispatched)]
    [InlineData(Complete, OrderStatus.Accepted)]
    [InlineData(Complete, OrderStatus.Reopened)]
    public void Liaison_of_another_unit_is_not_the_assigned_unit(CommandKind command, OrderStatus status)
    {
        var state = Given.OrderIn(status);

        var decision = Commands.Of(command, Fixture.LiaisonOf(Fixture.OtherUnit)).DecideOn(state);

        Expect.Rejected(decision, "not_assigned_unit", RejectionKind.Forbidden);
    }

    [Fact]
    public void Unit_that_declined_cannot_accept_afterwards()
    {
        var state = Given.OrderIn(OrderStatus.Declined);

        var decision = Commands.Accept(Fixture.LiaisonOf(Fixture.Unit)).DecideOn(state);

        Expect.Rejected(decision, "order_declined", RejectionKind.Conflict);
    }

    [Fact]
    public void Liaison_of_the_newly_dispatched_unit_may_accept_after_a_decline()
    {
        var state = Given.OrderIn(OrderStatus.Declined).Then(Given.Dispatched(Fixture.OtherUnit));

        Assert.True(Commands.Accept(Fixture.LiaisonOf(Fixture.OtherUnit)).DecideOn(state).IsAccepted);
        Expect.Rejected(Commands.Accept(Fixture.LiaisonOf(Fixture.Unit)).DecideOn(state), "not_assigned_unit", RejectionKind.Forbidden);
    }

    [Fact]
    public void Wrong_role_is_told_so_even_on_a_closed_order()
    {
        var decision = Commands.Dispatch(by: Fixture.Resident).DecideOn(Given.OrderIn(OrderStatus.Cancelled));

        Expect.Rejected(decision, "role_not_allowed", RejectionKind.Forbidden);
    }

    /// <summary>The status in which the command, sent by the right person, would go through.</summary>
    private static OrderStatus StatusWhereAllowed(CommandKind command) => command switch
    {
        Place => OrderStatus.None,
        Dispatch or Reject or Cancel => OrderStatus.Placed,
        Accept or Decline or Withdraw => OrderStatus.Dispatched,
        Complete => OrderStatus.Accepted,
        Confirm or Reopen or Showcase => OrderStatus.Completed,
        Erase => OrderStatus.Confirmed,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
