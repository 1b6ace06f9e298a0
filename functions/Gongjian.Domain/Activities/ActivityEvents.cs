using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Activities;

public abstract record ActivityEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record ActivityAnnounced : ActivityEvent
{
    public required string ActivityId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required OrganiserKind OrganiserKind { get; init; }
    public string? OrganiserUnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required string Place { get; init; }
    public string? VenueResourceId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlyList<string> Audiences { get; init; }
}

/// <summary><see cref="WaitingPosition"/> is null with a place, else the 1-based place on the waiting list.</summary>
public sealed record ParticipantRegistered : ActivityEvent
{
    public required Participant Participant { get; init; }
    public int? WaitingPosition { get; init; }
}

/// <summary>A registration cancelled; <see cref="PromotedKey"/> is the first waiting person who took the freed place.</summary>
public sealed record RegistrationCancelled : ActivityEvent
{
    public required string PersonKey { get; init; }
    public string? PromotedKey { get; init; }
}

/// <summary>Name, category, place and introduction as revised; <see cref="Changed"/> names what changed (名称, 类别, 地点, 介绍).</summary>
public sealed record ActivityRevised : ActivityEvent
{
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required string Place { get; init; }
    public required IReadOnlyList<string> Changed { get; init; }
}

public sealed record ActivityCancelled : ActivityEvent { public required string Reason { get; init; } }
public sealed record RegistrationClosed : ActivityEvent;
public sealed record ParticipantCheckedIn : ActivityEvent { public required string PersonKey { get; init; } }

public sealed record AttendanceRecorded : ActivityEvent
{
    public required IReadOnlyList<AttendanceLine> Lines { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record ActivityShowcased : ActivityEvent;

/// <summary>The registrants' names and phones were erased (retention); the stored <see cref="ParticipantRegistered"/> lose them too.</summary>
public sealed record RegistrantContactsErased : ActivityEvent;
