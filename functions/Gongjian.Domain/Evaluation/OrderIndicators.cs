using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Evaluation;

/// <summary>
/// A unit's (or a community's, a street's) order indicators over a period, as 12345 hotlines judge the units that
/// handle citizens' requests. An episode counts in the period of its dispatch (Beijing time); what it later became
/// (accepted, completed, rated) counts there too. A rate whose base is empty is null, never 0 or 100 %.
/// The definitions are <see cref="IndicatorCatalog"/>'s, word for word in <c>docs/INDICATORS.md</c>.
/// </summary>
public sealed record OrderIndicators
{
    public int Received { get; init; }
    public int ResponseDue { get; init; }
    public int RespondedInTime { get; init; }
    public int Accepted { get; init; }
    public int Declined { get; init; }
    public int Withdrawn { get; init; }
    public int CompletionDue { get; init; }
    public int CompletedInTime { get; init; }
    public int Completed { get; init; }
    public int Resolved { get; init; }
    public int Rated { get; init; }
    public int Satisfied { get; init; }
    public int RatingSum { get; init; }
    public int ReopenedEpisodes { get; init; }
    public int Escalations { get; init; }
    public double? AcceptHoursMean { get; init; }
    public double? AcceptHoursP90 { get; init; }
    public double? CompleteHoursMean { get; init; }
    public double? CompleteHoursP90 { get; init; }

    public double? ResponseRate => Rate(RespondedInTime, ResponseDue);
    public double? OnTimeCompletionRate => Rate(CompletedInTime, CompletionDue);
    public double? ResolutionRate => Rate(Resolved, Accepted);
    public double? SatisfactionRate => Rate(Satisfied, Rated);
    public double? MeanRating => Rated == 0 ? null : (double)RatingSum / Rated;
    public double? ReopenRate => Rate(ReopenedEpisodes, Completed);

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The indicators of the episodes dispatched in <paramref name="period"/>, as known at <paramref name="asOf"/>.</summary>
    public static OrderIndicators Compute(IEnumerable<DispatchEpisode> episodes, EvaluationPeriod period, DateTimeOffset asOf, SlaPolicy policy)
    {
        var inPeriod = episodes.Where(e => period.Contains(e.DispatchedAt) && e.DispatchedAt <= asOf).ToList();
        var acceptHours = new List<double>();
        var completeHours = new List<double>();
        var r = new Tally();
        foreach (var e in inPeriod)
        {
            r.Received++;
            var answerBy = e.DispatchedAt + policy.Allowed(SlaStep.Accept, e.Category);
            var answeredAt = Known(e.RespondedAt, asOf);
            var stoppedAt = Min(Known(e.CancelledAt, asOf), Known(e.WithdrawnAt, asOf), asOf);
            if (answeredAt is not null || stoppedAt >= answerBy) r.ResponseDue++;
            if (answeredAt <= answerBy) r.RespondedInTime++;
            if (Known(e.DeclinedAt, asOf) is not null) r.Declined++;
            if (Known(e.WithdrawnAt, asOf) is not null) r.Withdrawn++;
            if (Known(e.AcceptedAt, asOf) is not { } accepted) continue;
            r.Accepted++;
            acceptHours.Add((accepted - e.DispatchedAt).TotalHours);
            var completeBy = accepted + policy.Allowed(SlaStep.Complete, e.Category);
            var completed = Known(e.FirstCompletedAt, asOf);
            if (completed is not null || asOf >= completeBy) r.CompletionDue++;
            if (completed <= completeBy) r.CompletedInTime++;
            if (completed is { } done)
            {
                r.Completed++;
                completeHours.Add((done - accepted).TotalHours);
                if (e.ReopenedAt.Any(t => t <= asOf)) r.ReopenedEpisodes++;
            }
            if (Known(e.ConfirmedAt, asOf) is not null)
            {
                r.Resolved++;
                if (e.Rating is { } rating)
                {
                    r.Rated++;
                    r.RatingSum += rating;
                    if (rating >= 4) r.Satisfied++;
                }
            }
            r.Escalations += e.EscalatedAt.Count(t => t <= asOf);
        }
        return new OrderIndicators
        {
            Received = r.Received, ResponseDue = r.ResponseDue, RespondedInTime = r.RespondedInTime, Accepted = r.Accepted, Declined = r.Declined,
            Withdrawn = r.Withdrawn, CompletionDue = r.CompletionDue, CompletedInTime = r.CompletedInTime, Completed = r.Completed, Resolved = r.Resolved,
            Rated = r.Rated, Satisfied = r.Satisfied, RatingSum = r.RatingSum, ReopenedEpisodes = r.ReopenedEpisodes, Escalations = r.Escalations,
            AcceptHoursMean = Mean(acceptHours), AcceptHoursP90 = P90(acceptHours), CompleteHoursMean = Mean(completeHours), CompleteHoursP90 = P90(completeHours),
        };
    }

    /// <summary>A moment the history records, if it had happened by <paramref name="asOf"/>.</summary>
    private static DateTimeOffset? Known(DateTimeOffset? at, DateTimeOffset asOf) => at <= asOf ? at : null;

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset? b, DateTimeOffset c) => new[] { a ?? c, b ?? c, c }.Min();

    private static double? Mean(List<double> xs) => xs.Count == 0 ? null : xs.Average();

    /// <summary>The 90th percentile by nearest rank: the smallest value with at least 90 % of the values at or below it.</summary>
    public static double? P90(IReadOnlyCollection<double> xs)
    {
        if (xs.Count == 0) return null;
        var sorted = xs.Order().ToList();
        return sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
    }

    private sealed class Tally
    {
        public int Received, ResponseDue, RespondedInTime, Accepted, Declined, Withdrawn, CompletionDue, CompletedInTime, Completed, Resolved,
            Rated, Satisfied, RatingSum, ReopenedEpisodes, Escalations;
    }
}
