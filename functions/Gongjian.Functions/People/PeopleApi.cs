using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.People;

// Bodies of the 双报到 API, in a context of their own; the same strict options as ApiJson.

/// <summary>单位报到: a liaison for its own unit (an organizer or admin names <see cref="UnitId"/>).</summary>
public sealed record UnitReportRequest
{
    public required string CommunityId { get; init; }
    public int? Year { get; init; }
    public IReadOnlyList<string>? Posts { get; init; }
    public IReadOnlyList<string>? ResourceIds { get; init; }
    public int? ServiceItemsPerYear { get; init; }
    public string? UnitId { get; init; }
}

public sealed record EvidenceRequest
{
    public required string Evidence { get; init; }
}

/// <summary>个人报到 (public): <c>kind</c> is <c>partyMember</c> or <c>volunteer</c>.</summary>
public sealed record PersonRequest
{
    public required string CommunityId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public required string WorkUnit { get; init; }
    public string? UnitId { get; init; }
    public string? TeamId { get; init; }
}

public sealed record TeamRequest
{
    public required string TeamId { get; init; }
}

public sealed record PostRequest
{
    public required string Post { get; init; }
}

/// <summary>Hours staff log: <c>date</c> (yyyy-MM-dd, Beijing), hours (0 &lt; h ≤ 24 a day), what was done.</summary>
public sealed record HoursRequest
{
    public required string Date { get; init; }
    public required decimal Hours { get; init; }
    public required string What { get; init; }
}

public sealed record CommitmentView(string Id, string Kind, string Title, bool Met, DateTimeOffset? MetAt, string? Evidence);

public sealed record UnitReportView(string Id, string Status, string StatusName, string UnitId, string UnitName, string CommunityId, string CommunityName,
    string StreetId, int Year, int ServiceItemsPerYear, IReadOnlyList<CommitmentView> Commitments, int CommitmentsMade, int CommitmentsMet,
    DateTimeOffset ReportedAt, DateTimeOffset? AcceptedAt);

public sealed record UnitReportListItem(string Id, string Status, string StatusName, string UnitId, string UnitName, string CommunityId, int Year,
    int CommitmentsMade, int CommitmentsMet, DateTimeOffset ReportedAt);

public sealed record UnitReportPage(IReadOnlyList<UnitReportListItem> Items, string? NextPageToken);

public sealed record TeamView(string Id, string Name, int Members);

/// <summary>A community's team in its list: members counted, whether it is a standing one, what it does, whether it is retired.</summary>
public sealed record CommunityTeamView(string Id, string Name, int Members, bool Standing, string? Purpose, bool Retired);

public sealed record TeamsView(string CommunityId, IReadOnlyList<CommunityTeamView> Teams);

/// <summary>成立队伍: a name (2–20 characters) and what it does (optional, ≤ 100); both are public.</summary>
public sealed record TeamCreateRequest
{
    public required string Name { get; init; }
    public string? Purpose { get; init; }
}

public sealed record HoursView(string EntryId, string Date, double Hours, string What);

/// <summary>
/// A person's record: name, phone and work unit unmasked only to the person (with their code) and to staff of their
/// community; masked elsewhere. Hours and points: logged hours plus the hours of their records (activities, wishes, orders).
/// </summary>
public sealed record PersonView(string Id, string Status, string StatusName, string Kind, string KindName, string CommunityId, string CommunityName,
    string Name, string Phone, string WorkUnit, string? UnitId, IReadOnlyList<TeamView> Teams, IReadOnlyList<string> Posts, double Hours, int Points,
    int Records, IReadOnlyList<HoursView> Logged, DateTimeOffset RegisteredAt, DateTimeOffset? ConfirmedAt, string? Code);

public sealed record PersonListItem(string Id, string Status, string StatusName, string Kind, string KindName, string Name, string Phone,
    IReadOnlyList<string> Teams, double Hours, DateTimeOffset RegisteredAt);

public sealed record PersonPage(IReadOnlyList<PersonListItem> Items, string? NextPageToken);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(UnitReportRequest))]
[JsonSerializable(typeof(EvidenceRequest))]
[JsonSerializable(typeof(PersonRequest))]
[JsonSerializable(typeof(TeamRequest))]
[JsonSerializable(typeof(PostRequest))]
[JsonSerializable(typeof(HoursRequest))]
[JsonSerializable(typeof(UnitReportView))]
[JsonSerializable(typeof(UnitReportPage))]
[JsonSerializable(typeof(TeamsView))]
[JsonSerializable(typeof(TeamCreateRequest))]
[JsonSerializable(typeof(CommunityTeamView))]
[JsonSerializable(typeof(PersonView))]
[JsonSerializable(typeof(PersonPage))]
public sealed partial class PeopleApiJson : JsonSerializerContext
{
    public static PeopleApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static PeopleApiJson? s_web;
}
