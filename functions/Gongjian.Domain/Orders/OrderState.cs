using Gongjian.Domain.Evaluation;

namespace Gongjian.Domain.Orders;

/// <summary>An order as its events left it. Built only by <see cref="Evolve"/>.</summary>
public sealed record OrderState
{
    public static readonly OrderState Initial = new();

    public string Id { get; init; } = "";
    public OrderStatus Status { get; init; } = OrderStatus.None;
    /// <summary>How many events the order has; the next event gets Version + 1.</summary>
    public int Version { get; init; }
    public string Text { get; init; } = "";
    public string? Category { get; init; }
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public string Address { get; init; } = "";
    public Contact Contact { get; init; } = new("", "");
    public string TrackingCodeHash { get; init; } = "";
    public IReadOnlyList<string> BeforePhotoIds { get; init; } = [];
    public IReadOnlyList<string> AfterPhotoIds { get; init; } = [];
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    /// <summary>The dispatched unit's street (its list's partition); null before dispatch or in orders dispatched before it was recorded.</summary>
    public string? UnitStreetId { get; init; }
    public IReadOnlyList<string> DeclinedUnitIds { get; init; } = [];
    public DateTimeOffset PlacedAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the order entered its current status: the start of the current SLA step.</summary>
    public DateTimeOffset StatusSince { get; init; }
    /// <summary>The SLA step that was escalated (督办) in the current status, if any.</summary>
    public SlaStep? EscalatedStep { get; init; }
    public int? Rating { get; init; }
    public string? RatingComment { get; init; }
    public int ReopenCount { get; init; }
    public IReadOnlyList<string> ShowcaseIds { get; init; } = [];
    /// <summary>When the resident's personal data was erased (PIPL); null while it is kept.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
    /// <summary>
    /// Each dispatch to a unit and what the unit did with it (<see cref="DispatchEpisodes.Step"/>): what the order
    /// indicators count, kept here so their projection reads no history. Nothing personal. Empty in a state saved before
    /// it was kept (the projection then reads the history).
    /// </summary>
    public IReadOnlyList<DispatchEpisode> Episodes { get; init; } = [];
    /// <summary>Where the order came from (<see cref="OrderOrigin"/>); null for an order placed before origins were recorded.</summary>
    public OrderOrigin? Origin { get; init; }
    /// <summary>Whether the current unit has accepted it: what lets that unit see the resident's contact.</summary>
    public bool WasAccepted => AcceptedAt is not null;

    public static OrderState Evolve(OrderState s, OrderEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        var evolved = e switch
        {
            OrderPlaced p => next with
            {
                Id = p.OrderId, Status = OrderStatus.Placed, Text = p.Text, Category = p.Category,
                CommunityId = p.CommunityId, StreetId = p.StreetId, Address = p.Address, Contact = p.Contact,
                BeforePhotoIds = p.PhotoIds, TrackingCodeHash = p.TrackingCodeHash, PlacedAt = p.OccurredAt, Origin = p.Origin,
            },
            OrderDispatched d => next with
            {
                Status = OrderStatus.Dispatched, UnitId = d.UnitId, UnitName = d.UnitName, UnitStreetId = d.UnitStreetId,
                Category = d.Category, DispatchedAt = d.OccurredAt, AcceptedAt = null,
            },
            OrderAccepted a => next with { Status = OrderStatus.Accepted, AcceptedAt = a.OccurredAt },
            OrderDeclined d => next with
            {
                Status = OrderStatus.Declined, UnitId = null, UnitName = null, UnitStreetId = null, DispatchedAt = null,
                DeclinedUnitIds = [.. s.DeclinedUnitIds, d.UnitId],
            },
            DispatchWithdrawn w => next with
            {
                Status = OrderStatus.Declined, UnitId = null, UnitName = null, UnitStreetId = null, DispatchedAt = null,
                DeclinedUnitIds = [.. s.DeclinedUnitIds, w.UnitId],
            },
            OrderCompleted c => next with
            {
                Status = OrderStatus.Completed, CompletedAt = c.OccurredAt, AfterPhotoIds = [.. s.AfterPhotoIds, .. c.PhotoIds],
            },
            OrderConfirmed c => next with
            {
                Status = OrderStatus.Confirmed, ConfirmedAt = c.OccurredAt, ClosedAt = c.OccurredAt,
                Rating = c.Rating, RatingComment = c.Comment,
            },
            OrderReopened => next with { Status = OrderStatus.Reopened, ReopenCount = s.ReopenCount + 1 },
            OrderCancelled c => next with { Status = OrderStatus.Cancelled, ClosedAt = c.OccurredAt },
            OrderRejected r => next with { Status = OrderStatus.Rejected, ClosedAt = r.OccurredAt },
            OrderShowcased sc => next with { ShowcaseIds = [.. s.ShowcaseIds, sc.ShowcaseId] },
            OrderEscalated esc => next with { EscalatedStep = esc.Step },
            PersonalDataErased x => next with
            {
                Text = "", Address = "", Contact = new Contact("", ""), BeforePhotoIds = [], RatingComment = null,
                PersonalDataErasedAt = x.OccurredAt,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown order event."),
        };
        evolved = evolved with { Episodes = DispatchEpisodes.Step(s.Episodes, evolved.StreetId, evolved.CommunityId, e, next.Version) };
        return evolved.Status == s.Status ? evolved : evolved with { StatusSince = e.OccurredAt, EscalatedStep = null };
    }

    public static OrderState Replay(IEnumerable<OrderEvent> events) => events.Aggregate(Initial, Evolve);
}
