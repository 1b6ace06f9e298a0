using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Deliberations;

public abstract record DeliberationEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record TopicRaised : DeliberationEvent
{
    public required string DeliberationId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public string? Estate { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Source { get; init; }
    public string? UnitId { get; init; }
    public Contact? Contact { get; init; }
    public string? TrackingCodeHash { get; init; }
}

public sealed record TopicAccepted : DeliberationEvent;
public sealed record TopicDeclined : DeliberationEvent { public required string Reason { get; init; } }
public sealed record TopicAnswered : DeliberationEvent { public required string Answer { get; init; } }

public sealed record MeetingScheduled : DeliberationEvent
{
    public required Meeting Meeting { get; init; }
    public VoteSpec? Vote { get; init; }
}

public sealed record OpinionAdded : DeliberationEvent { public required Opinion Opinion { get; init; } }

public sealed record VoteCast : DeliberationEvent
{
    public required string VoterKey { get; init; }
    public required string Choice { get; init; }
}

public sealed record VoteClosed : DeliberationEvent
{
    public required VoteTally Tally { get; init; }
    public required bool Passed { get; init; }
}

public sealed record DecisionRecorded : DeliberationEvent
{
    public required string Minutes { get; init; }
    public required string Decision { get; init; }
    public int? Attendees { get; init; }
    public required IReadOnlyList<DecisionAction> Actions { get; init; }
}

public sealed record ActionLinked : DeliberationEvent
{
    public required int ActionNo { get; init; }
    public required string TargetId { get; init; }
}

/// <summary><see cref="Delivered"/>: this was the last action to end, so the decision is delivered (办结).</summary>
public sealed record ActionCompleted : DeliberationEvent
{
    public required int ActionNo { get; init; }
    public required string TargetId { get; init; }
    public required string Outcome { get; init; }
    public required bool Delivered { get; init; }
}

public sealed record ResultRated : DeliberationEvent { public required Rating Rating { get; init; } }
public sealed record DeliberationClosed : DeliberationEvent;

/// <summary>The raiser's contact was erased (retention); stored copies of <see cref="TopicRaised"/> lose it too.</summary>
public sealed record RaiserContactErased : DeliberationEvent;
