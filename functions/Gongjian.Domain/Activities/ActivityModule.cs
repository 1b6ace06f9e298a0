using System.Globalization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Activities;

/// <summary>
/// 活动预告与报名 as a module of the engine: one instance is one activity, its registrations and waiting list in
/// its own partition, so the engine's ETag retry keeps the capacity exact under concurrent registrations.
/// <see cref="Decide"/> is the transition table; the HTTP layer checks scopes (community, street, unit) and codes.
/// </summary>
/// <param name="remindBefore">Registered people are reminded this long before the start (a day by default).</param>
/// <param name="eraseAfter">The registrants' names and phones are erased this long after the activity ended or was cancelled (PIPL; 180 days by default).</param>
public sealed class ActivityModule(TimeSpan remindBefore, TimeSpan? eraseAfter = null) : Module<ActivityState, ActivityCommand, ActivityEvent>
{
    public static readonly TimeSpan DefaultRemindBefore = TimeSpan.FromDays(1);
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public ActivityModule() : this(DefaultRemindBefore) { }

    public TimeSpan RemindBefore => remindBefore;
    public TimeSpan EraseAfter => eraseAfter ?? ContactRetention.DefaultEraseAfter;

    public override string Name => "activity";
    public override ActivityState Initial => ActivityState.Initial;
    public override string IdOf(ActivityState state) => state.Id;
    public override int VersionOf(ActivityState state) => state.Version;

    public override Verdict<ActivityEvent> Decide(ActivityState s, ActivityCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (ActivityStatus.None, AnnounceActivity c) => Announce(c, now),
        (_, AnnounceActivity) => Refuse("activity_exists", RejectionKind.Conflict, "活动已存在。"),
        (ActivityStatus.None, _) => Refuse("activity_not_found", RejectionKind.Conflict, "活动不存在，请检查编号。"),
        (_, EraseRegistrantContacts c) => Erase(s, c, now),

        (ActivityStatus.Open, RegisterForActivity c) => Register(s, c, now),
        (ActivityStatus.RegistrationClosed, RegisterForActivity) => Refuse("registration_closed", RejectionKind.Conflict, "报名已截止，欢迎关注下一次活动。"),
        (ActivityStatus.Open or ActivityStatus.RegistrationClosed, CancelRegistration c) => Unregister(s, c, now),
        (ActivityStatus.Open or ActivityStatus.RegistrationClosed, CancelActivity c) => Cancel(s, c, now),
        (ActivityStatus.Open or ActivityStatus.RegistrationClosed, ReviseActivity c) => Revise(s, c, now),
        (ActivityStatus.Open, CloseRegistration c) => Close(s, c, now),
        (ActivityStatus.Open or ActivityStatus.RegistrationClosed, CheckIn c) => CheckInPerson(s, c, now),
        (ActivityStatus.Open or ActivityStatus.RegistrationClosed, RecordAttendance c) => Attendance(s, c, now),
        (ActivityStatus.Completed, ShowcaseActivity c) => Showcase(s, c, now),

        _ => Refuse($"activity_{s.Status.Code()}", RejectionKind.Conflict, $"活动当前为“{s.Status.Chinese()}”，不能{ActionOf(command)}。"),
    };

    private static string ActionOf(ActivityCommand c) => c switch
    {
        RegisterForActivity => "报名", CancelRegistration => "取消报名", CancelActivity => "取消活动", ReviseActivity => "修改", CloseRegistration => "截止报名",
        CheckIn => "签到", RecordAttendance => "登记出勤", ShowcaseActivity => "设为风采展示", _ => "这样办理",
    };

    private static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;

    /// <summary>The organiser: staff for a community's or street's activity, the unit's liaison (or staff) for a unit's.</summary>
    public static bool IsOrganiser(ActivityState s, Actor a) =>
        IsStaff(a) || a.Role == ActorRole.System || (s.OrganiserKind == OrganiserKind.Unit && a.Role == ActorRole.Liaison && a.Id == s.OrganiserUnitId);

