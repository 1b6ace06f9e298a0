using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Evaluation;

/// <summary>
/// What a set of dispatch episodes (one unit's month, say) adds up to, kept so that tallies add: counters, the
/// durations behind the means and percentiles (whole milliseconds), and the deadlines of what is still pending — a
/// pending dispatch or completion becomes due when its deadline passes, without any event, so that is decided when
/// the tally is read (<see cref="Read"/>), not when it is made.
/// </summary>
public sealed record OrderTally
{
    public int Received { get; init; }
    public int RespondedInTime { get; init; }
    /// <summary>Answered after the deadline, or never answered and stopped (withdrawn, cancelled) after it: due, not in time.</summary>
    public int ResponseDueLate { get; init; }
    public IReadOnlyList<DateTimeOffset> AnswerBy { get; init; } = [];
    public int Accepted { get; init; }
    public int Declined { get; init; }
    public int Withdrawn { get; init; }
    public int CompletedInTime { get; init; }
    public int CompletedLate { get; init; }
    public IReadOnlyList<DateTimeOffset> CompleteBy { get; init; } = [];
    public int Resolved { get; init; }
    public int Rated { get; init; }
    public int Satisfied { get; init; }
    public int RatingSum { get; init; }
    public int ReopenedEpisodes { get; init; }
    public int Escalations { get; init; }
    public IReadOnlyList<long> AcceptMillis { get; init; } = [];
    public IReadOnlyList<long> CompleteMillis { get; init; } = [];
    /// <summary>Dispatches received per service category (code → count): what the trends per category are drawn from.</summary>
    public IReadOnlyDictionary<string, int> ReceivedByCategory { get; init; } = new Dictionary<string, int>();

    public static readonly OrderTally Empty = new();

    /// <summary>The tally of <paramref name="episodes"/> with what had happened by <paramref name="knownAt"/>.</summary>
    public static OrderTally Of(IEnumerable<DispatchEpisode> episodes, DateTimeOffset knownAt, SlaPolicy policy) =>
        episodes.Where(e => e.DispatchedAt <= knownAt).Aggregate(Empty, (t, e) => t.Add(One(e, knownAt, policy)));

    private static OrderTally One(DispatchEpisode e, DateTimeOffset knownAt, SlaPolicy policy)
    {
        DateTimeOffset? Known(DateTimeOffset? at) => at <= knownAt ? at : null;
        var answerBy = e.DispatchedAt + policy.Allowed(SlaStep.Accept, e.Category);
        var answered = Known(e.RespondedAt);
        var stopped = Known(e.CancelledAt) ?? Known(e.WithdrawnAt);
        var t = new OrderTally
        {
            Received = 1,
            ReceivedByCategory = new Dictionary<string, int> { [e.Category] = 1 },
            RespondedInTime = answered <= answerBy ? 1 : 0,
            ResponseDueLate = answered > answerBy || answered is null && stopped >= answerBy ? 1 : 0,
            AnswerBy = answered is null && stopped is null ? [answerBy] : [],
            Declined = Known(e.DeclinedAt) is null ? 0 : 1,
            Withdrawn = Known(e.WithdrawnAt) is null ? 0 : 1,
        };
        if (Known(e.AcceptedAt) is not { } accepted) return t;
        var completeBy = accepted + policy.Allowed(SlaStep.Complete, e.Category);
        var completed = Known(e.FirstCompletedAt);
        var rating = Known(e.ConfirmedAt) is null ? null : e.Rating;
        return t with
        {
            Accepted = 1,
            AcceptMillis = [Millis(accepted - e.DispatchedAt)],
            CompletedInTime = completed <= completeBy ? 1 : 0,
            CompletedLate = completed > completeBy ? 1 : 0,
            CompleteBy = completed is null ? [completeBy] : [],
            CompleteMillis = completed is { } done ? [Millis(done - accepted)] : [],
            ReopenedEpisodes = completed is not null && e.ReopenedAt.Any(r => r <= knownAt) ? 1 : 0,
            Resolved = Known(e.ConfirmedAt) is null ? 0 : 1,
            Rated = rating is null ? 0 : 1,
            RatingSum = rating ?? 0,
            Satisfied = rating >= 4 ? 1 : 0,
            Escalations = e.EscalatedAt.Count(x => x <= knownAt),
        };
    }

    private static long Millis(TimeSpan d) => (long)Math.Round(d.TotalMilliseconds);

