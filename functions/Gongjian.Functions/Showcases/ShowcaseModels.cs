namespace Gongjian.Functions.Showcases;

public sealed record PublishShowcaseRequest
{
    public required string Title { get; init; }
    public required string Story { get; init; }
    public required IReadOnlyList<string> OrderIds { get; init; }
    /// <summary>Which photos of each order to show; an order not named here shows all its after-photos and no before-photo.</summary>
    public IReadOnlyList<ShowcasePhotoChoice>? Photos { get; init; }
}

/// <summary>The before- and after-photos (ids as the order lists them) the organizer chose to show for one order.</summary>
public sealed record ShowcasePhotoChoice
{
    public required string OrderId { get; init; }
    public required IReadOnlyList<string> Before { get; init; }
    public required IReadOnlyList<string> After { get; init; }
}

/// <summary>
/// One order as the public sees it: no resident, no address, no order number. <c>Photos</c> are the after-photos;
/// <c>BeforePhotos</c> those taken before the work that the organizer chose to show (none unless chosen).
/// </summary>
public sealed record ShowcaseItemView(
    string Category, string CategoryName, string CommunityName, DateOnly PlacedOn, DateOnly? CompletedOn,
    int? Rating, string UnitName, IReadOnlyList<string> Photos, IReadOnlyList<string>? BeforePhotos = null);

public sealed record ShowcaseView(
    string Id, string Title, string Story, string StreetId, string StreetName, DateTimeOffset PublishedAt,
    IReadOnlyList<ShowcaseItemView> Items);

/// <summary>Where a public photo index points: kept in storage, never sent out.</summary>
public sealed record ShowcasePhotoSource(string OrderId, string PhotoId);

/// <summary>
/// 撤回晒单: the showcase leaves the public list, its page answers 410 and its photos are no longer served.
/// The row stays (who published and withdrew it, when), so a retried publication cannot bring it back silently.
/// </summary>
public sealed record WithdrawnShowcaseView(string Id, string StreetId, DateTimeOffset WithdrawnAt);
