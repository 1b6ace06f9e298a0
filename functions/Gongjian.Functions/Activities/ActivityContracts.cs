using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.Activities;

public sealed record AnnounceActivityRequest
{
    public required string CommunityId { get; init; }
    /// <summary><c>community</c>, <c>street</c> or <c>unit</c>.</summary>
    public required string OrganiserKind { get; init; }
    public string? UnitId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public string? Description { get; init; }
    public required string Place { get; init; }
    public string? VenueResourceId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required int Capacity { get; init; }
    public required IReadOnlyList<string> Audiences { get; init; }
}

/// <summary>What the organiser may correct before the start: the whole of name, category, introduction and place (times and 名额 stay).</summary>
public sealed record ReviseActivityRequest
{
    public required string Title { get; init; }
    public required string Category { get; init; }
    public string? Description { get; init; }
    public required string Place { get; init; }
}

public sealed record CancelActivityRequest
{
    public required string Reason { get; init; }
}

/// <summary>By the person's key (from the participant list) or the short code shown on their phone.</summary>
public sealed record CheckInRequest
{
    public string? PersonKey { get; init; }
    public string? Code { get; init; }
}

public sealed record AttendanceLineInput(string PersonKey, decimal Hours);

public sealed record AttendanceRequest
{
    public required IReadOnlyList<AttendanceLineInput> Lines { get; init; }
    /// <summary>Photos of the activity (base64 JPEG/PNG/WebP; EXIF and GPS stripped), at most <c>ActivityLimits.MaxPhotos</c>.</summary>
    public IReadOnlyList<string>? Photos { get; init; }
}

public sealed record RegisterRequest
{
    public required string Name { get; init; }
    public required string Phone { get; init; }
    /// <summary>Who registers: <c>residents</c>, <c>party_members</c>, <c>volunteers</c> or <c>units</c>.</summary>
    public required string Kind { get; init; }
}

public sealed record CancelRegistrationRequest
{
    public required string Phone { get; init; }
    public required string Code { get; init; }
}

/// <summary>
/// The answer to a registration: <c>registered</c> (已报名) or <c>waiting</c> (候补第N位). The registration code (to cancel
/// with) and the check-in code appear in this answer only, not in a replay of it.
/// </summary>
public sealed record RegistrationView(string ActivityId, string Status, string StatusText, string Message, int? WaitingPosition,
    string? RegistrationCode, string? CheckInCode);

/// <summary>A participant as the organiser sees them; name and phone masked for anyone else.</summary>
public sealed record ParticipantView(string PersonKey, string Name, string Phone, string Kind, bool Waiting, int? WaitingPosition,
    DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt, decimal? Hours);

public sealed record ActivityView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusText { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string OrganiserKind { get; init; }
    public string? UnitId { get; init; }
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
    public required int RegisteredCount { get; init; }
    public required int WaitingCount { get; init; }
    public string? CancelReason { get; init; }
    /// <summary>True when names and phones are shown unmasked (the organiser).</summary>
    public required bool ContactVisible { get; init; }
    /// <summary>The attendance photos (read at <c>/api/activities/{id}/photos/{photoId}</c>).</summary>
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    /// <summary>活动风采: shown on the public page with its photos.</summary>
    public bool Showcase { get; init; }
    public required IReadOnlyList<ParticipantView> Participants { get; init; }
}

/// <summary>A list row: counts, never a name or phone.</summary>
public sealed record ActivityListItem(string Id, string Status, string StatusText, string Title, string Category, string Place, string CommunityId,
    string OrganiserKind, string? UnitId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset Deadline, int Capacity,
    int RegisteredCount, int WaitingCount, IReadOnlyList<string> Audiences);

public sealed record ActivityPage(IReadOnlyList<ActivityListItem> Items);

/// <summary>One event of the activity as the timeline tells it: who, when, what (with the counts it left), and a cancellation's reason.</summary>
public sealed record ActivityTimelineEntry(int Sequence, string Type, DateTimeOffset At, Orders.ActorView By, string Description, string? Reason);

public sealed record ActivityTimeline(string ActivityId, IReadOnlyList<ActivityTimelineEntry> Entries);

/// <summary>The activity API's bodies, source-generated with the API's strict request options (see <c>ApiJson</c>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AnnounceActivityRequest))]
[JsonSerializable(typeof(CancelActivityRequest))]
[JsonSerializable(typeof(ReviseActivityRequest))]
[JsonSerializable(typeof(CheckInRequest))]
[JsonSerializable(typeof(AttendanceRequest))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(CancelRegistrationRequest))]
[JsonSerializable(typeof(RegistrationView))]
[JsonSerializable(typeof(ActivityView))]
[JsonSerializable(typeof(ActivityPage))]
[JsonSerializable(typeof(ActivityTimeline))]
public sealed partial class ActivityApiJson : JsonSerializerContext
{
    /// <summary>As <c>ApiJson.Web</c>: Chinese stays readable.</summary>
    public static ActivityApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ActivityApiJson? s_web;
}
