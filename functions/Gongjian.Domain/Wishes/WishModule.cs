using System.Globalization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Wishes;

/// <summary>
/// 微心愿 as a module of the engine (module #2): a resident's small wish, reviewed and published
/// anonymised, claimed by a unit or a person, fulfilled with a photo and confirmed. <see cref="Decide"/>
/// is the transition table; the HTTP layer checks scopes (which community, street, unit) and codes,
/// the rules check roles and who the claimer is.
/// </summary>
/// <param name="claimRemindAfter">An unclaimed published wish reminds the community's staff after this long.</param>
/// <param name="fulfilRemindAfter">A claimed wish not yet fulfilled reminds the claimer and staff after this long.</param>
/// <param name="eraseAfter">A closed wish's personal data is erased this long after it closed (PIPL retention; 180 days by default).</param>
public sealed class WishModule(TimeSpan claimRemindAfter, TimeSpan fulfilRemindAfter, TimeSpan? eraseAfter = null) : Module<WishState, WishCommand, WishEvent>
{
    public static readonly TimeSpan DefaultClaimRemindAfter = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultFulfilRemindAfter = TimeSpan.FromDays(14);
    public static readonly TimeSpan DefaultEraseAfter = TimeSpan.FromDays(180);

    /// <summary>Records are counted per calendar year in China.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public WishModule() : this(DefaultClaimRemindAfter, DefaultFulfilRemindAfter) { }

    public TimeSpan ClaimRemindAfter => claimRemindAfter;
    public TimeSpan FulfilRemindAfter => fulfilRemindAfter;
    public TimeSpan EraseAfter => eraseAfter ?? DefaultEraseAfter;

    public override string Name => "wish";
    public override WishState Initial => WishState.Initial;
    public override string IdOf(WishState state) => state.Id;
    public override int VersionOf(WishState state) => state.Version;

    public override Verdict<WishEvent> Decide(WishState s, WishCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (WishStatus.None, SubmitWish c) => Submit(c, now),
        (_, SubmitWish) => Refuse("wish_exists", RejectionKind.Conflict, "心愿已存在。"),
        (WishStatus.None, _) => Refuse("wish_not_found", RejectionKind.Conflict, "心愿不存在，请检查编号。"),
        (_, EraseWishPersonalData c) => WishErasure.Decide(s, c, now),

        (WishStatus.Submitted, PublishWish c) => Publish(s, c, now),
        (WishStatus.Submitted, RejectWish c) => Reject(c, now),
        (WishStatus.Submitted or WishStatus.Published, WithdrawWish c) => Withdraw(c, now),

        (WishStatus.Published, ClaimWish c) => Claim(c, now),
        (WishStatus.Claimed or WishStatus.Fulfilled or WishStatus.Confirmed, ClaimWish) =>
            Refuse("wish_already_claimed", RejectionKind.Conflict, "这个心愿已被认领，请看看其他心愿。"),
        (WishStatus.Claimed, ReleaseClaim c) => Release(s, c, now),
        (WishStatus.Claimed, FulfilWish c) => Fulfil(s, c, now),
        (WishStatus.Fulfilled, ConfirmWish c) => Confirm(c, now),

        _ => Refuse($"wish_{s.Status.Code()}", RejectionKind.Conflict, $"心愿当前为“{s.Status.Chinese()}”，不能{ActionOf(command)}。"),
    };

    private static string ActionOf(WishCommand c) => c switch
    {
        PublishWish => "发布", RejectWish => "退回", WithdrawWish => "撤回", ClaimWish => "认领",
        ReleaseClaim => "放弃认领", FulfilWish => "上报实现", ConfirmWish => "确认", EraseWishPersonalData => "删除个人信息", _ => "这样办理",
    };

    private static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;

