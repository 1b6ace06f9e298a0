using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Evaluation;

/// <summary>
/// One dispatch of an order to a member unit (派单), from the dispatch to the unit's last act on it: what the unit is
/// judged on. An order sent back (婉拒, 超时收回) and dispatched again has one episode per unit. Nothing personal: the
/// order's id, category and community only.
/// </summary>
public sealed record DispatchEpisode
{
    public required string OrderId { get; init; }
    public required string StreetId { get; init; }
    public required string CommunityId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string Category { get; init; }
    public required DateTimeOffset DispatchedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? DeclinedAt { get; init; }
    /// <summary>The dispatch was taken back: by the accept deadline (超时未接单) or by the dispatcher.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>The resident cancelled (or staff rejected) the order while it waited on this unit's answer.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? FirstCompletedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    /// <summary>The resident's rating (1–5); null when nobody rated (closed by the confirm deadline).</summary>
    public int? Rating { get; init; }
    /// <summary>When the resident sent the work back (重办), each time.</summary>
    public IReadOnlyList<DateTimeOffset> ReopenedAt { get; init; } = [];
    /// <summary>督办 received while the unit held the order (its completion ran late), each time.</summary>
    public IReadOnlyList<DateTimeOffset> EscalatedAt { get; init; } = [];

    /// <summary>How many of the order's events there were when this episode last changed: a later version is newer.</summary>
    public int Version { get; init; }

    /// <summary>When the unit answered the dispatch (accepted or declined); null when it never did.</summary>
    public DateTimeOffset? RespondedAt => AcceptedAt ?? DeclinedAt;
}

/// <summary>The episodes of an order, folded from its events in order (a pure function of the history).</summary>
public static class DispatchEpisodes
{
    public static IReadOnlyList<DispatchEpisode> From(IEnumerable<OrderEvent> history)
    {
        var episodes = new List<DispatchEpisode>();
        string street = "", community = "";
        var open = false; // the last episode is the order's current holder
        var sequence = 0;
        foreach (var e in history)
        {
            sequence++;
            switch (e)
            {
                case OrderPlaced p:
                    (street, community) = (p.StreetId, p.CommunityId);
                    break;
                case OrderDispatched d:
                    episodes.Add(new DispatchEpisode
                    {
                        OrderId = d.OrderId, StreetId = street, CommunityId = community, UnitId = d.UnitId, UnitName = d.UnitName,
                        Category = d.Category, DispatchedAt = d.OccurredAt, Version = sequence,
                    });
                    open = true;
                    break;
                case OrderAccepted a when open:
                    Update(x => x with { AcceptedAt = a.OccurredAt });
                    break;
                case OrderDeclined d when open:
                    Update(x => x with { DeclinedAt = d.OccurredAt });
                    open = false;
                    break;
                case DispatchWithdrawn w when open:
                    Update(x => x with { WithdrawnAt = w.OccurredAt });
                    open = false;
                    break;
                case OrderCancelled or OrderRejected when open:
                    Update(x => x with { CancelledAt = e.OccurredAt });
                    open = false;
                    break;
                case OrderCompleted c when open:
                    Update(x => x with { FirstCompletedAt = x.FirstCompletedAt ?? c.OccurredAt });
                    break;
                case OrderReopened when open:
                    Update(x => x with { ReopenedAt = [.. x.ReopenedAt, e.OccurredAt] });
                    break;
                case OrderConfirmed c when open:
                    Update(x => x with { ConfirmedAt = c.OccurredAt, Rating = c.Rating });
                    open = false;
                    break;
                case OrderEscalated { Step: SlaStep.Complete } when open:
                    Update(x => x with { EscalatedAt = [.. x.EscalatedAt, e.OccurredAt] });
                    break;
            }
        }
        return episodes;

        void Update(Func<DispatchEpisode, DispatchEpisode> change) => episodes[^1] = change(episodes[^1]) with { Version = sequence };
    }
}
