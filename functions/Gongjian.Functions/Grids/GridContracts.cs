using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjian.Functions.Grids;

/// <summary>A member of a grid's team: 网格长 (leader), 网格指导员 (instructor), 网格员 (worker) or a volunteer. Name and phone are personal: staff only.</summary>
public sealed record GridMemberInput
{
    public required string Role { get; init; }
    public required string Name { get; init; }
    public string? Phone { get; init; }
}

public sealed record SaveGridRequest
{
    /// <summary>On create only: the community and the grid's short id (lower-case letters, digits, hyphens).</summary>
    public string? CommunityId { get; init; }
    public string? Slug { get; init; }
    public required string Name { get; init; }
    public string? Area { get; init; }
    public required double CentreLat { get; init; }
    public required double CentreLon { get; init; }
    public required int RadiusMetres { get; init; }
    public required IReadOnlyList<GridMemberInput> Team { get; init; }
}

public sealed record GridMemberView(string Role, string RoleText, string Name, string? Phone);

public sealed record GridView(string Id, string CommunityId, string CommunityName, string StreetId, string Name, string Area,
    double CentreLat, double CentreLon, int RadiusMetres, IReadOnlyList<GridMemberView> Team);

public sealed record GridPage(IReadOnlyList<GridView> Items);

public sealed record GridCheckInRequest
{
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Note { get; init; }
}

/// <summary>A check-in: its location and distance are the worker's personal data, shown to the grid's community staff only.</summary>
public sealed record GridCheckInView(string GridId, DateTimeOffset At, string Worker, double Lat, double Lon, int DistanceMetres, bool Far, string? Note);

public sealed record GridCheckInPage(IReadOnlyList<GridCheckInView> Items);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SaveGridRequest))]
[JsonSerializable(typeof(GridView))]
[JsonSerializable(typeof(GridPage))]
[JsonSerializable(typeof(GridCheckInRequest))]
[JsonSerializable(typeof(GridCheckInView))]
[JsonSerializable(typeof(GridCheckInPage))]
[JsonSerializable(typeof(List<GridMemberInput>))]
public sealed partial class GridApiJson : JsonSerializerContext
{
    public static GridApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static GridApiJson? s_web;
}
