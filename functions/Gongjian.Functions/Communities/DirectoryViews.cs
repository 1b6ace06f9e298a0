namespace Gongjian.Functions.Communities;

public sealed record CommunityView(string Id, string Name, string StreetId, string StreetName, DateTimeOffset? RetiredAt = null);

/// <summary>POST /api/communities: a new community under a street (the organizer's own when it names none).</summary>
public sealed record CreateCommunityRequest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? StreetId { get; init; }
}

/// <summary>PATCH /api/communities/{id}: its new name.</summary>
public sealed record UpdateCommunityRequest
{
    public required string Name { get; init; }
}

public sealed record UnitView(
    string Id, string Name, string StreetId, string Level, string Kind,
    IReadOnlyList<string> Categories, IReadOnlyList<string> CommunityIds,
    DateTimeOffset? RetiredAt = null, string? RetiredReason = null);

public sealed record CreateUnitRequest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? StreetId { get; init; }
    public required string Level { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<string> CommunityIds { get; init; }
}

/// <summary>PATCH /api/units/{id}: the unit's new fields, all of them (its id and street stay).</summary>
public sealed record UpdateUnitRequest
{
    public required string Name { get; init; }
    public required string Level { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required IReadOnlyList<string> CommunityIds { get; init; }
}

public sealed record RetireRequest
{
    public required string Reason { get; init; }
}