    private static Verdict<ActivityEvent> Announce(AnnounceActivity c, DateTimeOffset now)
    {
        if (c.OrganiserKind == OrganiserKind.Unit)
        {
            if (string.IsNullOrEmpty(c.OrganiserUnitId)) return Refuse("unit_required", RejectionKind.Invalid, "请指明主办的成员单位。");
            if (c.By.Role == ActorRole.Liaison ? c.By.Id != c.OrganiserUnitId : !IsStaff(c.By))
                return Refuse("not_your_unit", RejectionKind.Forbidden, "您只能以本单位的名义发布活动。");
        }
        else if (!IsStaff(c.By)) return RoleNotAllowed("以社区或街道名义发布活动");
        if (TextsRefusal(c.Title, c.Category, c.Description, c.Place) is { } bad) return new([], bad);
        var (title, description, place) = (c.Title.Trim(), c.Description.Trim(), c.Place.Trim());
        if (c.StartsAt <= now) return Refuse("starts_in_past", RejectionKind.Invalid, "活动开始时间须在现在之后。");
        if (c.EndsAt <= c.StartsAt) return Refuse("ends_before_start", RejectionKind.Invalid, "活动结束时间须晚于开始时间。");
        if (c.EndsAt - c.StartsAt > TimeSpan.FromDays(7)) return Refuse("too_long", RejectionKind.Invalid, "一次活动最长 7 天。");
        if (c.Deadline <= now || c.Deadline > c.StartsAt) return Refuse("invalid_deadline", RejectionKind.Invalid, "报名截止时间须在现在之后、活动开始之前。");
        if (c.Capacity is < 1 or > ActivityLimits.CapacityMax) return Refuse("invalid_capacity", RejectionKind.Invalid, $"名额须在 1 到 {ActivityLimits.CapacityMax} 之间。");
        var audiences = c.Audiences.Distinct().ToList();
        if (audiences.Count == 0) return Refuse("audience_required", RejectionKind.Invalid, "请选择可以报名的对象。");
        if (audiences.Any(a => !ActivityAudience.IsKnown(a))) return Refuse("unknown_audience", RejectionKind.Invalid, "报名对象不存在。");
        return Accept(new ActivityAnnounced
        {
            OccurredAt = now, By = c.By, ActivityId = c.ActivityId, CommunityId = c.CommunityId, StreetId = c.StreetId,
            OrganiserKind = c.OrganiserKind, OrganiserUnitId = c.OrganiserKind == OrganiserKind.Unit ? c.OrganiserUnitId : null,
            Title = title, Category = c.Category, Description = description, Place = place, VenueResourceId = c.VenueResourceId,
            StartsAt = c.StartsAt, EndsAt = c.EndsAt, Deadline = c.Deadline, Capacity = c.Capacity, Audiences = audiences,
        });
    }

    /// <summary>Why what people read of an activity (name, category, introduction, place) is not acceptable; null when it is.</summary>
    private static Rejection? TextsRefusal(string title, string category, string description, string place) =>
        title.Trim() is { Length: 0 } ? new("title_required", RejectionKind.Invalid, "请填写活动名称。")
        : title.Trim().Length > ActivityLimits.TitleMax ? new("title_too_long", RejectionKind.Invalid, $"活动名称请写在 {ActivityLimits.TitleMax} 字以内。")
        : !ActivityCategory.IsKnown(category) ? new("unknown_category", RejectionKind.Invalid, "活动类别不存在。")
        : description.Trim().Length > ActivityLimits.DescriptionMax ? new("description_too_long", RejectionKind.Invalid, $"活动介绍请写在 {ActivityLimits.DescriptionMax} 字以内。")
        : place.Trim() is { Length: 0 } ? new("place_required", RejectionKind.Invalid, "请填写活动地点。")
        : place.Trim().Length > ActivityLimits.PlaceMax ? new("place_too_long", RejectionKind.Invalid, $"活动地点请写在 {ActivityLimits.PlaceMax} 字以内。")
        : null;