    private static Verdict<WishEvent> Submit(SubmitWish c, DateTimeOffset now)
    {
        if (c.By != WishActors.Resident && !IsStaff(c.By)) return RoleNotAllowed("提交心愿");
        var text = c.Text.Trim();
        if (text.Length == 0) return Refuse("text_required", RejectionKind.Invalid, "请写下您的心愿。");
        if (text.Length > WishLimits.TextMax) return Refuse("text_too_long", RejectionKind.Invalid, $"心愿请写在 {WishLimits.TextMax} 字以内。");
        if (!WishCategory.IsKnown(c.Category)) return Refuse("unknown_category", RejectionKind.Invalid, "心愿类别不存在。");
        WishContact? contact = null;
        if (c.Contact is { } given)
        {
            var name = given.Name.Trim();
            if (name.Length is 0 or > WishLimits.NameMax) return Refuse("invalid_name", RejectionKind.Invalid, $"请填写 {WishLimits.NameMax} 字以内的称呼。");
            if (!PhoneNumber.TryNormalize(given.Phone, out var phone)) return InvalidPhone();
            contact = new WishContact(name, phone);
        }
        else if (c.By == WishActors.Resident)
            return Refuse("contact_required", RejectionKind.Invalid, "请留下称呼和联系电话，方便社区与您联系。");
        var nickname = string.IsNullOrWhiteSpace(c.Nickname) ? null : c.Nickname.Trim();
        if (nickname?.Length > WishLimits.NicknameMax) return Refuse("nickname_too_long", RejectionKind.Invalid, $"昵称请写在 {WishLimits.NicknameMax} 字以内。");
        return Accept(new WishSubmitted
        {
            OccurredAt = now, By = c.By, WishId = c.WishId, CommunityId = c.CommunityId, StreetId = c.StreetId, Category = c.Category,
            Text = text, Contact = contact, TrackingCodeHash = c.TrackingCodeHash, Nickname = nickname,
        });
    }

    private static Verdict<WishEvent> Publish(WishState s, PublishWish c, DateTimeOffset now)
    {
        if (!IsStaff(c.By)) return RoleNotAllowed("发布心愿");
        var text = c.PublicText.Trim();
        if (text.Length == 0) return Refuse("public_text_required", RejectionKind.Invalid, "请填写公开展示的心愿内容。");
        if (text.Length > WishLimits.PublicTextMax) return Refuse("public_text_too_long", RejectionKind.Invalid, $"公开内容请写在 {WishLimits.PublicTextMax} 字以内。");
        // Without a name of their own, staff publish under the nickname the resident asked for (checked below like theirs).
        var name = !string.IsNullOrWhiteSpace(c.DisplayName) ? c.DisplayName.Trim() : s.Nickname ?? "某居民";
        if (name.Length > WishLimits.NicknameMax) return Refuse("display_name_too_long", RejectionKind.Invalid, $"昵称请写在 {WishLimits.NicknameMax} 字以内。");
        // The wall is public: what staff write there must not name the resident or give a number or house.
        var known = new KnownPersonalData(s.Contact?.Name, null, s.Contact?.Phone);
        if (FreeTextRedactor.Find(text, known).Count > 0 || FreeTextRedactor.Find(name, known).Count > 0)
            return Refuse("public_text_personal", RejectionKind.Invalid, "公开内容不能含居民姓名、电话或门牌号，请改写。");
        return Accept(new WishPublished { OccurredAt = now, By = c.By, PublicText = text, DisplayName = name });
    }

    private static Verdict<WishEvent> Reject(RejectWish c, DateTimeOffset now)
    {
        if (!IsStaff(c.By)) return RoleNotAllowed("退回心愿");
        var reason = c.Reason.Trim();
        if (reason.Length == 0) return Refuse("reason_required", RejectionKind.Invalid, "请说明不予发布的理由。");
        if (reason.Length > WishLimits.ReasonMax) return Refuse("reason_too_long", RejectionKind.Invalid, $"理由请写在 {WishLimits.ReasonMax} 字以内。");
        return Accept(new WishRejected { OccurredAt = now, By = c.By, Reason = reason });
    }

