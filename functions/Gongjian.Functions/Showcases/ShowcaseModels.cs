namespace Gongjian.Functions.Showcases;

public sealed record PublishShowcaseRequest
{
    public required string Title { get; init; }
    public required string Story { get; init; }
    public required IReadOnlyList<string> OrderIds { get; init; }
}

/// <summary>One order as the public sees it: no resident, no address, no order number.</summary>
public sealed record ShowcaseItemView(
    string Category, string CategoryName, string CommunityName, DateOnly PlacedOn, DateOnly? CompletedOn,
    int? Rating, string UnitName, IReadOnlyList<string> Photos);

public sealed record ShowcaseView(
    string Id, string Title, string Story, string StreetId, string StreetName, DateTimeOffset PublishedAt,
    IReadOnlyList<ShowcaseItemView> Items);

/// <summary>Where a public photo index points: kept in storage, never sent out.</summary>
public sealed record ShowcasePhotoSource(string OrderId, string PhotoId);
