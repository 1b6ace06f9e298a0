using FsCheck;
using FsCheck.Fluent;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;

namespace Gongjian.Domain.Tests;

/// <summary>The random scripts behind the property tests really reach every corner of the cycle.</summary>
public sealed class GeneratorCoverageTests
{
    private static readonly IReadOnlyList<Turn> Turns =
        [.. ScriptArbitrary.Scripts.Sample(100, new Rnd(20250601UL), 300).SelectMany(Simulation.Run)];

    [Fact]
    public void Generated_scripts_reach_every_status()
    {
        var reached = Turns.Select(t => t.After.Status).ToHashSet();

        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), reached.Order());
    }

    [Theory]
    [InlineData("role_not_allowed")]
    [InlineData("not_assigned_unit")]
    [InlineData("order_exists")]
    [InlineData("order_not_found")]
    [InlineData("completion_photo_required")]
    [InlineData("rating_out_of_range")]
    [InlineData("reopen_limit_reached")]
    [InlineData("already_in_showcase")]
    [InlineData("unit_does_not_serve_category")]
    [InlineData("unit_does_not_cover_community")]
    [InlineData("order_not_closed")]
    [InlineData("already_erased")]
    public void Generated_scripts_meet_the_rejection(string code)
    {
        Assert.Contains(Turns, t => t.Decision.Rejection?.Code == code);
    }

    [Fact]
    public void Generated_scripts_confirm_orders_that_were_reopened_and_showcased()
    {
        Assert.Contains(Turns, t => t.After.Status == OrderStatus.Confirmed && t.After.ReopenCount > 0);
        Assert.Contains(Turns, t => t.After.Status == OrderStatus.Confirmed && t.After.ShowcaseIds.Count > 0);
        Assert.Contains(Turns, t => t.After.Status == OrderStatus.Cancelled && t.History.Any(e => e is OrderDispatched));
    }
}