    private static Verdict<ActivityEvent> Revise(ActivityState s, ReviseActivity c, DateTimeOffset now)
    {
        if (!IsOrganiser(s, c.By) || c.By.Role == ActorRole.System) return NotOrganiser();
        if (now >= s.StartsAt) return Refuse("activity_started", RejectionKind.Conflict, "活动已开始，不能再修改。");
        if (TextsRefusal(c.Title, c.Category, c.Description, c.Place) is { } bad) return new([], bad);
        var (title, description, place) = (c.Title.Trim(), c.Description.Trim(), c.Place.Trim());
        var changed = new List<string>();
        if (title != s.Title) changed.Add("名称");
        if (c.Category != s.Category) changed.Add("类别");
        if (place != s.Place) changed.Add("地点");
        if (description != s.Description) changed.Add("介绍");
        if (changed.Count == 0) return Refuse("nothing_changed", RejectionKind.Conflict, "内容没有变化，无需保存。"); // as stored already: a replay is answered with the first result
        return Accept(new ActivityRevised { OccurredAt = now, By = c.By, Title = title, Category = c.Category, Description = description, Place = place, Changed = changed });
    }

    private static Verdict<ActivityEvent> Register(ActivityState s, RegisterForActivity c, DateTimeOffset now)
    {
        if (c.By.Role is not ActorRole.Resident && !IsStaff(c.By)) return RoleNotAllowed("报名");
        if (now >= s.Deadline) return Refuse("registration_closed", RejectionKind.Conflict, "报名已截止，欢迎关注下一次活动。");
        if (!s.Audiences.Contains(c.Audience)) return Refuse("audience_not_allowed", RejectionKind.Forbidden, "这次活动不面向您所在的群体报名。");
        if (string.IsNullOrEmpty(c.PersonKey)) return Refuse("person_required", RejectionKind.Invalid, "请填写报名人的手机号。");
        if (s.Find(c.PersonKey) is { } already)
            return s.Registered.Contains(already)
                ? Refuse("already_registered", RejectionKind.Conflict, "您已报名这次活动，无需重复报名。")
                : Refuse("already_waiting", RejectionKind.Conflict, $"您已在候补名单第{s.Waiting.ToList().IndexOf(already) + 1}位，无需重复报名。");
        var name = c.Name.Trim();
        if (name.Length is 0 or > ActivityLimits.NameMax) return Refuse("invalid_name", RejectionKind.Invalid, $"请填写 {ActivityLimits.NameMax} 字以内的姓名。");
        if (!PhoneNumber.TryNormalize(c.Phone, out var phone))
            return Refuse("invalid_phone", RejectionKind.Invalid, "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。");
        var participant = new Participant(c.PersonKey, name, phone, c.Audience, c.CancelCodeHash, c.CheckInCode, now);
        return Accept(new ParticipantRegistered { OccurredAt = now, By = c.By, Participant = participant, WaitingPosition = s.IsFull ? s.Waiting.Count + 1 : null });
    }

    private static Verdict<ActivityEvent> Unregister(ActivityState s, CancelRegistration c, DateTimeOffset now)
    {
        var p = s.Find(c.PersonKey);
        if (p is null) return Refuse("not_registered", RejectionKind.Conflict, "没有找到这个报名。");
        if (!IsOrganiser(s, c.By) && (c.By.Role != ActorRole.Resident || c.CancelCodeHash != p.CancelCodeHash))
            return Refuse("wrong_code", RejectionKind.Forbidden, "报名码不对，请核对后再试。");
        if (now >= s.StartsAt) return Refuse("activity_started", RejectionKind.Conflict, "活动已开始，不能再取消报名。");
        var promoted = s.Registered.Contains(p) && s.Status == ActivityStatus.Open && s.Waiting.Count > 0 ? s.Waiting[0].PersonKey : null;
        return Accept(new RegistrationCancelled { OccurredAt = now, By = c.By, PersonKey = p.PersonKey, PromotedKey = promoted });
    }

    private static Verdict<ActivityEvent> Cancel(ActivityState s, CancelActivity c, DateTimeOffset now)
    {
        if (!IsOrganiser(s, c.By) || c.By.Role == ActorRole.System) return NotOrganiser();
        var reason = c.Reason.Trim();
        if (reason.Length == 0) return Refuse("reason_required", RejectionKind.Invalid, "请说明取消活动的原因。");
        if (reason.Length > ActivityLimits.ReasonMax) return Refuse("reason_too_long", RejectionKind.Invalid, $"原因请写在 {ActivityLimits.ReasonMax} 字以内。");
        if (now >= s.EndsAt) return Refuse("activity_ended", RejectionKind.Conflict, "活动已结束，不能取消。");
        return Accept(new ActivityCancelled { OccurredAt = now, By = c.By, Reason = reason });
    }

