using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Wishes;

/// <summary>
/// PIPL for wishes, like <see cref="Privacy.PersonalDataRedaction"/> for orders. Erased: what the resident wrote
/// and their contact (and the nickname they asked for), a person claimer's name and phone, a withdrawal reason (the resident's, or staff's on their behalf), a person claimer's release reason, the fulfilment
/// photos (often the resident at home). Kept as the community's record: status, dates, category, the staff-written
/// public text and nickname (checked for personal data when published), staff reasons, the unit that claimed, and a
/// person claimer's <see cref="Claimer.PersonKey"/> (a hash) so the claim still counts for them in the evaluation.
/// The fulfilment note stays with phones, ID and house numbers masked.
/// </summary>
public static class WishErasure
{
    public const string RetentionReason = "保存期限届满";

    /// <summary>The decision: staff (a reason required) or the resident, on a closed wish not yet erased; the timer only for the close it was armed for.</summary>
    public static Verdict<WishEvent> Decide(WishState s, EraseWishPersonalData c, DateTimeOffset now)
    {
        var staff = c.By.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;
        if (!staff && c.By != WishActors.Resident && c.By.Role != ActorRole.System) return Refuse("role_not_allowed", RejectionKind.Forbidden, "您的角色不能删除心愿的个人信息。");
        if (s.PersonalDataErasedAt is not null) return Refuse("already_erased", RejectionKind.Conflict, "该心愿的个人信息已删除。");
        if (c.By.Role == ActorRole.System && (!s.Status.IsClosed() || c.ClosedAt != s.StatusSince))
            return Refuse("timer_stale", RejectionKind.Conflict, "心愿状态已变化，无需删除。");
        if (!s.Status.IsClosed())
            return Refuse("wish_not_closed", RejectionKind.Conflict, "心愿尚未办结，不能删除个人信息；如需撤回心愿，请先撤回（已认领的请先放弃认领）或确认。");
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        if (reason is { Length: > WishLimits.ReasonMax }) return Refuse("reason_too_long", RejectionKind.Invalid, $"理由请写在 {WishLimits.ReasonMax} 字以内。");
        if (staff && reason is null) return Refuse("reason_required", RejectionKind.Invalid, "请写明删除个人信息的理由（如居民申请）。");
        return new([new WishPersonalDataErased { OccurredAt = now, By = c.By, Reason = reason, PhotoIds = s.PhotoIds }], null);
    }

    public static WishState Evolve(WishState s, WishPersonalDataErased e) => s with
    {
        Text = "", Contact = null, Nickname = null, Claimer = s.Claimer is { } c ? Anonymous(c) : null, PhotoIds = [],
        FulfilNote = s.FulfilNote is { } note ? FreeTextRedactor.Redact(note) : null,
        Reason = s.Status == WishStatus.Withdrawn ? null : s.Reason,
        PersonalDataErasedAt = e.OccurredAt,
    };

    /// <summary>A stored event without personal data, or null when it holds none.</summary>
    public static WishEvent? Redact(WishEvent e) => e switch
    {
        // The nickname the resident asked for was never checked for personal data (the wall's DisplayName was, and stays).
        WishSubmitted x when x.Text.Length > 0 || x.Contact is not null || x.Nickname is not null => x with { Text = "", Contact = null, Nickname = null },
        WishClaimed { Claimer: { Name: not null } or { Phone: not null } } x => x with { Claimer = Anonymous(x.Claimer) },
        WishWithdrawn { Reason: not null } x => x with { Reason = null },
        WishClaimReleased { Reason: not null } x when x.By == WishActors.Person => x with { Reason = null },
        WishFulfilled x when x.PhotoIds.Count > 0 || FreeTextRedactor.Redact(x.Note) != x.Note =>
            x with { PhotoIds = [], Note = FreeTextRedactor.Redact(x.Note) },
        _ => null,
    };

    private static Claimer Anonymous(Claimer c) => c with { Name = null, Phone = null };

    private static Verdict<WishEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