    private static Verdict<WishEvent> Withdraw(WithdrawWish c, DateTimeOffset now)
    {
        if (c.By != WishActors.Resident && !IsStaff(c.By)) return RoleNotAllowed("撤回心愿");
        if (OptionalReason(c.Reason) is { } bad) return bad;
        return Accept(new WishWithdrawn { OccurredAt = now, By = c.By, Reason = Trimmed(c.Reason) });
    }

    private static Verdict<WishEvent> Claim(ClaimWish c, DateTimeOffset now)
    {
        var claimer = c.Claimer;
        if (claimer.IsUnit)
        {
            if (string.IsNullOrEmpty(claimer.UnitId)) return Refuse("unit_required", RejectionKind.Invalid, "请指明认领的成员单位。");
            if (c.By.Role == ActorRole.Liaison ? c.By.Id != claimer.UnitId : !IsStaff(c.By))
                return Refuse("not_your_unit", RejectionKind.Forbidden, "您只能以本单位的名义认领。");
            return Accept(new WishClaimed { OccurredAt = now, By = c.By, Claimer = claimer with { Name = null, Phone = null, PersonKey = null } });
        }
        if (c.By != WishActors.Person && !IsStaff(c.By)) return RoleNotAllowed("以个人名义认领");
        var name = claimer.Name?.Trim() ?? "";
        if (name.Length is 0 or > WishLimits.NameMax) return Refuse("invalid_name", RejectionKind.Invalid, $"请填写 {WishLimits.NameMax} 字以内的姓名。");
        if (!PhoneNumber.TryNormalize(claimer.Phone, out var phone)) return InvalidPhone();
        if (c.By == WishActors.Person && c.ClaimCodeHash is null)
            return Refuse("claim_code_required", RejectionKind.Invalid, "个人认领需要认领码。");
        return Accept(new WishClaimed
        {
            OccurredAt = now, By = c.By, ClaimCodeHash = c.ClaimCodeHash,
            Claimer = claimer with { UnitId = null, UnitName = null, Name = name, Phone = phone },
        });
    }

    /// <summary>The claimer themselves: the unit's liaison, or the person holding the claim code.</summary>
    public static bool IsClaimer(WishState s, Actor a) => s.Claimer is { } c && (c.IsUnit
        ? a.Role == ActorRole.Liaison && a.Id == c.UnitId
        : a == WishActors.Person);

    private static Verdict<WishEvent> Release(WishState s, ReleaseClaim c, DateTimeOffset now)
    {
        if (!IsClaimer(s, c.By) && !IsStaff(c.By)) return NotClaimer();
        if (OptionalReason(c.Reason) is { } bad) return bad;
        return Accept(new WishClaimReleased { OccurredAt = now, By = c.By, Reason = Trimmed(c.Reason) });
    }

    private static Verdict<WishEvent> Fulfil(WishState s, FulfilWish c, DateTimeOffset now)
    {
        if (!IsClaimer(s, c.By) && !IsStaff(c.By)) return NotClaimer();
        var note = c.Note.Trim();
        if (note.Length == 0) return Refuse("note_required", RejectionKind.Invalid, "请简单说明心愿是怎样实现的。");
        if (note.Length > WishLimits.NoteMax) return Refuse("note_too_long", RejectionKind.Invalid, $"说明请写在 {WishLimits.NoteMax} 字以内。");
        var photos = Math.Max(c.PhotoCount, c.PhotoIds.Count);
        if (photos == 0) return Refuse("photo_required", RejectionKind.Invalid, "请附至少一张心愿实现的照片。");
        if (photos > WishLimits.MaxPhotos) return Refuse("too_many_photos", RejectionKind.Invalid, $"照片最多 {WishLimits.MaxPhotos} 张。");
        return Accept(new WishFulfilled { OccurredAt = now, By = c.By, Note = note, PhotoIds = c.PhotoIds });
    }

    private static Verdict<WishEvent> Confirm(ConfirmWish c, DateTimeOffset now) =>
        c.By != WishActors.Resident && !IsStaff(c.By) ? RoleNotAllowed("确认心愿") : Accept(new WishConfirmed { OccurredAt = now, By = c.By });