    /// <summary>Retention, by the timer only: stale once the activity no longer ended when the timer was armed for, or is already erased.</summary>
    private static Verdict<ActivityEvent> Erase(ActivityState s, EraseRegistrantContacts c, DateTimeOffset now) =>
        ContactRetention.Refusal(c.By, s.EndedAt, c.EndedAt, s.ContactsErasedAt is null, "活动") is { } refused
            ? new([], refused)
            : Accept(new RegistrantContactsErased { OccurredAt = now, By = c.By });

    private static Verdict<ActivityEvent> Close(ActivityState s, CloseRegistration c, DateTimeOffset now) =>
        IsOrganiser(s, c.By) ? Accept(new RegistrationClosed { OccurredAt = now, By = c.By }) : NotOrganiser();

    private static Verdict<ActivityEvent> CheckInPerson(ActivityState s, CheckIn c, DateTimeOffset now)
    {
        if (!IsOrganiser(s, c.By) || c.By.Role == ActorRole.System) return NotOrganiser();
        if (ToChina(now).Date != ToChina(s.StartsAt).Date && (now < s.StartsAt || now > s.EndsAt))
            return Refuse("not_activity_day", RejectionKind.Conflict, "只能在活动当天签到。");
        var p = c.PersonKey is { Length: > 0 } key ? s.Registered.FirstOrDefault(r => r.PersonKey == key)
            : c.CheckInCode is { Length: > 0 } code ? s.Registered.FirstOrDefault(r => string.Equals(r.CheckInCode, code.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        if (p is null) return Refuse("not_registered", RejectionKind.Conflict, "没有找到这位报名人，候补或未报名的不能签到。");
        if (p.CheckedInAt is not null) return Refuse("already_checked_in", RejectionKind.Conflict, "这位报名人已签到。");
        return Accept(new ParticipantCheckedIn { OccurredAt = now, By = c.By, PersonKey = p.PersonKey });
    }

    private static Verdict<ActivityEvent> Attendance(ActivityState s, RecordAttendance c, DateTimeOffset now)
    {
        if (!IsOrganiser(s, c.By) || c.By.Role == ActorRole.System) return NotOrganiser();
        if (now < s.EndsAt) return Refuse("activity_not_ended", RejectionKind.Conflict, "活动结束后才能登记出勤和时长。");
        if (c.Lines.Count == 0) return Refuse("attendance_required", RejectionKind.Invalid, "请至少登记一位参加者。");
        if (c.Lines.Select(l => l.PersonKey).Distinct().Count() != c.Lines.Count) return Refuse("duplicate_person", RejectionKind.Invalid, "同一人只能登记一次。");
        if (c.Lines.Any(l => s.Registered.All(r => r.PersonKey != l.PersonKey)))
            return Refuse("not_registered", RejectionKind.Invalid, "只能为已报名（非候补）的人登记出勤。");
        var max = (decimal)s.Duration.TotalHours;
        if (c.Lines.Any(l => l.Hours <= 0 || l.Hours > max))
            return Refuse("hours_out_of_range", RejectionKind.Invalid, $"时长须大于 0 且不超过活动时长 {max:0.##} 小时。");
        if (c.PhotoIds.Count > ActivityLimits.MaxPhotos) return Refuse("too_many_photos", RejectionKind.Invalid, $"照片最多 {ActivityLimits.MaxPhotos} 张。");
        return Accept(new AttendanceRecorded { OccurredAt = now, By = c.By, Lines = c.Lines, PhotoIds = c.PhotoIds });
    }

    private static Verdict<ActivityEvent> Showcase(ActivityState s, ShowcaseActivity c, DateTimeOffset now)
    {
        if (!IsOrganiser(s, c.By) || c.By.Role == ActorRole.System) return NotOrganiser();
        if (s.Showcase) return Refuse("already_showcased", RejectionKind.Conflict, "活动已在风采展示中。");
        return Accept(new ActivityShowcased { OccurredAt = now, By = c.By });
    }

    public override ActivityState Evolve(ActivityState s, ActivityEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            ActivityAnnounced x => next with
            {
                Id = x.ActivityId, Status = ActivityStatus.Open, CommunityId = x.CommunityId, StreetId = x.StreetId, OrganiserKind = x.OrganiserKind,
                OrganiserUnitId = x.OrganiserUnitId, Title = x.Title, Category = x.Category, Description = x.Description, Place = x.Place,
                VenueResourceId = x.VenueResourceId, StartsAt = x.StartsAt, EndsAt = x.EndsAt, Deadline = x.Deadline, Capacity = x.Capacity,
                Audiences = x.Audiences, CreatedAt = x.OccurredAt,
            },
            ParticipantRegistered x => x.WaitingPosition is null
                ? next with { Registered = [.. s.Registered, x.Participant] }
                : next with { Waiting = [.. s.Waiting, x.Participant] },
            RegistrationCancelled x => Promote(next with
            {
                Registered = [.. s.Registered.Where(p => p.PersonKey != x.PersonKey)],
                Waiting = [.. s.Waiting.Where(p => p.PersonKey != x.PersonKey)],
            }, x.PromotedKey),
            ActivityCancelled x => next with { Status = ActivityStatus.Cancelled, CancelReason = x.Reason, CancelledAt = x.OccurredAt },
            ActivityRevised x => next with { Title = x.Title, Category = x.Category, Description = x.Description, Place = x.Place },
            RegistrationClosed => next with { Status = ActivityStatus.RegistrationClosed },
            ParticipantCheckedIn x => next with { Registered = [.. s.Registered.Select(p => p.PersonKey == x.PersonKey ? p with { CheckedInAt = x.OccurredAt } : p)] },
            AttendanceRecorded x => next with
            {
                Status = ActivityStatus.Completed, AttendanceRecorded = true, PhotoIds = x.PhotoIds,
                Registered = [.. s.Registered.Select(p => p with { Hours = x.Lines.FirstOrDefault(l => l.PersonKey == p.PersonKey)?.Hours })],
            },
            ActivityShowcased => next with { Showcase = true },
            RegistrantContactsErased x => next with
            {
                Registered = [.. s.Registered.Select(Anonymous)], Waiting = [.. s.Waiting.Select(Anonymous)], ContactsErasedAt = x.OccurredAt,
                UpdatedAt = s.UpdatedAt, // not a change of the activity: lists and a cancel's end keep their time
            },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    private static ActivityState Promote(ActivityState s, string? key) =>
        key is null || s.Waiting.FirstOrDefault(p => p.PersonKey == key) is not { } first
            ? s
            : s with { Registered = [.. s.Registered, first], Waiting = [.. s.Waiting.Where(p => p.PersonKey != key)] };

    public override AuditEntry Audit(ActivityEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        ActivityCancelled c => c.Reason, ActivityRevised r => "修改了" + string.Join("、", r.Changed), _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string StreetList(string id) => $"s-{id}";
    public static string UnitList(string id) => $"u-{id}";
    /// <summary>Every announced activity, for the public upcoming list.</summary>
    public const string PublicList = "public";

    /// <summary>Soonest first.</summary>
    public static string ListKey(ActivityState s) => $"{s.StartsAt.UtcTicks:D19}-{s.Id}";

    public static int YearOf(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;
    public static DateTimeOffset ToChina(DateTimeOffset at) => at.ToOffset(ChinaOffset);

    /// <summary>The community's, street's, organising unit's and public lists: counts only, never names or phones.</summary>
    public override ListPlacement? Lists(ActivityState s)
    {
        if (s.Status == ActivityStatus.None) return null;
        List<string> partitions = [CommunityList(s.CommunityId), StreetList(s.StreetId), PublicList];
        if (s.OrganiserUnitId is { } unit) partitions.Add(UnitList(unit));
        return new ListPlacement(ListKey(s), partitions, new Dictionary<string, object?>
        {
            ["ActivityId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Title"] = s.Title,
            ["Category"] = s.Category,
            ["Place"] = s.Place,
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["OrganiserKind"] = s.OrganiserKind.ToString().ToLowerInvariant(),
            ["UnitId"] = s.OrganiserUnitId,
            ["Audiences"] = string.Join(",", s.Audiences),
            ["StartsAt"] = s.StartsAt,
            ["EndsAt"] = s.EndsAt,
            ["Deadline"] = s.Deadline,
            ["Capacity"] = s.Capacity,
            ["RegisteredCount"] = s.Registered.Count,
            ["WaitingCount"] = s.Waiting.Count,
            ["AttendedCount"] = s.Registered.Count(p => p.Hours is not null),
            ["Showcase"] = s.Showcase,
            // 活动风采 on the public page: the hours served in all and the first photos (ids only; the photos are public once showcased).
            ["ServedHours"] = (double)s.Registered.Sum(p => p.Hours ?? 0),
            ["PhotoIds"] = string.Join(",", s.PhotoIds.Take(3)),
            ["Year"] = YearOf(s.StartsAt),
            ["UpdatedAt"] = s.UpdatedAt,
        });
    }

    public const string RegistrationStep = "Registration";
    public const string StartStep = "Start";

    /// <summary>
    /// Open: close registration at the deadline; open or closed: remind registered people the day before; announced and not
    /// yet erased: erase the registrants' names and phones <see cref="EraseAfter"/> after the end (or the cancel).
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(ActivityState s)
    {
        var timers = new List<TimerSpec>();
        if (s.Status == ActivityStatus.Open) timers.Add(new TimerSpec(RegistrationStep, TimerStage.Due, s.CreatedAt, s.Deadline));
        if (s.Status is ActivityStatus.Open or ActivityStatus.RegistrationClosed && s.StartsAt - remindBefore > s.CreatedAt)
            timers.Add(new TimerSpec(StartStep, TimerStage.Remind, s.CreatedAt, s.StartsAt - remindBefore));
        if (s.EndedAt is { } ended && s.ContactsErasedAt is null) timers.Add(ContactRetention.Timer(null, ended, EraseAfter));
        return timers;
    }

    public override Wake<ActivityCommand> OnTimer(ActivityState s, TimerSpec timer, DateTimeOffset now) => (timer.Step, timer.Stage) switch
    {
        (RegistrationStep, TimerStage.Due) when s.Status == ActivityStatus.Open => new Wake<ActivityCommand>.Run(new CloseRegistration { By = Actor.System }),
        (StartStep, TimerStage.Remind) when s.Status is ActivityStatus.Open or ActivityStatus.RegistrationClosed && s.Registered.Count > 0 => new Wake<ActivityCommand>.Remind(),
        // The rules decide whether it is stale (the activity no longer ended when the timer was armed for).
        (_, TimerStage.Erase) => new Wake<ActivityCommand>.Run(new EraseRegistrantContacts { By = Actor.System, EndedAt = timer.StartedAt }),
        _ => new Wake<ActivityCommand>.Stale(),
    };

    public override IReadOnlyDictionary<string, string?> Facts(ActivityState before, ActivityState after, ActivityEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["category"] = after.Category,
        ["unitId"] = after.OrganiserUnitId,
        ["registered"] = after.Registered.Count.ToString(CultureInfo.InvariantCulture),
        ["waiting"] = after.Waiting.Count.ToString(CultureInfo.InvariantCulture),
        ["year"] = after.Status == ActivityStatus.None ? null : YearOf(after.StartsAt).ToString(CultureInfo.InvariantCulture),
        // Who moved up from the waiting list (a person key, never a name): the notifier tells that person.
        ["promotedKey"] = (e as RegistrationCancelled)?.PromotedKey,
        // A revision that moved the activity elsewhere: the notifier tells those who registered.
        ["placeChanged"] = e is ActivityRevised { Changed: var changed } && changed.Contains("地点") ? "true" : null,
    };

    public override bool Erases(ActivityEvent e) => e is RegistrantContactsErased;

    /// <summary>A stored registration without the person's name and phone; the person key, audience and codes' hashes stay.</summary>
    public override ActivityEvent? Redacted(ActivityEvent e) =>
        e is ParticipantRegistered { Participant: { Name.Length: > 0 } or { Phone.Length: > 0 } } x ? x with { Participant = Anonymous(x.Participant) } : null;

    private static Participant Anonymous(Participant p) => p with { Name = "", Phone = "" };

    private static Verdict<ActivityEvent> RoleNotAllowed(string what) => Refuse("role_not_allowed", RejectionKind.Forbidden, $"您的角色不能{what}。");
    private static Verdict<ActivityEvent> NotOrganiser() => Refuse("not_organiser", RejectionKind.Forbidden, "只有活动的主办方可以这样办理。");
    private static Verdict<ActivityEvent> Accept(ActivityEvent e) => new([e], null);
    private static Verdict<ActivityEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
