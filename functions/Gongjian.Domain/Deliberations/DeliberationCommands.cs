using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Deliberations;

public abstract record DeliberationCommand
{
    public required Actor By { get; init; }
}

/// <summary>提: a resident (with contact and the hash of the tracking code they get back), a grid worker or staff, or a unit's liaison raises a topic.</summary>
public sealed record RaiseTopic : DeliberationCommand
{
    public required string DeliberationId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public string? Estate { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required string Source { get; init; }
    public Contact? Contact { get; init; }
    public string? TrackingCodeHash { get; init; }
}

/// <summary>审: staff accept the topic for deliberation.</summary>
public sealed record AcceptTopic : DeliberationCommand;

/// <summary>审: staff decline it, saying why.</summary>
public sealed record DeclineTopic : DeliberationCommand { public required string Reason { get; init; } }

/// <summary>审: staff answer it directly (no meeting needed).</summary>
public sealed record AnswerTopic : DeliberationCommand { public required string Answer { get; init; } }

/// <summary>议: a meeting with its invited parties, and optionally a 表决 with its counting rule and deadline.</summary>
public sealed record ScheduleMeeting : DeliberationCommand
{
    public required DateTimeOffset At { get; init; }
    public required string Place { get; init; }
    public required IReadOnlyList<string> Parties { get; init; }
    public IReadOnlyList<string> UnitIds { get; init; } = [];
    public VoteSpec? Vote { get; init; }
}

/// <summary>议: an opinion, before or during the meeting (a resident by person key; staff record any party's).</summary>
public sealed record AddOpinion : DeliberationCommand
{
    public required string AuthorKind { get; init; }
    public string? PersonKey { get; init; }
    public required string Text { get; init; }
}

/// <summary>议: one vote per person key, before the vote closes.</summary>
public sealed record CastVote : DeliberationCommand
{
    public required string VoterKey { get; init; }
    public required string Choice { get; init; }
}

/// <summary>The vote's deadline passed (timer), or staff close it after its deadline.</summary>
public sealed record CloseVote : DeliberationCommand;

/// <summary>议 → 办: minutes and the decision, with what is to be done: new orders and/or existing projects (never nothing).</summary>
public sealed record RecordDecision : DeliberationCommand
{
    public required string Minutes { get; init; }
    public required string Decision { get; init; }
    public int? Attendees { get; init; }
    public required IReadOnlyList<PlannedAction> Actions { get; init; }
}

public sealed record PlannedAction(string Kind, string Text, string? Category = null, string? Address = null, string? ProjectId = null);

/// <summary>办: an order placed for a decision's action (through the orders' own rules), linked to it.</summary>
public sealed record LinkAction : DeliberationCommand
{
    public required int ActionNo { get; init; }
    public required string TargetId { get; init; }
}

/// <summary>办: a linked order or project ended (the orders' and projects' events, relayed by the link hook).</summary>
public sealed record CompleteAction : DeliberationCommand
{
    public required string TargetId { get; init; }
    public required string Outcome { get; init; }
}

/// <summary>评: a resident rates the result (1–5), once per person key.</summary>
public sealed record RateResult : DeliberationCommand
{
    public required string PersonKey { get; init; }
    public required int Stars { get; init; }
    public string? Comment { get; init; }
}

/// <summary>Staff close a delivered deliberation.</summary>
public sealed record CloseDeliberation : DeliberationCommand;

/// <summary>
/// PIPL retention: the raiser's name and phone are erased a while after the topic ended (declined, answered or closed) — by the
/// module's timer only, for the end it was armed for (<see cref="EndedAt"/>); the topic, its record and the tracking code stay.
/// </summary>
public sealed record EraseRaiserContact : DeliberationCommand { public required DateTimeOffset EndedAt { get; init; } }
