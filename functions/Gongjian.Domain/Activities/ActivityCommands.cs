using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Activities;

public abstract record ActivityCommand
{
    public required Actor By { get; init; }
}

/// <summary>A community's or street's staff, or a unit's liaison, announce an activity (times in Beijing time).</summary>
public sealed record AnnounceActivity : ActivityCommand
{
    public required string ActivityId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required OrganiserKind OrganiserKind { get; init; }
    public string? OrganiserUnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public string Description { get; init; } = "";
    public required string Place { get; init; }
    /// <summary>A unit venue from the resource list, when the activity is held there.</summary>
    public string? VenueResourceId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlyList<string> Audiences { get; init; }
}

/// <summary>A person registers: a place while any is free, else the waiting list.</summary>
public sealed record RegisterForActivity : ActivityCommand
{
    public required string PersonKey { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string Audience { get; init; }
    /// <summary>The hash of the code given back at registration, to cancel with later.</summary>
    public required string CancelCodeHash { get; init; }
    /// <summary>The short code shown on the person's phone for check-in.</summary>
    public required string CheckInCode { get; init; }
}

/// <summary>The person (by their cancel code) or the organiser cancels a registration; the first waiting moves up.</summary>
public sealed record CancelRegistration : ActivityCommand
{
    public required string PersonKey { get; init; }
    /// <summary>The hash of the code the person presents; null when the organiser cancels.</summary>
    public string? CancelCodeHash { get; init; }
}

/// <summary>
/// The organiser corrects what people read before the activity starts: its name, category, place and introduction.
/// Times, places (名额) and who may join stay as announced (registrations and timers depend on them): cancel and announce anew.
/// </summary>
public sealed record ReviseActivity : ActivityCommand
{
    public required string Title { get; init; }
    public required string Category { get; init; }
    public string Description { get; init; } = "";
    public required string Place { get; init; }
}

public sealed record CancelActivity : ActivityCommand
{
    public required string Reason { get; init; }
}

/// <summary>The registration deadline passed (timer) or the organiser closes it early.</summary>
public sealed record CloseRegistration : ActivityCommand;

/// <summary>On the day: by the person's key (from the list) or the short code shown on their phone.</summary>
public sealed record CheckIn : ActivityCommand
{
    public string? PersonKey { get; init; }
    public string? CheckInCode { get; init; }
}

/// <summary>After the end: hours per registered person (at most the activity's duration) and optional photos.</summary>
public sealed record RecordAttendance : ActivityCommand
{
    public required IReadOnlyList<AttendanceLine> Lines { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}

public sealed record ShowcaseActivity : ActivityCommand;

/// <summary>
/// PIPL retention: every registrant's name and phone (registered, waiting or cancelled) are erased a while after the activity
/// ended or was cancelled — by the module's timer only, for the end it was armed for (<see cref="EndedAt"/>). The person keys,
/// check-ins, hours and counts stay, so the records and the evaluation do not change.
/// </summary>
public sealed record EraseRegistrantContacts : ActivityCommand { public required DateTimeOffset EndedAt { get; init; } }
