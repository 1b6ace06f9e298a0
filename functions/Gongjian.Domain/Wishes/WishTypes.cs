using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Wishes;

/// <summary>
/// 微心愿: submitted (待审核) → published (待认领) → claimed (已认领) → fulfilled (已实现) → confirmed (已确认);
/// rejected (未通过) and withdrawn (已撤回) end it before a claim; a released claim publishes it again.
/// </summary>
public enum WishStatus { None, Submitted, Published, Claimed, Fulfilled, Confirmed, Rejected, Withdrawn }

public static class WishStatusText
{
    public static string Code(this WishStatus s) => s.ToString().ToLowerInvariant();

    public static string Chinese(this WishStatus s) => s switch
    {
        WishStatus.Submitted => "待审核", WishStatus.Published => "待认领", WishStatus.Claimed => "已认领",
        WishStatus.Fulfilled => "已实现", WishStatus.Confirmed => "已确认", WishStatus.Rejected => "未通过",
        WishStatus.Withdrawn => "已撤回", _ => "无",
    };

    public static bool TryParse(string code, out WishStatus status) =>
        Enum.TryParse(code, ignoreCase: true, out status) && status != WishStatus.None && code.All(char.IsAsciiLetterLower);

    public static bool IsClosed(this WishStatus s) => s is WishStatus.Confirmed or WishStatus.Rejected or WishStatus.Withdrawn;

    /// <summary>On the public wall: published and claimed wishes, and those fulfilled.</summary>
    public static bool IsOnWall(this WishStatus s) => s is WishStatus.Published or WishStatus.Claimed or WishStatus.Fulfilled or WishStatus.Confirmed;
}

/// <summary>Who claims: a member unit (its liaison), or a person — an in-service party member or volunteer.</summary>
public enum ClaimerKind { Unit, PartyMember, Volunteer }

/// <summary>
/// The claimer. A unit is public (its name is shown on the wall); a person's name and phone are personal
/// data like a resident's: never on the wall, in lists or logs. <see cref="PersonKey"/> (a hash of the phone)
/// lets the records of one person be counted without naming them.
/// </summary>
public sealed record Claimer(ClaimerKind Kind, string? UnitId, string? UnitName, string? Name, string? Phone, string? PersonKey)
{
    public bool IsUnit => Kind == ClaimerKind.Unit;

    /// <summary>What the wall and lists may say about the claimer.</summary>
    public string PublicName => Kind switch
    {
        ClaimerKind.Unit => UnitName ?? "成员单位",
        ClaimerKind.PartyMember => "党员志愿者",
        _ => "爱心志愿者",
    };
}

/// <summary>The resident who wishes: personal data, shown only to the community's staff.</summary>
public sealed record WishContact(string Name, string Phone);

public static class WishActors
{
    /// <summary>The resident who posted the wish, known by its tracking code.</summary>
    public static readonly Actor Resident = new(ActorRole.Resident, "resident");
    /// <summary>A person who claimed the wish, known by the claim code they were given.</summary>
    public static readonly Actor Person = new(ActorRole.Resident, "claimer");
}

public static class WishLimits
{
    public const int TextMax = 300;
    public const int PublicTextMax = 120;
    public const int NicknameMax = 12;
    public const int ReasonMax = 200;
    public const int NoteMax = 300;
    public const int NameMax = 20;
    public const int MaxPhotos = 3;
}

public sealed record WishState
{
    public static readonly WishState Initial = new();

    public string Id { get; init; } = "";
    public int Version { get; init; }
    public WishStatus Status { get; init; }
    public string CommunityId { get; init; } = "";
    public string StreetId { get; init; } = "";
    public string Category { get; init; } = "";
    /// <summary>What the resident wrote (may hold personal data): staff only.</summary>
    public string Text { get; init; } = "";
    public WishContact? Contact { get; init; }
    public string TrackingCodeHash { get; init; } = "";
    /// <summary>The anonymised text staff wrote for the wall.</summary>
    public string? PublicText { get; init; }
    /// <summary>The nickname the resident asked for (the wall shows <see cref="DisplayName"/>, which staff set when publishing).</summary>
    public string? Nickname { get; init; }
    /// <summary>A nickname or 某居民: all the wall says of who wishes.</summary>
    public string? DisplayName { get; init; }
    public Claimer? Claimer { get; init; }
    public string? ClaimCodeHash { get; init; }
    public string? FulfilNote { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
    public string? Reason { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? FulfilledAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    /// <summary>When the current status began (the start of its reminder timer).</summary>
    public DateTimeOffset StatusSince { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>How many claims were released on this wish (each release publishes it again).</summary>
    public int Releases { get; init; }
    /// <summary>When the resident's and a person claimer's personal data were erased (PIPL), or null.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
}
