namespace Gongjian.Functions.Communities;

public sealed record CommunityView(string Id, string Name, string StreetId, string StreetName);

public sealed record UnitView(
    string Id, string Name, string StreetId, string Level, string Kind,
    IReadOnlyList<string> Categories, IReadOnlyList<string> CommunityIds);

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
