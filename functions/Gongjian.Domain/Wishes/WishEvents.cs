using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Wishes;

public abstract record WishEvent
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record WishSubmitted : WishEvent
{
    public required string WishId { get; init; }
    public required string CommunityId { get; init; }
    public required string StreetId { get; init; }
    public required string Category { get; init; }
    public required string Text { get; init; }
    public WishContact? Contact { get; init; }
    public required string TrackingCodeHash { get; init; }
    public string? Nickname { get; init; }
}

public sealed record WishPublished : WishEvent
{
    public required string PublicText { get; init; }
    public required string DisplayName { get; init; }
}

public sealed record WishRejected : WishEvent { public required string Reason { get; init; } }
public sealed record WishWithdrawn : WishEvent { public string? Reason { get; init; } }

public sealed record WishClaimed : WishEvent
{
    public required Claimer Claimer { get; init; }
    public string? ClaimCodeHash { get; init; }
}

public sealed record WishClaimReleased : WishEvent { public string? Reason { get; init; } }

public sealed record WishFulfilled : WishEvent
{
    public required string Note { get; init; }
    public required IReadOnlyList<string> PhotoIds { get; init; }
}

public sealed record WishConfirmed : WishEvent;

/// <summary>The wish's personal data was erased; <see cref="PhotoIds"/> are the fulfilment photos deleted with it.</summary>
public sealed record WishPersonalDataErased : WishEvent
{
    public string? Reason { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}
