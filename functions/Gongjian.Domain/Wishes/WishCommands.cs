using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Wishes;

public abstract record WishCommand
{
    public required Actor By { get; init; }
}

/// <summary>A resident (or staff on their behalf) posts a wish; staff review it before anyone sees it.</summary>
public sealed record SubmitWish : WishCommand
{
    public required string WishId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    public WishContact? Contact { get; init; }
    public required string TrackingCodeHash { get; init; }
    /// <summary>The nickname the resident would like on the wall (staff may change it when publishing); none: 某居民.</summary>
    public string? Nickname { get; init; }
}

/// <summary>The community's staff publish it on the wall with an anonymised text and a nickname (or 某居民).</summary>
public sealed record PublishWish : WishCommand
{
    public required string PublicText { get; init; }
    public string? DisplayName { get; init; }
}

public sealed record RejectWish : WishCommand
{
    public required string Reason { get; init; }
}

/// <summary>The resident or staff take it back before anyone claimed it.</summary>
public sealed record WithdrawWish : WishCommand
{
    public string? Reason { get; init; }
}

public sealed record ClaimWish : WishCommand
{
    public required Claimer Claimer { get; init; }
    /// <summary>For a person: the hash of the claim code they act with later.</summary>
    public string? ClaimCodeHash { get; init; }
}

/// <summary>The claimer (or staff) gives the claim up: the wish is published again.</summary>
public sealed record ReleaseClaim : WishCommand
{
    public string? Reason { get; init; }
}

public sealed record FulfilWish : WishCommand
{
    public required string Note { get; init; }
    /// <summary>The stored photos (EXIF stripped); at least one. Empty while the rules are asked before storing.</summary>
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    /// <summary>How many photos come with it: checked before any is stored.</summary>
    public int PhotoCount { get; init; }
}

public sealed record ConfirmWish : WishCommand;

/// <summary>
/// PIPL: erase the resident's text and contact, a person claimer's name and phone, and the fulfilment photos of a
/// closed wish — on request (staff with a reason, or the resident) or by the retention timer (<see cref="ClosedAt"/>).
/// </summary>
public sealed record EraseWishPersonalData : WishCommand
{
    public string? Reason { get; init; }
    /// <summary>Set by the retention timer: when the wish closed, so a timer for an earlier close is stale.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
