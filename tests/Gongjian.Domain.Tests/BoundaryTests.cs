using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;

namespace Gongjian.Domain.Tests;

/// <summary>Input right at the limits goes through: the validation refuses only what is really wrong.</summary>
public sealed class BoundaryTests
{
    [Fact]
    public void Text_of_exactly_2000_characters_is_accepted()
    {
        var text = new string('修', OrderLimits.TextMax);

        var placed = Expect.Single<OrderPlaced>((Commands.Place() with { Text = text }).DecideOn(OrderState.Initial));

        Assert.Equal(text, placed.Text);
    }

    [Fact]
    public void Surrounding_whitespace_does_not_count_towards_the_limit()
    {
        var text = new string('修', OrderLimits.TextMax);

        var placed = Expect.Single<OrderPlaced>((Commands.Place() with { Text = $"  {text}\n" }).DecideOn(OrderState.Initial));

        Assert.Equal(text, placed.Text);
    }

    [Fact]
    public void Nine_photos_are_accepted_when_placing_and_completing()
    {
        string[] nine = [.. Enumerable.Range(1, OrderLimits.PhotosMax).Select(i => $"photo-{i}")];

        Expect.Single<OrderPlaced>((Commands.Place() with { PhotoIds = nine }).DecideOn(OrderState.Initial));
        Expect.Single<OrderCompleted>((Commands.Complete() with { PhotoIds = nine }).DecideOn(Given.OrderIn(OrderStatus.Accepted)));
    }

    [Fact]
    public void Resident_may_leave_the_category_to_the_dispatcher()
    {
        var placed = Expect.Single<OrderPlaced>((Commands.Place() with { Category = null }).DecideOn(OrderState.Initial));
        var state = OrderState.Replay([placed]);

        var dispatched = Expect.Single<OrderDispatched>((Commands.Dispatch() with { Category = "safety" }).DecideOn(state));

        Assert.Null(placed.Category);
        Assert.Equal("safety", dispatched.Category);
        Assert.Equal("safety", state.Then(dispatched).Category);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Ratings_from_one_to_five_are_accepted(int rating)
    {
        var confirmed = Expect.Single<OrderConfirmed>(
            (Commands.Confirm() with { Rating = rating, Comment = null }).DecideOn(Given.OrderIn(OrderStatus.Completed)));

        Assert.Equal(rating, confirmed.Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Resident_may_reopen_up_to_three_times(int earlierReopens)
    {
        var state = Given.CompletedAfterReopens(earlierReopens);

        var reopened = Expect.Single<OrderReopened>(Commands.Reopen().DecideOn(state));

        Assert.Equal(earlierReopens + 1, state.Then(reopened).ReopenCount);
    }

    [Fact]
    public void Order_may_be_in_several_showcases()
    {
        var state = Given.OrderIn(OrderStatus.Confirmed).Then(Given.Showcased("showcase-2025-05"));

        var showcased = Expect.Single<OrderShowcased>(Commands.Showcase(showcaseId: "showcase-2025-06").DecideOn(state));

        Assert.Equal(["showcase-2025-05", "showcase-2025-06"], state.Then(showcased).ShowcaseIds);
    }

    [Fact]
    public void Cancel_without_a_reason_is_accepted()
    {
        var cancelled = Expect.Single<OrderCancelled>((Commands.Cancel() with { Reason = null }).DecideOn(Given.OrderIn(OrderStatus.Placed)));

        Assert.Null(cancelled.Reason);
    }
}
