using Xunit;
using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>
/// A July of seven orders between two units — answered late, declined and re-dispatched, withdrawn by the timer,
/// 督办, sent back for rework, closed without a rating, erased, cancelled, still open — and every indicator checked
/// against numbers worked out by hand (in the comments).
/// </summary>
public sealed class OrderIndicatorsTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    private static readonly EvaluationPeriod July = EvaluationPeriod.TryParse("2026-07")!;
    private static readonly DateTimeOffset AsOf = At(7, 31, 22);
    private static readonly Community.MemberUnit A = Fixture.Unit, B = Fixture.OtherUnit;

    private static List<OrderRun> July2026()
    {
        var o1 = new OrderRun("o1").Place(At(7, 1, 8)).Dispatch(A, At(7, 1, 9)).Accept(A, At(7, 1, 10)).Complete(A, At(7, 2, 10)).Confirm(5, At(7, 2, 12));
        var o2 = new OrderRun("o2").Place(At(7, 3, 8)).Dispatch(A, At(7, 3, 9)).Decline(A, At(7, 3, 15))   // A answers after 6 h (late)
            .Dispatch(B, At(7, 3, 16)).Accept(B, At(7, 3, 17)).Expire(At(7, 6, 18))                       // B: 督办 past 72 h
            .Complete(B, At(7, 8, 17)).Reopen(At(7, 9, 9)).Complete(B, At(7, 10, 9)).Confirm(3, At(7, 10, 12));
        var o3 = new OrderRun("o3").Place(At(7, 10, 8)).Dispatch(A, At(7, 10, 9)).Expire(At(7, 10, 13)) // A never answers: withdrawn
            .Dispatch(B, At(7, 10, 14)).Accept(B, At(7, 10, 15)).Complete(B, At(7, 11, 15)).Expire(At(7, 18, 15)) // closed unrated
            .Erase(At(7, 20, 9));
        var o4 = new OrderRun("o4").Place(At(7, 20, 8)).Dispatch(A, At(7, 20, 9)).Accept(A, At(7, 20, 11)).Expire(At(7, 23, 12)); // still open, late
        var o5 = new OrderRun("o5").Place(At(7, 31, 19)).Dispatch(A, At(7, 31, 20));                      // not yet due to answer
        var o6 = new OrderRun("o6").Place(At(6, 30, 23)).Dispatch(A, At(6, 30, 23, 30));                   // June
        var o7 = new OrderRun("o7").Place(At(7, 15, 8)).Dispatch(A, At(7, 15, 9)).Cancel(At(7, 15, 10));  // cancelled before the deadline
        return [o1, o2, o3, o4, o5, o6, o7];
    }

    private static OrderIndicators Of(string unitId) =>
        OrderIndicators.Compute(July2026().SelectMany(o => DispatchEpisodes.From(o.History)).Where(e => e.UnitId == unitId), July, AsOf, SlaPolicy.Default);

    [Fact]
    public void Unit_A_is_judged_on_six_dispatches_of_July()
    {
        var a = Of(A.Id);
        Assert.Equal(6, a.Received);                          // o1 o2 o3 o4 o5 o7 (o6 is June's)
        Assert.Equal((2, 4), (a.RespondedInTime, a.ResponseDue)); // o1 1 h, o4 2 h in time; o2 6 h late; o3 withdrawn; o5 not due; o7 cancelled in time
        Assert.Equal(0.5, a.ResponseRate);
        Assert.Equal((1, 1, 2), (a.Declined, a.Withdrawn, a.Accepted));
        Assert.Equal((1.5, 2.0), (a.AcceptHoursMean, a.AcceptHoursP90));
        Assert.Equal((1, 2), (a.CompletedInTime, a.CompletionDue)); // o1 in 24 h; o4 past its 72 h and not done
        Assert.Equal((24.0, 24.0), (a.CompleteHoursMean, a.CompleteHoursP90));
        Assert.Equal((1, 0.5), (a.Resolved, a.ResolutionRate));
        Assert.Equal((1, 1, 5.0, 1.0), (a.Rated, a.Satisfied, a.MeanRating, a.SatisfactionRate));
        Assert.Equal((0.0, 1), (a.ReopenRate, a.Escalations));
    }

    [Fact]
    public void Unit_B_is_judged_on_the_two_orders_it_got_after_A()
    {
        var b = Of(B.Id);
        Assert.Equal(2, b.Received);
        Assert.Equal(1.0, b.ResponseRate);
        Assert.Equal((1, 2), (b.CompletedInTime, b.CompletionDue)); // o2 first completed after 120 h (late), o3 after 24 h
        Assert.Equal((72.0, 120.0), (b.CompleteHoursMean, b.CompleteHoursP90));
        Assert.Equal((2, 1.0), (b.Resolved, b.ResolutionRate));     // o3 closed by the confirm deadline counts as resolved
        Assert.Equal((1, 0, 3.0, 0.0), (b.Rated, b.Satisfied, b.MeanRating, b.SatisfactionRate)); // o3 unrated: not in the base
        Assert.Equal((0.5, 1), (b.ReopenRate, b.Escalations));
    }

    [Fact]
    public void Erasing_personal_data_changes_no_episode()
    {
        var o3 = July2026()[2];
        Assert.IsType<PersonalDataErased>(o3.History[^1]);
        Assert.Equal(DispatchEpisodes.From(o3.History.SkipLast(1)).Select(Flat), DispatchEpisodes.From(o3.History).Select(Flat));
    }

    [Fact]
    public void What_happened_after_the_as_of_moment_does_not_count_yet()
    {
        // On 7 July at noon: o2's completion (8 July) and rework have not happened; B's escalation (6 July) has.
        var b = OrderIndicators.Compute(July2026().SelectMany(o => DispatchEpisodes.From(o.History)).Where(e => e.UnitId == B.Id), July,
            At(7, 7, 12), SlaPolicy.Default);
        Assert.Equal((1, 0, 1, 0, 1), (b.Received, b.Completed, b.CompletionDue, b.Resolved, b.Escalations));
    }

    [Fact]
    public void An_empty_base_gives_no_rate_not_zero()
    {
        var none = OrderIndicators.Compute([], July, AsOf, SlaPolicy.Default);
        Assert.Equal(0, none.Received);
        Assert.Null(none.ResponseRate);
        Assert.Null(none.SatisfactionRate);
        Assert.Null(none.AcceptHoursP90);
    }

    private static string Flat(DispatchEpisode e) =>
        $"{e.OrderId}|{e.UnitId}|{e.DispatchedAt:O}|{e.AcceptedAt:O}|{e.FirstCompletedAt:O}|{e.ConfirmedAt:O}|{e.Rating}|{string.Join(',', e.ReopenedAt)}|{string.Join(',', e.EscalatedAt)}";
}
