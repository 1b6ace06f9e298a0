using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Orders.OrderStatus;

namespace Gongjian.Domain.Tests;

/// <summary>The why of an event (reason, note, comment) and what the resident typed are stored trimmed.</summary>
public sealed class WhyTests
{
    private const string Why = "已与居民电话沟通";
    private const string Padded = "  \t" + Why + " \n";

    private static readonly Dictionary<string, (OrderStatus From, OrderCommand Command, Func<OrderEvent, string?> Read)> Cases = new()
    {
        ["dispatch note"] = (Placed, Commands.Dispatch() with { Note = Padded }, e => ((OrderDispatched)e).Note),
        ["decline reason"] = (Dispatched, Commands.Decline() with { Reason = Padded }, e => ((OrderDeclined)e).Reason),
        ["withdraw reason"] = (Dispatched, Commands.Withdraw() with { Reason = Padded }, e => ((DispatchWithdrawn)e).Reason),
        ["reject reason"] = (Placed, Commands.Reject() with { Reason = Padded }, e => ((OrderRejected)e).Reason),
        ["cancel reason"] = (Dispatched, Commands.Cancel() with { Reason = Padded }, e => ((OrderCancelled)e).Reason),
        ["completion note"] = (Accepted, Commands.Complete() with { Note = Padded }, e => ((OrderCompleted)e).Note),
        ["rating comment"] = (Completed, Commands.Confirm() with { Comment = Padded }, e => ((OrderConfirmed)e).Comment),
        ["reopen reason"] = (Completed, Commands.Reopen() with { Reason = Padded }, e => ((OrderReopened)e).Reason),
        ["order text"] = (None, Commands.Place() with { Text = Padded }, e => ((OrderPlaced)e).Text),
        ["address"] = (None, Commands.Place() with { Address = Padded }, e => ((OrderPlaced)e).Address),
        ["contact name"] = (None, Commands.Place() with { Contact = new(Padded, "13812345678") }, e => ((OrderPlaced)e).Contact.Name),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Why_is_stored_without_surrounding_whitespace(string name)
    {
        var (from, command, read) = Cases[name];

        var decision = command.DecideOn(Given.OrderIn(from));

        Assert.True(decision.IsAccepted, Expect.Describe(decision));
        Assert.Equal(Why, read(Assert.Single(decision.Events)));
    }

    [Theory]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("+86 138-1234-5678")]
    [InlineData(" 138 1234 5678 ")]
    public void Contact_phone_is_stored_normalized(string typed)
    {
        var placed = Expect.Single<OrderPlaced>(
            (Commands.Place() with { Contact = new("张三", typed) }).DecideOn(OrderState.Initial));

        Assert.Equal("13812345678", placed.Contact.Phone);
        Assert.Equal("13812345678", OrderState.Replay([placed]).Contact.Phone);
    }
}
