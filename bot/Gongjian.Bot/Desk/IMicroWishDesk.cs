namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the 微心愿 module. Implemented by the function app with the module's own
/// store and rules; the resident acts with the wish's tracking code. Refusals come back as Chinese sentences.
/// </summary>
public interface IMicroWishDesk
{
    /// <summary>Submits the wish (待审核); the same draft submitted twice is one wish.</summary>
    Task<DeskResult<PostedMicroWish>> PostAsync(MicroWishPost post, CancellationToken ct);

    /// <summary>The current status of wishes this conversation knows (by id and tracking code); unknown ones are left out.</summary>
    Task<IReadOnlyList<MicroWishSummary>> StatusAsync(IReadOnlyList<(string WishId, string TrackingCode)> wishes, CancellationToken ct);

    Task<DeskResult<MicroWishSummary>> FindAsync(string wishId, string trackingCode, CancellationToken ct);

    /// <summary>撤回: only before anyone claimed it.</summary>
    Task<DeskResult<MicroWishSummary>> WithdrawAsync(string wishId, string trackingCode, CancellationToken ct);

    /// <summary>The resident confirms the claimer fulfilled it.</summary>
    Task<DeskResult<MicroWishSummary>> ConfirmAsync(string wishId, string trackingCode, CancellationToken ct);
}

/// <param name="Nickname">What the wall may call the resident (null: 某居民).</param>
/// <param name="ContactName">The 称呼 the conversation knows (personal data, staff only).</param>
/// <param name="DraftId">The draft's id: confirming it twice (a resent 确认提交) answers with the wish already submitted.</param>
public sealed record MicroWishPost(
    string Text, string Category, string CommunityId, string? Nickname, string Phone, string? ContactName, string DraftId);

public sealed record PostedMicroWish(string WishId, string TrackingCode);

/// <summary>
/// A wish as its resident may read it in chat: their own words shortened, the status, who claimed it (a unit's
/// name or 党员志愿者/爱心志愿者, never a person's name) and, when not published, the staff's reason.
/// </summary>
public sealed record MicroWishSummary(string WishId, string Summary, string Status, string? ClaimerName, string? Reason);
