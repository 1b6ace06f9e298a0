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

/// <summary>
/// The episodes of an order, folded from its events in order (a pure function of the history). <see cref="Step"/> is
/// one event of the fold: <see cref="OrderState.Evolve"/> keeps the episodes in the order's state with it, so the
/// indicators' projection needs no history read.
/// </summary>
public static class DispatchEpisodes
{
    public static IReadOnlyList<DispatchEpisode> From(IEnumerable<OrderEvent> history)
    {
        IReadOnlyList<DispatchEpisode> episodes = [];
        string street = "", community = "";
        var sequence = 0;
        foreach (var e in history)
        {
            sequence++;
            if (e is OrderPlaced p) (street, community) = (p.StreetId, p.CommunityId);
            episodes = Step(episodes, street, community, e, sequence);
        }
        return episodes;
    }

    /// <summary>
    /// The episodes after event number <paramref name="sequence"/> of an order of <paramref name="street"/> and
    /// <paramref name="community"/> (the same list when the event changes none). Only the last episode ever changes, and
    /// only while it is open: its unit still holds the order (not declined, withdrawn, cancelled or confirmed).
    /// </summary>
    public static IReadOnlyList<DispatchEpisode> Step(IReadOnlyList<DispatchEpisode> episodes, string street, string community, OrderEvent e, int sequence)
    {
        if (e is OrderDispatched d)
            return [.. episodes, new DispatchEpisode
            {
                OrderId = d.OrderId, StreetId = street, CommunityId = community, UnitId = d.UnitId, UnitName = d.UnitName,
                Category = d.Category, DispatchedAt = d.OccurredAt, Version = sequence,
            }];
        if (episodes.Count == 0 || episodes[^1] is not { } last || !IsOpen(last)) return episodes;
        DispatchEpisode? changed = e switch
        {
            OrderAccepted a => last with { AcceptedAt = a.OccurredAt },
            OrderDeclined x => last with { DeclinedAt = x.OccurredAt },
            DispatchWithdrawn w => last with { WithdrawnAt = w.OccurredAt },
            OrderCancelled or OrderRejected => last with { CancelledAt = e.OccurredAt },
            OrderCompleted c => last with { FirstCompletedAt = last.FirstCompletedAt ?? c.OccurredAt },
            OrderReopened => last with { ReopenedAt = [.. last.ReopenedAt, e.OccurredAt] },
            OrderConfirmed c => last with { ConfirmedAt = c.OccurredAt, Rating = c.Rating },
            OrderEscalated { Step: SlaStep.Complete } => last with { EscalatedAt = [.. last.EscalatedAt, e.OccurredAt] },
            _ => null,
        };
        return changed is null ? episodes : [.. episodes.Take(episodes.Count - 1), changed with { Version = sequence }];
    }

    /// <summary>The episode's unit still holds the order.</summary>
    public static bool IsOpen(DispatchEpisode e) => e.DeclinedAt is null && e.WithdrawnAt is null && e.CancelledAt is null && e.ConfirmedAt is null;
}
