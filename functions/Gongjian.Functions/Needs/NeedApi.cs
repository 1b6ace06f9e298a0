using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Community;
using Gongjian.Domain.Needs;
using Gongjian.Functions.Dispatching;

namespace Gongjian.Functions.Needs;

// Bodies of the needs API (需求清单), in a context of their own; the same strict options as ApiJson.

public sealed record BeneficiariesBody
{
    public required string Group { get; init; }
    public required int Count { get; init; }
}

public sealed record RecordNeedRequest
{
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<BeneficiariesBody> Beneficiaries { get; init; }
    /// <summary>Organizer: a community of its street; admin: any community; dispatcher: ignored (its own).</summary>
    public string? CommunityId { get; init; }
}

/// <summary>转入需求清单: a resident's order or wish becomes a need; category and description default to the source's.</summary>
public sealed record PromoteNeedRequest
{
    /// <summary><c>order</c> or <c>wish</c>.</summary>
    public required string SourceKind { get; init; }
    public required string SourceId { get; init; }
    public required IReadOnlyList<BeneficiariesBody> Beneficiaries { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
}

public sealed record MatchNeedRequest
{
    public string? UnitId { get; init; }
    public string? ProjectId { get; init; }
}

public sealed record NeedTextRequest
{
    public required string Text { get; init; }
}

public sealed record NeedView(string Id, string Status, string StatusName, string Category, string CategoryName, string StreetId, string CommunityId,
    string CommunityName, string Description, IReadOnlyList<BeneficiariesBody> Beneficiaries, int People, string? SourceKind, string? SourceId,
    string? UnitId, string? UnitName, string? ProjectId, string? Note, DateTimeOffset CreatedAt, DateTimeOffset? MatchedAt, DateTimeOffset? EndedAt, int Version);

public sealed record NeedListItem(string Id, string Status, string StatusName, string Category, string CategoryName, string CommunityId, string Description,
    string Beneficiaries, int People, string? SourceKind, string? UnitId, string? UnitName, string? ProjectId, int? Year, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record NeedPage(IReadOnlyList<NeedListItem> Items, string? NextPageToken);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RecordNeedRequest))]
[JsonSerializable(typeof(PromoteNeedRequest))]
[JsonSerializable(typeof(MatchNeedRequest))]
[JsonSerializable(typeof(NeedTextRequest))]
[JsonSerializable(typeof(NeedView))]
[JsonSerializable(typeof(NeedPage))]
[JsonSerializable(typeof(ResourceSuggestionsView))]
public sealed partial class NeedApiJson : JsonSerializerContext
{
    public static NeedApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static NeedApiJson? s_web;

    public static NeedView ToView(NeedState s, string communityName) => new(s.Id, s.Status.Code(), s.Status.Chinese(), s.Category, ServiceCategory.NameOf(s.Category),
        s.StreetId, s.CommunityId, communityName, s.Description, s.Beneficiaries.Select(b => new BeneficiariesBody { Group = b.Group, Count = b.Count }).ToList(),
        s.People, s.Source?.Kind, s.Source?.Id, s.UnitId, s.UnitName, s.ProjectId, s.Note, s.CreatedAt, s.MatchedAt, s.EndedAt, s.Version);

    public static IReadOnlyList<Beneficiaries> ToDomain(IReadOnlyList<BeneficiariesBody> list) => list.Select(b => new Beneficiaries(b.Group.Trim(), b.Count)).ToList();
}