    public override WishState Evolve(WishState s, WishEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            WishSubmitted x => next with
            {
                Id = x.WishId, Status = WishStatus.Submitted, CommunityId = x.CommunityId, StreetId = x.StreetId, Category = x.Category,
                Text = x.Text, Contact = x.Contact, TrackingCodeHash = x.TrackingCodeHash, Nickname = x.Nickname, SubmittedAt = x.OccurredAt, StatusSince = x.OccurredAt,
            },
            WishPublished x => next with { Status = WishStatus.Published, PublicText = x.PublicText, DisplayName = x.DisplayName, PublishedAt = x.OccurredAt, StatusSince = x.OccurredAt },
            WishRejected x => next with { Status = WishStatus.Rejected, Reason = x.Reason, StatusSince = x.OccurredAt },
            WishWithdrawn x => next with { Status = WishStatus.Withdrawn, Reason = x.Reason, StatusSince = x.OccurredAt },
            WishClaimed x => next with { Status = WishStatus.Claimed, Claimer = x.Claimer, ClaimCodeHash = x.ClaimCodeHash, ClaimedAt = x.OccurredAt, StatusSince = x.OccurredAt },
            WishClaimReleased x => next with
            {
                Status = WishStatus.Published, Claimer = null, ClaimCodeHash = null, ClaimedAt = null, Releases = s.Releases + 1,
                StatusSince = x.OccurredAt,
            },
            WishFulfilled x => next with { Status = WishStatus.Fulfilled, FulfilNote = x.Note, PhotoIds = x.PhotoIds, FulfilledAt = x.OccurredAt, StatusSince = x.OccurredAt },
            WishConfirmed x => next with { Status = WishStatus.Confirmed, ConfirmedAt = x.OccurredAt, StatusSince = x.OccurredAt },
            WishPersonalDataErased x => WishErasure.Evolve(next, x),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    public override AuditEntry Audit(WishEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        WishRejected r => r.Reason, WishWithdrawn w => w.Reason, WishClaimReleased r => r.Reason, WishPersonalDataErased x => x.Reason, _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string StreetList(string id) => $"s-{id}";
    public static string UnitList(string id) => $"u-{id}";
    /// <summary>A person's records, by <see cref="Claimer.PersonKey"/> (a hash, never their name or phone).</summary>
    public static string PersonList(string key) => $"p-{key}";

    public static string ListKey(WishState s) => $"{DateTimeOffset.MaxValue.UtcTicks - s.SubmittedAt.UtcTicks:D19}-{s.Id}";

    /// <summary>The calendar year (China time) a claim counts in for evaluation.</summary>
    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;

    /// <summary>
    /// The community's and street's lists and, while claimed, the claimer's (a unit's <c>u-</c> or a person's
    /// <c>p-</c>): the records evaluation counts by unit, street and year. Every field is public or staff-written:
    /// the resident's own text, name and phone and a person claimer's name and phone are never here.
    /// </summary>
    public override ListPlacement? Lists(WishState s)
    {
        if (s.Status == WishStatus.None) return null;
        List<string> partitions = [CommunityList(s.CommunityId), StreetList(s.StreetId)];
        if (s.Claimer is { IsUnit: true, UnitId: { } unit }) partitions.Add(UnitList(unit));
        else if (s.Claimer is { PersonKey: { } person }) partitions.Add(PersonList(person));
        return new ListPlacement(ListKey(s), partitions, new Dictionary<string, object?>
        {
            ["WishId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Category"] = s.Category,
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["PublicText"] = s.PublicText,
            ["DisplayName"] = s.DisplayName,
            ["ClaimerKind"] = s.Claimer?.Kind.ToString().ToLowerInvariant(),
            ["ClaimerName"] = s.Claimer?.PublicName,
            ["UnitId"] = s.Claimer?.UnitId,
            ["Year"] = s.ClaimedAt is { } claimed ? YearOf(claimed) : null,
            ["HasPhoto"] = s.PhotoIds.Count > 0,
            ["SubmittedAt"] = s.SubmittedAt,
            ["PublishedAt"] = s.PublishedAt,
            ["ClaimedAt"] = s.ClaimedAt,
            ["FulfilledAt"] = s.FulfilledAt,
            ["ConfirmedAt"] = s.ConfirmedAt,
            ["UpdatedAt"] = s.UpdatedAt,
        });
    }

    public const string ClaimStep = "Claim";
    public const string FulfilStep = "Fulfil";

    /// <summary>
    /// Published and unclaimed: remind the community's staff; claimed and not fulfilled: remind the claimer and staff;
    /// closed (confirmed, rejected, withdrawn) and not erased: the retention timer, <see cref="EraseAfter"/> after it closed.
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(WishState s) => s.Status switch
    {
        WishStatus.Published => [new TimerSpec(ClaimStep, TimerStage.Remind, s.StatusSince, s.StatusSince + claimRemindAfter)],
        WishStatus.Claimed => [new TimerSpec(FulfilStep, TimerStage.Remind, s.StatusSince, s.StatusSince + fulfilRemindAfter)],
        _ when s.Status.IsClosed() && s.PersonalDataErasedAt is null => [new TimerSpec(null, TimerStage.Erase, s.StatusSince, s.StatusSince + EraseAfter)],
        _ => [],
    };

    /// <summary>Erase: the rules decide (stale if the wish is no longer in the close the timer was armed for).</summary>
    public override Wake<WishCommand> OnTimer(WishState s, TimerSpec timer, DateTimeOffset now) =>
        timer.Stage == TimerStage.Erase
            ? new Wake<WishCommand>.Run(new EraseWishPersonalData { By = Actor.System, Reason = WishErasure.RetentionReason, ClosedAt = timer.StartedAt })
        : timer.Stage == TimerStage.Remind && timer.StartedAt == s.StatusSince
        && ((s.Status == WishStatus.Published && timer.Step == ClaimStep) || (s.Status == WishStatus.Claimed && timer.Step == FulfilStep))
            ? new Wake<WishCommand>.Remind()
            : new Wake<WishCommand>.Stale();

    public override IReadOnlyDictionary<string, string?> Facts(WishState before, WishState after, WishEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["category"] = after.Category,
        ["unitId"] = after.Claimer?.UnitId,
        ["previousUnitId"] = before.Claimer?.UnitId != after.Claimer?.UnitId ? before.Claimer?.UnitId : null,
        ["claimerKind"] = (after.Claimer ?? before.Claimer)?.Kind.ToString().ToLowerInvariant(),
        ["year"] = after.ClaimedAt is { } at ? YearOf(at).ToString(CultureInfo.InvariantCulture) : null,
    };

    public override WishEvent? Redacted(WishEvent e) => WishErasure.Redact(e);
    public override bool Erases(WishEvent e) => e is WishPersonalDataErased;
    public override IEnumerable<string> BlobsToDelete(WishEvent e) => e is WishPersonalDataErased x ? x.PhotoIds : [];

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Verdict<WishEvent>? OptionalReason(string? reason) =>
        reason is not null && reason.Trim().Length > WishLimits.ReasonMax
            ? Refuse("reason_too_long", RejectionKind.Invalid, $"理由请写在 {WishLimits.ReasonMax} 字以内。")
            : null;

    private static Verdict<WishEvent> InvalidPhone() =>
        Refuse("invalid_phone", RejectionKind.Invalid, "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。");

    private static Verdict<WishEvent> RoleNotAllowed(string what) => Refuse("role_not_allowed", RejectionKind.Forbidden, $"您的角色不能{what}。");

    private static Verdict<WishEvent> NotClaimer() => Refuse("not_claimer", RejectionKind.Forbidden, "只有认领人（或社区工作人员）可以这样办理。");

    private static Verdict<WishEvent> Accept(WishEvent e) => new([e], null);

    private static Verdict<WishEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
