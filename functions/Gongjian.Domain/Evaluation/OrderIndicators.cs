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
    /// <summary>Deadlines missed: answers due and not given in time, plus completions due and not reported in time.</summary>
    public int Overdue => ResponseDue - RespondedInTime + CompletionDue - CompletedInTime;

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The indicators of the episodes dispatched in <paramref name="period"/>, as known at <paramref name="asOf"/>.</summary>
    public static OrderIndicators Compute(IEnumerable<DispatchEpisode> episodes, EvaluationPeriod period, DateTimeOffset asOf, SlaPolicy policy) =>
        OrderTally.Of(episodes.Where(e => period.Contains(e.DispatchedAt)), asOf, policy).Read(asOf);
}
