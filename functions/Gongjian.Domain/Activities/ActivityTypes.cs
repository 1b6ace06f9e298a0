namespace Gongjian.Domain.Activities;

public enum ActivityStatus { None, Open, RegistrationClosed, Cancelled, Completed }

public static class ActivityStatusText
{
    public static string Code(this ActivityStatus s) => s switch
    {
        ActivityStatus.None => "none", ActivityStatus.Open => "open", ActivityStatus.RegistrationClosed => "registration_closed",
        ActivityStatus.Cancelled => "cancelled", _ => "completed",
    };

    public static string Chinese(this ActivityStatus s) => s switch
    {
        ActivityStatus.None => "不存在", ActivityStatus.Open => "报名中", ActivityStatus.RegistrationClosed => "报名已截止",
        ActivityStatus.Cancelled => "已取消", _ => "已结束",
    };
}

/// <summary>Who organises: a community's or street's staff, or a member unit (its liaison).</summary>
public enum OrganiserKind { Community, Street, Unit }

/// <summary>Who may join an activity.</summary>
public static class ActivityAudience
{
    public const string Residents = "residents";
    public const string PartyMembers = "party_members";
    public const string Volunteers = "volunteers";
    public const string Units = "units";
    public static readonly IReadOnlyList<string> All = [Residents, PartyMembers, Volunteers, Units];
    public static bool IsKnown(string a) => All.Contains(a);
}

public static class ActivityCategory
{
    public static readonly IReadOnlyList<string> All = ["volunteer", "party", "culture", "sports", "health", "education", "environment", "other"];
    public static bool IsKnown(string c) => All.Contains(c);
}

public static class ActivityLimits
{
    public const int TitleMax = 60;
    public const int DescriptionMax = 1000;
    public const int PlaceMax = 100;
    public const int NameMax = 20;
    public const int CapacityMax = 2000;
    public const int ReasonMax = 200;
    public const int MaxPhotos = 9;
}

/// <summary>
/// One person registered or waiting: <see cref="PersonKey"/> (HMAC of the phone) is the identity; name and phone
/// are personal, kept here for the organiser only, never in list rows or public pages, and erased (empty) a while after
/// the activity ended (<see cref="ActivityState.ContactsErasedAt"/>).
/// </summary>
public sealed record Participant(string PersonKey, string Name, string Phone, string Audience, string CancelCodeHash, string CheckInCode, DateTimeOffset RegisteredAt)
{
    public DateTimeOffset? CheckedInAt { get; init; }
    public decimal? Hours { get; init; }
}

public sealed record AttendanceLine(string PersonKey, decimal Hours);

public sealed record ActivityState
{
    public static readonly ActivityState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public ActivityStatus Status { get; init; }
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public OrganiserKind OrganiserKind { get; init; }
    public string? OrganiserUnitId { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public string Description { get; init; } = "";
    public string Place { get; init; } = "";
    public string? VenueResourceId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public int Capacity { get; init; }
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public IReadOnlyList<Participant> Registered { get; init; } = [];
    /// <summary>In order: the first is promoted when a place frees.</summary>
    public IReadOnlyList<Participant> Waiting { get; init; } = [];
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    public bool AttendanceRecorded { get; init; }
    public bool Showcase { get; init; }
    public string? CancelReason { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>When the registrants' names and phones were erased (retention).</summary>
    public DateTimeOffset? ContactsErasedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public TimeSpan Duration => EndsAt - StartsAt;
    /// <summary>
    /// When the activity ended: cancelled when it was (a cancel is its last change, so a state stored before
    /// <see cref="CancelledAt"/> existed has it as <see cref="UpdatedAt"/>), any other at its end time; null before it is announced.
    /// </summary>
    public DateTimeOffset? EndedAt => Status switch
    {
        ActivityStatus.None => null,
        ActivityStatus.Cancelled => CancelledAt ?? UpdatedAt,
        _ => EndsAt,
    };
    public bool IsFull => Registered.Count >= Capacity;
    public Participant? Find(string personKey) =>
        Registered.FirstOrDefault(p => p.PersonKey == personKey) ?? Waiting.FirstOrDefault(p => p.PersonKey == personKey);
}
