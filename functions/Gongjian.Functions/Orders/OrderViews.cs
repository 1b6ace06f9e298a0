namespace Gongjian.Functions.Orders;

public sealed record ContactView(string Name, string Phone);

public sealed record UnitRef(string Id, string Name);

public sealed record ActorView(string Role, string? Name);

public sealed record TimelineEntry(
    int Sequence, string Type, DateTimeOffset At, ActorView By, string Description, string? Reason);

/// <summary>The deadline of the step the order waits on (派单/接单/办结/评价).</summary>
public sealed record DeadlineView(string Step, string StepName, DateTimeOffset DueAt, DateTimeOffset RemindAt, bool Overdue, bool Escalated);

public sealed record OrderView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusName { get; init; }
    public string? Category { get; init; }
    public required string CategoryName { get; init; }
    public required string Text { get; init; }
    public required string CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public required string Address { get; init; }
    public required ContactView Contact { get; init; }
    /// <summary>False when address and phone are masked for this caller (PIPL).</summary>
    public required bool ContactVisible { get; init; }
    /// <summary>
    /// True when this caller may see the contact but asked for the order without it (<c>?contact=masked</c>):
    /// asking again without that shows it, and that view is recorded in the contact audit.
    /// </summary>
    public bool ContactWithheld { get; init; }
    public UnitRef? Unit { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public int? Rating { get; init; }
    public string? RatingComment { get; init; }
    public required int ReopenCount { get; init; }
    public required IReadOnlyList<string> BeforePhotos { get; init; }
    public required IReadOnlyList<string> AfterPhotos { get; init; }
    public required IReadOnlyList<string> ShowcaseIds { get; init; }
    public required int Version { get; init; }
    /// <summary>When the resident's personal data was erased (PIPL): text, address and contact are then empty.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
    /// <summary>The current step's deadline; null for closed orders.</summary>
    public DeadlineView? Deadline { get; init; }
    public DateTimeOffset? DueAt => Deadline?.DueAt;
    public bool Overdue => Deadline?.Overdue ?? false;
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }
}

public sealed record PlacedOrderView(string Id, string TrackingCode, string Status, string StatusName, string Location);

/// <summary>A list row: what a board shows without opening the order, its current step's deadline included.</summary>
public sealed record OrderSummary(
    string Id, string Status, string StatusName, string? Category, string CategoryName, string CommunityId,
    UnitRef? Unit, string Summary, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt, ListDeadline? Deadline = null);

/// <summary>The deadline a list row carries (the order's own view adds when the reminder goes).</summary>
public sealed record ListDeadline(string Step, string StepName, DateTimeOffset DueAt, bool Overdue, bool Escalated);

public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, string? NextPageToken);
