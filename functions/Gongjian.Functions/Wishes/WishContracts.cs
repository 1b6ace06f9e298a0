namespace Gongjian.Functions.Wishes;

public sealed record SubmitWishRequest
{
    public required string CommunityId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    /// <summary>The resident's name and phone: required when a resident posts, optional when staff post for them.</summary>
    public Orders.ContactInput? Contact { get; init; }
}

public sealed record PublishWishRequest
{
    /// <summary>The anonymised text shown on the wall (≤ 120).</summary>
    public required string PublicText { get; init; }
    /// <summary>A nickname; 某居民 when absent.</summary>
    public string? DisplayName { get; init; }
}

public sealed record ClaimWishRequest
{
    /// <summary><c>unit</c>, <c>partyMember</c> or <c>volunteer</c>.</summary>
    public required string Kind { get; init; }
    public string? UnitId { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
}

public sealed record FulfilWishRequest
{
    public required string Note { get; init; }
    /// <summary>Base64 JPEG/PNG/WebP, 1–3, ≤ 10 MB each (EXIF/GPS stripped).</summary>
    public required IReadOnlyList<string> Photos { get; init; }
}

public sealed record SubmittedWishView(string Id, string TrackingCode, string Status, string StatusText, string Location);

public sealed record ClaimerView(string Kind, string Name, string? UnitId);

/// <summary>A person's contact or the resident's: only for the community's staff.</summary>
public sealed record WishContactView(string Name, string Phone);

/// <summary>
/// A wish as its caller may see it. Public fields for all; <see cref="Text"/>, <see cref="Contact"/>, <see cref="Reason"/>
/// and <see cref="ClaimerContact"/> only for the community's staff (the resident sees their own text and the reason);
/// the fulfilment note and photos for staff, the resident and the claimer. <see cref="ClaimCode"/> only in the answer to a person's claim.
/// </summary>
public sealed record WishView
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required string StatusText { get; init; }
    public required string Category { get; init; }
    public required string CategoryName { get; init; }
    public required string CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public string? PublicText { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The nickname the resident asked for (staff and the resident): the wall's name when staff publish without one.</summary>
    public string? Nickname { get; init; }
    public ClaimerView? Claimer { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? FulfilledAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public string? FulfilNote { get; init; }
    public IReadOnlyList<string>? Photos { get; init; }
    public string? Text { get; init; }
    public WishContactView? Contact { get; init; }
    public string? Reason { get; init; }
    public WishContactView? ClaimerContact { get; init; }
    /// <summary>True when this answer shows the contacts unmasked (the community's dispatcher; recorded in the contact audit).</summary>
    public bool ContactVisible { get; init; }
    /// <summary>True when this caller may see the contacts but asked with <c>?contact=masked</c> (the console's first look).</summary>
    public bool ContactWithheld { get; init; }
    public string? ClaimCode { get; init; }
    /// <summary>When the resident's and a person claimer's personal data were erased (PIPL); null while kept.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
}

public sealed record WishListItem(
    string Id, string Status, string StatusText, string Category, string CategoryName, string CommunityId, string? PublicText, string? DisplayName,
    string? ClaimerKind, string? ClaimerName, string? UnitId, int? Year, DateTimeOffset SubmittedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? FulfilledAt);

public sealed record WishPage(IReadOnlyList<WishListItem> Items, string? NextPageToken);
