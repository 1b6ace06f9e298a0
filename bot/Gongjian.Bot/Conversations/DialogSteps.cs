using System.Text.Json.Serialization;

namespace Gongjian.Bot.Conversations;

/// <summary>Where a conversation stands: which question the bot is waiting to have answered. Immutable; one turn makes the next.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(Idle), "idle")]
[JsonDerivedType(typeof(CollectingWish), "collectingWish")]
[JsonDerivedType(typeof(ChoosingRevision), "choosingRevision")]
[JsonDerivedType(typeof(ConfirmingWish), "confirmingWish")]
[JsonDerivedType(typeof(RatingOrder), "ratingOrder")]
[JsonDerivedType(typeof(ReopeningOrder), "reopeningOrder")]
[JsonDerivedType(typeof(DecliningOrder), "decliningOrder")]
[JsonDerivedType(typeof(CompletingOrder), "completingOrder")]
[JsonDerivedType(typeof(PostingMicroWish), "postingMicroWish")]
[JsonDerivedType(typeof(ConfirmingMicroWish), "confirmingMicroWish")]
[JsonDerivedType(typeof(ClaimingProject), "claimingProject")]
[JsonDerivedType(typeof(ChoosingCommunity), "choosingCommunity")]
[JsonDerivedType(typeof(JoiningActivity), "joiningActivity")]
[JsonDerivedType(typeof(BookingRoom), "bookingRoom")]
[JsonDerivedType(typeof(ConfirmingBooking), "confirmingBooking")]
[JsonDerivedType(typeof(ReportingPerson), "reportingPerson")]
[JsonDerivedType(typeof(Deliberations.RaisingTopic), "raisingTopic")]
[JsonDerivedType(typeof(Grid.FilingGridReport), "filingGridReport")]
public abstract record DialogStep;

public sealed record Idle : DialogStep
{
    public static readonly Idle Instance = new();
}

/// <summary>Placing an order: the draft so far and the one field asked for (after 修改, the summary follows at once).</summary>
public sealed record CollectingWish(WishDraft Draft, WishSlot Asking) : DialogStep;

/// <summary>The resident chose 修改 on the summary card and is picking what to change.</summary>
public sealed record ChoosingRevision(WishDraft Draft) : DialogStep;

/// <summary>The summary card is shown: 确认提交 / 修改 / 取消.</summary>
public sealed record ConfirmingWish(WishDraft Draft) : DialogStep;

/// <summary>Rating a completed order: the stars first (<paramref name="Stars"/> null), then an optional comment.</summary>
public sealed record RatingOrder(string OrderId, int? Stars = null) : DialogStep;

/// <summary>The resident asked for 重新办理; waiting for what is still wrong.</summary>
public sealed record ReopeningOrder(string OrderId) : DialogStep;

/// <summary>A liaison chose 拒单; waiting for the reason.</summary>
public sealed record DecliningOrder(string OrderId) : DialogStep;

/// <summary>A liaison reports completion: the note first, then a photo.</summary>
public sealed record CompletingOrder(string OrderId, string? Note = null) : DialogStep;

/// <summary>What the bot asks while taking a wish; <see cref="Name"/> only when the resident chose 修改 → 称呼 (it is optional).</summary>
public enum WishSlot { Text, Category, Community, Place, Phone, Name }

/// <summary>What the resident has told so far about one wish.</summary>
public sealed record WishDraft
{
    /// <summary>Names this wish when it is placed, so that placing it twice places one order.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public string? Category { get; init; }
    public string? CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public string? Place { get; init; }
    public string? Phone { get; init; }
    public string? ContactName { get; init; }
    public bool Urgent { get; init; }
    /// <summary>Photos sent with the wish, as staged photo ids (the bytes are in blob storage, not in the state).</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];
    /// <summary>The other problems of the message this wish came from, each a draft of its own, offered once this one is placed.</summary>
    public IReadOnlyList<WishDraft> Later { get; init; } = [];

    /// <summary>The first field still missing, in the order a person would be asked.</summary>
    public WishSlot? Missing =>
        string.IsNullOrWhiteSpace(Text) ? WishSlot.Text
        : Category is null ? WishSlot.Category
        : CommunityId is null ? WishSlot.Community
        : string.IsNullOrWhiteSpace(Place) ? WishSlot.Place
        : Phone is null ? WishSlot.Phone
        : null;
}

/// <summary>Posting a 微心愿: the draft so far and the one field asked for.</summary>
public sealed record PostingMicroWish(MicroWishDraft Draft, MicroWishSlot Asking) : DialogStep;

/// <summary>The 微心愿 summary card is shown: 确认提交 / 修改 / 取消.</summary>
public sealed record ConfirmingMicroWish(MicroWishDraft Draft) : DialogStep;

/// <summary>
/// A liaison opened the claim form of a project. The card's form sends everything at once; a channel without
/// cards types the commitment, then the day (<paramref name="Commitment"/> holds the first answer meanwhile).
/// </summary>
public sealed record ClaimingProject(string ProjectId, string Title, DateOnly LastDay, string? Commitment = null) : DialogStep;

/// <summary>What the bot asks while taking a 微心愿. <see cref="Nickname"/> is optional (不用了 → 某居民 on the wall).</summary>
public enum MicroWishSlot { Text, Category, Community, Nickname, Phone }

/// <summary>What the resident has told so far about one 微心愿.</summary>
public sealed record MicroWishDraft
{
    /// <summary>Names this wish when it is submitted, so that submitting it twice submits one wish.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string? Text { get; init; }
    public string? Category { get; init; }
    public string? CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public string? Nickname { get; init; }
    /// <summary>The nickname question was answered (with a nickname or 不用了).</summary>
    public bool NicknameAnswered { get; init; }
    public string? Phone { get; init; }

    public MicroWishSlot? Missing =>
        string.IsNullOrWhiteSpace(Text) ? MicroWishSlot.Text
        : Category is null ? MicroWishSlot.Category
        : CommunityId is null ? MicroWishSlot.Community
        : !NicknameAnswered ? MicroWishSlot.Nickname
        : Phone is null ? MicroWishSlot.Phone
        : null;
}
