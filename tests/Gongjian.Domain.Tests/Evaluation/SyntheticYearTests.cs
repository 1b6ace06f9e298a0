using Xunit;
using Gongjian.Domain.Community;
using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>
/// A year of 3,000 orders between two units, driven through the real rules at random (seeded) moments. The generator
/// writes down what it made each unit do — its own log, not the events — and the expected indicators are counted from
/// that log; the indicators computed from the orders' histories must agree for every unit and every month, quarter
/// and the year.
/// </summary>
public sealed class SyntheticYearTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly MemberUnit[] Units = [Fixture.Unit, Fixture.OtherUnit];
    private static readonly DateTimeOffset AsOf = new(2027, 3, 1, 0, 0, 0, Beijing);

    /// <summary>What the generator made a unit do with one dispatch (times; null: never happened).</summary>
    private sealed record Truth(string Unit, DateTimeOffset Dispatched, DateTimeOffset? Answered, bool Accepted, bool Declined, DateTimeOffset? StoppedAt,
        bool Withdrawn, DateTimeOffset? Completed, bool Reopened, bool Resolved, int? Rating, int Escalations);

    private static (List<IReadOnlyList<OrderEvent>> Histories, List<Truth> Truths) Year(int seed, int orders)
    {
        var random = new Random(seed);
        var histories = new List<IReadOnlyList<OrderEvent>>();
        var truths = new List<Truth>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Beijing);
        for (var n = 0; n < orders; n++)
        {
            var run = new OrderRun($"o{n}");
            var t = start.AddMinutes(random.Next(0, 365 * 24 * 60));
            run.Place(t);
            var candidates = Units.OrderBy(_ => random.Next()).ToList();
            foreach (var unit in candidates)
            {
                t = t.AddMinutes(random.Next(1, 20 * 60));
                run.Dispatch(unit, t);
                var dispatched = t;
                var deadline = dispatched.AddHours(4);
                var roll = random.Next(100);
                if (roll < 10)
                {
                    t = dispatched.AddMinutes(random.Next(1, 8 * 60)); // the resident cancels, before or after the deadline
                    if (t >= deadline) { run.Expire(deadline); truths.Add(new(unit.Id, dispatched, null, false, false, deadline, true, null, false, false, null, 0)); break; }
                    run.Cancel(t);
                    truths.Add(new(unit.Id, dispatched, null, false, false, t, false, null, false, false, null, 0));
                    break;
                }
                t = dispatched.AddMinutes(random.Next(1, 7 * 60));
                if (t >= deadline && random.Next(2) == 0)
                {
                    run.Expire(t = deadline.AddMinutes(random.Next(0, 120))); // nobody answered in time: the timer takes it back first
                    truths.Add(new(unit.Id, dispatched, null, false, false, deadline, true, null, false, false, null, 0));
                    continue;
                }
                if (roll < 25)
                {
                    run.Decline(unit, t); // in time, or late while the timer had not fired yet
                    truths.Add(new(unit.Id, dispatched, t, false, true, null, false, null, false, false, null, 0));
                    continue;
                }
                run.Accept(unit, t);
                var accepted = t;
                var escalations = 0;
                var doneAfter = TimeSpan.FromMinutes(random.Next(60, 130 * 60));
                if (doneAfter > TimeSpan.FromHours(73)) { run.Expire(accepted.AddHours(72).AddMinutes(30)); escalations++; }
                if (accepted + doneAfter > AsOf || random.Next(100) < 5)
                {
                    truths.Add(new(unit.Id, dispatched, accepted, true, false, null, false, null, false, false, null, escalations));
                    break; // still being done
                }
                t = accepted + doneAfter;
                run.Complete(unit, t);
                var completed = t;
                var reopened = random.Next(100) < 12;
                if (reopened)
                {
                    run.Reopen(t = t.AddHours(3));
                    var again = TimeSpan.FromMinutes(random.Next(60, 100 * 60));
                    if (again > TimeSpan.FromHours(73)) { run.Expire(t.AddHours(72).AddMinutes(30)); escalations++; }
                    run.Complete(unit, t = t + again);
                }
                int? rating = random.Next(100) < 70 ? random.Next(1, 6) : null;
                if (rating is { } r) run.Confirm(r, t.AddHours(5));
                else run.Expire(t.AddDays(7));
                truths.Add(new(unit.Id, dispatched, accepted, true, false, null, false, completed, reopened, true, rating, escalations));
                break;
            }
            histories.Add(run.History);
        }
        return (histories, truths);
    }

    /// <summary>The indicators counted straight from the generator's log, the definitions applied by hand.</summary>
    private static (int Received, int Due, int InTime, int Accepted, int Declined, int Withdrawn, int CompletionDue, int CompletedInTime, int Completed,
        int Resolved, int Rated, int Satisfied, int RatingSum, int Reopened, int Escalations, double? AcceptP90) Expected(IEnumerable<Truth> truths)
    {
        var list = truths.ToList();
        var answeredInTime = list.Count(x => x.Answered is { } a && a <= x.Dispatched.AddHours(4));
        var due = list.Count(x => x.Answered is not null || x.StoppedAt >= x.Dispatched.AddHours(4));
        var accepted = list.Where(x => x.Accepted).ToList();
        var acceptHours = accepted.Select(x => (x.Answered!.Value - x.Dispatched).TotalHours).Order().ToList();
        var completionDue = accepted.Count(x => x.Completed is not null || AsOf >= x.Answered!.Value.AddHours(72));
        var completedInTime = accepted.Count(x => x.Completed is { } c && c <= x.Answered!.Value.AddHours(72));
        var rated = list.Where(x => x.Rating is not null).ToList();
        return (list.Count, due, answeredInTime, accepted.Count, list.Count(x => x.Declined), list.Count(x => x.Withdrawn), completionDue, completedInTime,
            list.Count(x => x.Completed is not null), list.Count(x => x.Resolved), rated.Count, rated.Count(x => x.Rating >= 4), rated.Sum(x => x.Rating!.Value),
            list.Count(x => x.Reopened), list.Sum(x => x.Escalations),
            acceptHours.Count == 0 ? null : acceptHours[(int)Math.Ceiling(acceptHours.Count * 0.9) - 1]);
    }

    [Fact]
    public void Every_unit_month_quarter_and_the_year_agree_with_the_generators_own_count()
    {
        var (histories, truths) = Year(seed: 20261206, orders: 3000);
        var episodes = histories.SelectMany(DispatchEpisodes.From).ToList();
        Assert.Equal(truths.Count, episodes.Count);
        var year = EvaluationPeriod.TryParse("2026")!;
        var periods = year.Months().Concat(Enumerable.Range(1, 4).Select(q => EvaluationPeriod.TryParse($"2026-Q{q}")!)).Append(year).ToList();
        var checkedAny = 0;
        foreach (var unit in Units)
            foreach (var period in periods)
            {
                var actual = OrderIndicators.Compute(episodes.Where(e => e.UnitId == unit.Id), period, AsOf, SlaPolicy.Default);
                var expected = Expected(truths.Where(t => t.Unit == unit.Id && period.Contains(t.Dispatched)));
                Assert.Equal(expected, (actual.Received, actual.ResponseDue, actual.RespondedInTime, actual.Accepted, actual.Declined, actual.Withdrawn,
                    actual.CompletionDue, actual.CompletedInTime, actual.Completed, actual.Resolved, actual.Rated, actual.Satisfied, actual.RatingSum,
                    actual.ReopenedEpisodes, actual.Escalations, actual.AcceptHoursP90));
                Assert.Equal(expected.Due - expected.InTime + expected.CompletionDue - expected.CompletedInTime,
                    IndicatorCatalog.Find("overdue")!.Value(actual)); // 超期: the deadlines missed, answering and completing
                Assert.Equal(actual.Received, OrderTally.Of(episodes.Where(e => e.UnitId == unit.Id && period.Contains(e.DispatchedAt)), AsOf, SlaPolicy.Default)
                    .ReceivedByCategory.Values.Sum()); // every dispatch in one category
                checkedAny += actual.Received;
            }
        // Each dispatch of 2026 counted once in its month, once in its quarter and once in the year (the generator may run into 2027).
        Assert.Equal(3 * truths.Count(t => year.Contains(t.Dispatched)), checkedAny);
        Assert.InRange(truths.Count(t => t.Escalations > 0), 50, 3000); // the random year does exercise 督办, rework and late answers
        Assert.InRange(truths.Count(t => t.Reopened), 50, 3000);
    }

    [Fact]
    public void The_episodes_the_order_state_keeps_event_by_event_are_those_folded_from_its_whole_history()
    {
        var (histories, _) = Year(seed: 5, orders: 600);
        static string Json(IEnumerable<DispatchEpisode> e) => System.Text.Json.JsonSerializer.Serialize(e);
        foreach (var history in histories)
            for (var n = 1; n <= history.Count; n++)
                Assert.Equal(Json(DispatchEpisodes.From(history.Take(n))), Json(OrderState.Replay(history.Take(n)).Episodes));
        Assert.Contains(histories, h => OrderState.Replay(h).Episodes.Count >= 2);
    }

    [Fact]
    public void The_months_of_a_year_add_up_to_the_year()
    {
        var (histories, _) = Year(seed: 7, orders: 600);
        var episodes = histories.SelectMany(DispatchEpisodes.From).ToList();
        var year = EvaluationPeriod.TryParse("2026")!;
        var months = year.Months().Select(m => OrderIndicators.Compute(episodes, m, AsOf, SlaPolicy.Default)).ToList();
        var whole = OrderIndicators.Compute(episodes, year, AsOf, SlaPolicy.Default);
        Assert.Equal(whole.Received, months.Sum(m => m.Received));
        Assert.Equal(whole.CompletedInTime, months.Sum(m => m.CompletedInTime));
        Assert.Equal(whole.RatingSum, months.Sum(m => m.RatingSum));
        Assert.Equal(whole.Escalations, months.Sum(m => m.Escalations));
    }

    [Fact]
    public void Tallies_kept_per_unit_and_month_add_up_to_the_same_indicators_at_any_later_moment()
    {
        var (histories, _) = Year(seed: 11, orders: 800);
        var episodes = histories.SelectMany(DispatchEpisodes.From).ToList();
        var year = EvaluationPeriod.TryParse("2026")!;
        var madeAt = new DateTimeOffset(2026, 12, 31, 12, 0, 0, Beijing); // the tallies as the projection last wrote them
        var tallies = Units.SelectMany(u => year.Months().Select(m =>
            OrderTally.Of(episodes.Where(e => e.UnitId == u.Id && m.Contains(e.DispatchedAt)), madeAt, SlaPolicy.Default))).ToList();
        Assert.Equal(episodes.Count(e => e.DispatchedAt <= madeAt && year.Contains(e.DispatchedAt)), tallies.Sum(t => t.Received));
        // Read later (pending deadlines pass without any event): the same as computing from the episodes known then.
        var readAt = madeAt.AddDays(3);
        var summed = tallies.Aggregate(OrderTally.Empty, (a, b) => a.Add(b)).Read(readAt);
        var direct = OrderIndicators.Compute(episodes.Where(e => e.DispatchedAt <= madeAt).Select(e => AsKnownAt(e, madeAt)), year, readAt, SlaPolicy.Default);
        Assert.Equal(direct, summed);
        // The one-pass sum the indicators API uses gives the same, and the same counters and durations.
        var sum = OrderTally.Sum(tallies);
        Assert.Equal(direct, sum.Read(readAt));
        var folded = tallies.Aggregate(OrderTally.Empty, (a, b) => a.Add(b));
        Assert.Equal((folded.Escalations, folded.Withdrawn, folded.AnswerBy.Count), (sum.Escalations, sum.Withdrawn, sum.AnswerBy.Count));
        Assert.Equal(folded.AcceptMillis, sum.AcceptMillis);
        Assert.Equal(folded.CompleteBy, sum.CompleteBy);
    }

    /// <summary>The episode as it stood at <paramref name="at"/>: later moments had not happened.</summary>
    private static DispatchEpisode AsKnownAt(DispatchEpisode e, DateTimeOffset at)
    {
        DateTimeOffset? Cut(DateTimeOffset? x) => x <= at ? x : null;
        return e with
        {
            AcceptedAt = Cut(e.AcceptedAt), DeclinedAt = Cut(e.DeclinedAt), WithdrawnAt = Cut(e.WithdrawnAt), CancelledAt = Cut(e.CancelledAt),
            FirstCompletedAt = Cut(e.FirstCompletedAt), ConfirmedAt = Cut(e.ConfirmedAt), Rating = Cut(e.ConfirmedAt) is null ? null : e.Rating,
            ReopenedAt = [.. e.ReopenedAt.Where(x => x <= at)], EscalatedAt = [.. e.EscalatedAt.Where(x => x <= at)],
        };
    }
}
