using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Domain.Community;
using Gongjian.Domain.Resources;

namespace Gongjian.Functions.Resources;

// Bodies of the resources API (资源清单), in a context of their own; the same strict options as ApiJson.

public sealed record ResourceRequest
{
    /// <summary><c>venue</c>, <c>service</c>, <c>volunteers</c>, <c>materials</c> or <c>funds</c>.</summary>
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Communities covered; empty or left out: the whole street.</summary>
    public IReadOnlyList<string>? CommunityIds { get; init; }
    public required string Availability { get; init; }
    public int? Capacity { get; init; }
    public string? OpeningHours { get; init; }
    public int? Count { get; init; }
    /// <summary>Organizer or admin listing for a unit; a liaison's is always its own unit.</summary>
    public string? UnitId { get; init; }
}

public sealed record ResourceTextRequest
{
    public required string Text { get; init; }
}

public sealed record ResourceView(string Id, string Status, string StatusName, string UnitId, string UnitName, string StreetId, string Kind, string KindName,
    string Category, string CategoryName, string Title, string Description, IReadOnlyList<string> CommunityIds, bool WholeStreet, string Availability,
    int? Capacity, string? OpeningHours, int? Count, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RetiredReason, int Version);

public sealed record ResourceListItem(string Id, string Status, string StatusName, string UnitId, string UnitName, string Kind, string KindName, string Category,
    string CategoryName, string Title, string Description, IReadOnlyList<string> CommunityIds, string Availability, int? Capacity, string? OpeningHours, int? Count,
    int Version, int? Year, DateTimeOffset UpdatedAt);

public sealed record ResourcePage(IReadOnlyList<ResourceListItem> Items, string? NextPageToken);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ResourceRequest))]
[JsonSerializable(typeof(ResourceTextRequest))]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(ResourcePage))]
public sealed partial class ResourceApiJson : JsonSerializerContext
{
    public static ResourceApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ResourceApiJson? s_web;

    public static ResourceView ToView(ResourceState s)
    {
        var d = s.Details!;
        return new ResourceView(s.Id, s.Status.Code(), s.Status.Chinese(), s.UnitId, s.UnitName, s.StreetId, d.Kind.Code(), d.Kind.Chinese(), d.Category,
            ServiceCategory.NameOf(d.Category), d.Title, d.Description, d.CommunityIds, s.WholeStreet, d.Availability, d.Capacity, d.OpeningHours, d.Count,
            s.CreatedAt, s.UpdatedAt, s.RetiredReason, s.Version);
    }
}