    public OrderTally Add(OrderTally o) => new()
    {
        Received = Received + o.Received, RespondedInTime = RespondedInTime + o.RespondedInTime, ResponseDueLate = ResponseDueLate + o.ResponseDueLate,
        AnswerBy = [.. AnswerBy, .. o.AnswerBy], Accepted = Accepted + o.Accepted, Declined = Declined + o.Declined, Withdrawn = Withdrawn + o.Withdrawn,
        CompletedInTime = CompletedInTime + o.CompletedInTime, CompletedLate = CompletedLate + o.CompletedLate, CompleteBy = [.. CompleteBy, .. o.CompleteBy],
        Resolved = Resolved + o.Resolved, Rated = Rated + o.Rated, Satisfied = Satisfied + o.Satisfied, RatingSum = RatingSum + o.RatingSum,
        ReopenedEpisodes = ReopenedEpisodes + o.ReopenedEpisodes, Escalations = Escalations + o.Escalations,
        AcceptMillis = [.. AcceptMillis, .. o.AcceptMillis], CompleteMillis = [.. CompleteMillis, .. o.CompleteMillis],
        ReceivedByCategory = Merge([this, o]),
    };

    private static Dictionary<string, int> Merge(IEnumerable<OrderTally> tallies)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tallies)
            foreach (var (category, n) in t.ReceivedByCategory) merged[category] = merged.GetValueOrDefault(category) + n;
        return merged;
    }

    /// <summary>
    /// The sum of many tallies in one pass (what <see cref="Add"/> gives, folded, without copying the lists at each step:
    /// a street's year of unit-months is hundreds of tallies holding 100k durations).
    /// </summary>
    public static OrderTally Sum(IEnumerable<OrderTally> tallies)
    {
        var list = tallies as IReadOnlyCollection<OrderTally> ?? [.. tallies];
        if (list.Count == 0) return Empty;
        if (list.Count == 1) return list.First();
        var (answerBy, completeBy) = (new List<DateTimeOffset>(), new List<DateTimeOffset>());
        var (acceptMillis, completeMillis) = (new List<long>(), new List<long>());
        var sum = new int[13];
        foreach (var t in list)
        {
            sum[0] += t.Received; sum[1] += t.RespondedInTime; sum[2] += t.ResponseDueLate; sum[3] += t.Accepted; sum[4] += t.Declined; sum[5] += t.Withdrawn;
            sum[6] += t.CompletedInTime; sum[7] += t.CompletedLate; sum[8] += t.Resolved; sum[9] += t.Rated; sum[10] += t.Satisfied; sum[11] += t.RatingSum;
            sum[12] += t.ReopenedEpisodes;
            answerBy.AddRange(t.AnswerBy); completeBy.AddRange(t.CompleteBy); acceptMillis.AddRange(t.AcceptMillis); completeMillis.AddRange(t.CompleteMillis);
        }
        return new()
        {
            Received = sum[0], RespondedInTime = sum[1], ResponseDueLate = sum[2], Accepted = sum[3], Declined = sum[4], Withdrawn = sum[5],
            CompletedInTime = sum[6], CompletedLate = sum[7], Resolved = sum[8], Rated = sum[9], Satisfied = sum[10], RatingSum = sum[11],
            ReopenedEpisodes = sum[12], Escalations = list.Sum(t => t.Escalations),
            AnswerBy = answerBy, CompleteBy = completeBy, AcceptMillis = acceptMillis, CompleteMillis = completeMillis,
            ReceivedByCategory = Merge(list),
        };
    }

    /// <summary>The indicators as of <paramref name="asOf"/>: pending deadlines that have passed by then are due.</summary>
    public OrderIndicators Read(DateTimeOffset asOf) => new()
    {
        Received = Received, ResponseDue = RespondedInTime + ResponseDueLate + AnswerBy.Count(d => d <= asOf), RespondedInTime = RespondedInTime,
        Accepted = Accepted, Declined = Declined, Withdrawn = Withdrawn,
        CompletionDue = CompletedInTime + CompletedLate + CompleteBy.Count(d => d <= asOf), CompletedInTime = CompletedInTime,
        Completed = CompleteMillis.Count, Resolved = Resolved, Rated = Rated, Satisfied = Satisfied, RatingSum = RatingSum,
        ReopenedEpisodes = ReopenedEpisodes, Escalations = Escalations,
        AcceptHoursMean = MeanHours(AcceptMillis), AcceptHoursP90 = P90Hours(AcceptMillis),
        CompleteHoursMean = MeanHours(CompleteMillis), CompleteHoursP90 = P90Hours(CompleteMillis),
    };

    private static double? MeanHours(IReadOnlyList<long> ms) => ms.Count == 0 ? null : ms.Sum() / (double)ms.Count / 3_600_000;

    /// <summary>The 90th percentile by nearest rank: the smallest value with at least 90 % of the values at or below it.</summary>
    private static double? P90Hours(IReadOnlyList<long> ms)
    {
        if (ms.Count == 0) return null;
        var sorted = ms.Order().ToList();
        return sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1] / 3_600_000.0;
    }
}
