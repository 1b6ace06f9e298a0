using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Projects;

namespace Gongjian.Functions.Projects;

// Bodies of the projects API (项目清单), in a context of their own so the module's files stay apart;
// the same strict options as ApiJson (unknown fields, missing required fields and nulls refused).

public sealed record MilestoneRequest
{
    public required string Title { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}

public sealed record CreateProjectRequest
{
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Goal { get; init; }
    public IReadOnlyList<string>? NeedIds { get; init; }
    public required DateTimeOffset StartsOn { get; init; }
    public required DateTimeOffset EndsOn { get; init; }
    public required int UnitsWanted { get; init; }
    public IReadOnlyList<MilestoneRequest>? Milestones { get; init; }
    /// <summary>Organizer: a community of the street (optional); admin: the street or community; dispatcher: ignored (its own).</summary>
    public string? CommunityId { get; init; }
    public string? StreetId { get; init; }
}

public sealed record ClaimRequest
{
    public required string Commitment { get; init; }
    public required DateTimeOffset ProvideBy { get; init; }
}

public sealed record ProjectTextRequest
{
    public required string Text { get; init; }
}

public sealed record ReportRequest
{
    public required string Text { get; init; }
    /// <summary>Base64 JPEG/PNG/WebP, each ≤ 10 MB; EXIF/GPS stripped before they are stored.</summary>
    public IReadOnlyList<string>? Photos { get; init; }
}

public sealed record ClaimView(string ClaimId, string UnitId, string UnitName, string Commitment, DateTimeOffset ProvideBy, string Status,
    DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt, string? DeclineReason);

public sealed record ReportView(string UnitId, string UnitName, string Text, IReadOnlyList<string> PhotoIds, DateTimeOffset At);

public sealed record MilestoneView(string Id, string Title, DateTimeOffset DueAt, bool Escalated, IReadOnlyList<ReportView> Reports);

public sealed record ProjectView(
    string Id, string Title, string Category, string Status, string StatusName, string StreetId, string? CommunityId, string Goal,
    IReadOnlyList<string> NeedIds, DateTimeOffset StartsOn, DateTimeOffset EndsOn, int UnitsWanted, int PlacesTaken, int Approved,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ClaimView> Claims, string? Summary, DateTimeOffset CreatedAt, int Version);

public sealed record ProjectRowView(string Id, string Title, string Category, string Status, string? CommunityId, int UnitsWanted, int PlacesTaken,
    int Approved, string ApprovedUnits, DateTimeOffset? NextDueAt, bool Escalated, DateTimeOffset StartsOn, DateTimeOffset EndsOn);

public sealed record ProjectPage(IReadOnlyList<ProjectRowView> Items);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(ClaimRequest))]
[JsonSerializable(typeof(ProjectTextRequest))]
[JsonSerializable(typeof(ReportRequest))]
[JsonSerializable(typeof(ProjectView))]
[JsonSerializable(typeof(ProjectPage))]
public sealed partial class ProjectApiJson : JsonSerializerContext
{
    public static ProjectApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ProjectApiJson? s_web;

    public static ProjectView ToView(ProjectState s, bool allClaims, string? unit)
    {
        var names = s.Claims.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => g.Last().UnitName);
        return new ProjectView(s.Id, s.Title, s.Category, s.Status.Code(), s.Status.Chinese(), s.StreetId, s.CommunityId, s.Goal, s.NeedIds,
            s.StartsOn, s.EndsOn, s.UnitsWanted, s.PlacesTaken, s.Approved,
            s.Milestones.Select(m => new MilestoneView(m.Id, m.Title, m.DueAt, s.EscalatedMilestones.Contains(m.Id),
                s.Reports.Where(r => r.MilestoneId == m.Id).Select(r => new ReportView(r.UnitId, names.GetValueOrDefault(r.UnitId, r.UnitId), r.Text, r.PhotoIds, r.At)).ToList())).ToList(),
            s.Claims.Where(c => allClaims || c.UnitId == unit || c.Status == ClaimStatus.Approved)
                .Select(c => new ClaimView(c.ClaimId, c.UnitId, c.UnitName, c.Commitment, c.ProvideBy, c.Status.ToString().ToLowerInvariant(), c.ClaimedAt, c.DecidedAt,
                    allClaims || c.UnitId == unit ? c.DeclineReason : null)).ToList(),
            s.Summary, s.CreatedAt, s.Version);
    }
}
