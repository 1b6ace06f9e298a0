using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Bookings;

/// <summary>
/// 资源共享预约 as a module of the engine. One instance is the ledger of one resource on one Beijing day
/// (<see cref="BookingLimits.LedgerId"/>): every request is decided against that day's pending and
/// approved bookings on the stream, so of two overlapping requests exactly one wins (the other is
/// <c>slot_taken</c>). Per booking: pending → approved → used / no_show; pending → declined; pending or
/// approved → cancelled (requester with the code, or the owner unit, with a reason). Instant resources
/// approve at the request. Each booker's name and phone are erased <see cref="EraseAfter"/> after the booking ended (PIPL).
/// </summary>
/// <param name="eraseAfter">How long after a booking ended its booker's name and phone are kept (180 days by default; <c>Privacy:EraseAfter</c>).</param>
public sealed class BookingModule(TimeSpan? eraseAfter = null) : Module<BookingLedgerState, BookingCommand, BookingEvent>
{
    public const string AnswerStep = "answer";
    public const string SlotStep = "slot";
    /// <summary>The retention timer of one booking: <c>erase-{bookingId}</c>, started when the booking ended.</summary>
    public const string EraseStep = "erase";

    public TimeSpan EraseAfter => eraseAfter ?? ContactRetention.DefaultEraseAfter;

    public override string Name => "booking";
    public override BookingLedgerState Initial => BookingLedgerState.Initial;
    public override string IdOf(BookingLedgerState state) => state.Id;
    public override int VersionOf(BookingLedgerState state) => state.Version;

    public static string UnitList(string id) => $"u-{id}";
    public static string StreetList(string id) => $"s-{id}";

    public override Verdict<BookingEvent> Decide(BookingLedgerState s, BookingCommand command, DateTimeOffset now)
    {
        if (command is RequestBooking request) return DecideRequest(s, request, now);
        if (s.Find(command.BookingId) is not { } b) return Refuse("booking_not_found", RejectionKind.Conflict, "预约不存在。");
        if (command is EraseBookerContact erase)
            return ContactRetention.Refusal(erase.By, b.EndedAt, erase.EndedAt, b.ContactErasedAt is null, "预约") is { } refused
                ? new([], refused)
                : Accept(new BookerContactErased { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = erase.By });
        var by = command.By;
        var owner = by.Role == ActorRole.Admin || (by.Role == ActorRole.Liaison && by.Id == s.UnitId);
        switch (command)
        {
            case ApproveBooking or DeclineBooking or MarkBookingUsed or MarkBookingNoShow when !owner:
                return Refuse("not_owner_unit", RejectionKind.Forbidden, "只有资源所属单位的联络员可以办理。");
            case CancelBooking c when !owner && !IsRequester(by, b, c.CodeHash):
                return by == BookingActors.Requester
                    ? Refuse("code_invalid", RejectionKind.Forbidden, "预约码不正确。")
                    : Refuse("not_requester", RejectionKind.Forbidden, "只有预约人或资源所属单位可以取消预约。");
        }

        return (b.Status, command) switch
        {
            (BookingStatus.Pending, ApproveBooking) when b.Start <= now => Refuse("booking_in_past", RejectionKind.Conflict, "该时段已过，不能再批准。"),
            (BookingStatus.Pending, ApproveBooking) => Accept(new BookingApproved { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = by }),
            (BookingStatus.Pending, DeclineBooking d) when Text(d.Reason, BookingLimits.ReasonMax) is null => ReasonRequired(),
            (BookingStatus.Pending, DeclineBooking d) => Accept(new BookingDeclined { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = by, Reason = FreeTextRedactor.Redact(d.Reason.Trim()) }),
            (BookingStatus.Pending or BookingStatus.Approved, CancelBooking) when b.Start <= now => Refuse("booking_started", RejectionKind.Conflict, "预约时段已开始，不能取消。"),
            (BookingStatus.Pending or BookingStatus.Approved, CancelBooking c) when Text(c.Reason, BookingLimits.ReasonMax) is null => ReasonRequired(),
            (BookingStatus.Pending or BookingStatus.Approved, CancelBooking c) => Accept(new BookingCancelled { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = by, Reason = FreeTextRedactor.Redact(c.Reason.Trim()) }),
            (BookingStatus.Approved, MarkBookingUsed or MarkBookingNoShow) when now < b.Start => Refuse("booking_not_started", RejectionKind.Conflict, "预约时段还未开始。"),
            (BookingStatus.Approved, MarkBookingUsed) => Accept(new BookingUsed { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = by }),
            (BookingStatus.Approved, MarkBookingNoShow) => Accept(new BookingNoShow { LedgerId = s.Id, BookingId = b.Id, OccurredAt = now, By = by }),
            _ => Refuse($"booking_{b.Status.Code()}", RejectionKind.Conflict, $"预约{b.Status.Chinese()}，不能这样办理。"),
        };
    }

    private static bool IsRequester(Actor by, Booking b, string? codeHash) =>
        (by == BookingActors.Requester && codeHash is not null && codeHash == b.CodeHash)
        || (by.Role == ActorRole.Liaison && b.RequesterUnitId is not null && by.Id == b.RequesterUnitId);

    private static Verdict<BookingEvent> DecideRequest(BookingLedgerState s, RequestBooking r, DateTimeOffset now)
    {
        var by = r.By;
        if (s.Find(r.BookingId) is not null) return Refuse("booking_exists", RejectionKind.Conflict, "该预约已提交。");
        if (by != BookingActors.Requester && by.Role is not (ActorRole.Liaison or ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin))
            return Refuse("role_forbidden", RejectionKind.Forbidden, "无权提交预约。");
        var res = r.Resource;
        if (s.Version > 0 && res.ResourceId != s.ResourceId) return Refuse("ledger_mismatch", RejectionKind.Invalid, "预约的资源与日期不符。");
        if (res.Retired) return Refuse("resource_retired", RejectionKind.Conflict, "该资源已下架，不能预约。");
        if (res.Policy is not { } policy) return Refuse("resource_not_bookable", RejectionKind.Conflict, "该资源不开放预约。");
        if (Text(r.Name, BookingLimits.NameMax) is null) return Refuse("name_invalid", RejectionKind.Invalid, $"请填写预约人姓名（{BookingLimits.NameMax} 字以内）。");
        if (!IsMobile(r.Phone)) return Refuse("phone_invalid", RejectionKind.Invalid, "请填写 11 位手机号码。");
        if (Text(r.Purpose, BookingLimits.PurposeMax) is null) return Refuse("purpose_invalid", RejectionKind.Invalid, $"请填写用途（{BookingLimits.PurposeMax} 字以内）。");
        if (r.People is < 1 or > BookingLimits.PeopleMax) return Refuse("people_invalid", RejectionKind.Invalid, "请填写使用人数。");
        if (string.IsNullOrWhiteSpace(r.CodeHash)) return Refuse("code_invalid", RejectionKind.Invalid, "缺少预约码。");
        if (r.End <= r.Start) return Refuse("time_invalid", RejectionKind.Invalid, "结束时间须晚于开始时间。");
        if (r.Start <= now) return Refuse("booking_in_past", RejectionKind.Invalid, "不能预约已经过去的时段。");
        var day = BookingLimits.BeijingDay(r.Start);
        if (s.Version > 0 && day != s.Day) return Refuse("ledger_mismatch", RejectionKind.Invalid, "预约的资源与日期不符。");
        var start = (int)(r.Start.ToOffset(BookingLimits.Beijing).TimeOfDay.TotalMinutes);
        var end = start + (int)(r.End - r.Start).TotalMinutes;
        if (!policy.Hours.TryGetValue(day.DayOfWeek, out var open) || start < open.OpensAt || end > open.ClosesAt)
            return Refuse("outside_opening_hours", RejectionKind.Invalid, "所选时段不在开放时间内。");
        if (policy.SlotMinutes <= 0 || (start - open.OpensAt) % policy.SlotMinutes != 0 || (end - start) % policy.SlotMinutes != 0 || r.Start.Second != 0 || r.Start.Millisecond != 0)
            return Refuse("slot_invalid", RejectionKind.Invalid, $"请按 {policy.SlotMinutes} 分钟一个时段预约。");
        if (s.Bookings.Any(b => b.Status.HoldsSlot() && b.Overlaps(r.Start, r.End)))
            return Refuse("slot_taken", RejectionKind.Conflict, "该时段已被预约。");
        return Accept(new BookingRequested
        {
            LedgerId = BookingLimits.LedgerId(res.ResourceId, day), BookingId = r.BookingId, OccurredAt = now, By = by,
            ResourceId = res.ResourceId, UnitId = res.UnitId, UnitName = res.UnitName, StreetId = res.StreetId, Title = res.Title, Day = day,
            Start = r.Start, End = r.End, Name = r.Name.Trim(), Phone = r.Phone.Trim(), Purpose = FreeTextRedactor.Redact(r.Purpose.Trim()),
            People = r.People, CodeHash = r.CodeHash, RequesterUnitId = by.Role == ActorRole.Liaison ? by.Id : null, Approved = policy.Instant,
        });
    }

    private static bool IsMobile(string? phone) => phone?.Trim() is { Length: 11 } p && p[0] == '1' && p.All(char.IsAsciiDigit);

    public override BookingLedgerState Evolve(BookingLedgerState s, BookingEvent e)
    {
        var next = s with { Version = s.Version + 1 };
        return e switch
        {
            BookingRequested r => next with
            {
                Id = r.LedgerId, ResourceId = r.ResourceId, UnitId = r.UnitId, UnitName = r.UnitName, StreetId = r.StreetId, Title = r.Title, Day = r.Day,
                Bookings = [.. s.Bookings, new Booking
                {
                    Id = r.BookingId, Status = r.Approved ? BookingStatus.Approved : BookingStatus.Pending, Start = r.Start, End = r.End,
                    Name = r.Name, Phone = r.Phone, Purpose = r.Purpose, People = r.People, CodeHash = r.CodeHash,
                    RequesterUnitId = r.RequesterUnitId, RequestedAt = r.OccurredAt, StatusSince = r.OccurredAt,
                }],
            },
            BookingApproved => Set(next, e, BookingStatus.Approved, null),
            BookingDeclined d => Set(next, e, BookingStatus.Declined, d.Reason),
            BookingCancelled c => Set(next, e, BookingStatus.Cancelled, c.Reason),
            BookingUsed => Set(next, e, BookingStatus.Used, null),
            BookingNoShow => Set(next, e, BookingStatus.NoShow, null),
            BookerContactErased x => next with
            {
                Bookings = s.Bookings.Select(b => b.Id == x.BookingId ? b with { Name = "", Phone = "", ContactErasedAt = x.OccurredAt } : b).ToList(),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    private static BookingLedgerState Set(BookingLedgerState s, BookingEvent e, BookingStatus status, string? reason) => s with
    {
        Bookings = s.Bookings.Select(b => b.Id == e.BookingId ? b with { Status = status, StatusSince = e.OccurredAt, Reason = reason ?? b.Reason } : b).ToList(),
    };

    public override AuditEntry Audit(BookingEvent e) => new($"{e.GetType().Name}:{e.BookingId}", e.OccurredAt, e.By.Role.ToString(), e.By == BookingActors.Requester ? "预约人" : e.By.Id,
        e switch { BookingDeclined d => d.Reason, BookingCancelled c => c.Reason, _ => null });

    /// <summary>
    /// One row per resource-day in the owner unit's and the street's lists: the slots and their status,
    /// nothing personal (no name, phone or purpose).
    /// </summary>
    public override ListPlacement? Lists(BookingLedgerState s)
    {
        if (s.Version == 0) return null;
        var slots = s.Bookings.OrderBy(b => b.Start)
            .Select(b => $"{b.Start.ToOffset(BookingLimits.Beijing):HH\\:mm}-{b.End.ToOffset(BookingLimits.Beijing):HH\\:mm} {b.Status.Code()} {b.Id}");
        return new ListPlacement($"{s.Day:yyyyMMdd}-{s.ResourceId}", [UnitList(s.UnitId), StreetList(s.StreetId)], new Dictionary<string, object?>
        {
            ["LedgerId"] = s.Id,
            ["ResourceId"] = s.ResourceId,
            ["UnitId"] = s.UnitId,
            ["StreetId"] = s.StreetId,
            ["Title"] = s.Title,
            ["Day"] = s.Day.ToString("yyyy-MM-dd"),
            ["Pending"] = s.Bookings.Count(b => b.Status == BookingStatus.Pending),
            ["Approved"] = s.Bookings.Count(b => b.Status == BookingStatus.Approved),
            ["Used"] = s.Bookings.Count(b => b.Status == BookingStatus.Used),
            ["NoShow"] = s.Bookings.Count(b => b.Status == BookingStatus.NoShow),
            ["Slots"] = string.Join(";", slots),
            ["Year"] = s.Day.Year,
        });
    }

    /// <summary>
    /// Each pending request reminds the owner after <see cref="BookingLimits.AnswerRemindAfter"/>; each approved slot reminds
    /// before it starts; each booking whose booker's contact is still held erases it <see cref="EraseAfter"/> after it ended.
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(BookingLedgerState s) => s.Bookings.SelectMany<Booking, TimerSpec>(b => Reminders(b)
        .Concat(b.ContactErasedAt is null ? [ContactRetention.Timer($"{EraseStep}-{b.Id}", b.EndedAt, EraseAfter)] : [])).ToList();

    private static IEnumerable<TimerSpec> Reminders(Booking b) => b.Status switch
    {
        BookingStatus.Pending when b.RequestedAt + BookingLimits.AnswerRemindAfter < b.Start =>
            [new TimerSpec($"{AnswerStep}-{b.Id}", TimerStage.Remind, b.StatusSince, b.RequestedAt + BookingLimits.AnswerRemindAfter)],
        BookingStatus.Approved when b.Start - BookingLimits.SlotRemindBefore > b.StatusSince =>
            [new TimerSpec($"{SlotStep}-{b.Id}", TimerStage.Remind, b.StatusSince, b.Start - BookingLimits.SlotRemindBefore)],
        _ => [],
    };

    /// <summary>Reminders while still due; an erase goes to the rules, which refuse it as stale when the booking no longer ended then.</summary>
    public override Wake<BookingCommand> OnTimer(BookingLedgerState s, TimerSpec timer, DateTimeOffset now) => timer switch
    {
        { Stage: TimerStage.Erase, Step: { } step } when step.StartsWith(EraseStep + "-", StringComparison.Ordinal) =>
            new Wake<BookingCommand>.Run(new EraseBookerContact { By = Actor.System, BookingId = step[(EraseStep.Length + 1)..], EndedAt = timer.StartedAt }),
        { Stage: TimerStage.Remind } when Timers(s).Any(t => t.Key == timer.Key) => new Wake<BookingCommand>.Remind(),
        _ => new Wake<BookingCommand>.Stale(),
    };

    public override bool Erases(BookingEvent e) => e is BookerContactErased;

    /// <summary>A stored request without its booker's name and phone once that booking's contact was erased; the other bookings' stay.</summary>
    public override BookingEvent? Redacted(BookingLedgerState erased, BookingEvent e) =>
        e is BookingRequested r && (r.Name.Length > 0 || r.Phone.Length > 0) && erased.Find(r.BookingId) is { ContactErasedAt: not null }
            ? r with { Name = "", Phone = "" }
            : null;

    public override IReadOnlyDictionary<string, string?> Facts(BookingLedgerState before, BookingLedgerState after, BookingEvent e) => new Dictionary<string, string?>
    {
        ["bookingId"] = e.BookingId, ["status"] = after.Find(e.BookingId)?.Status.Code(), ["resourceId"] = after.ResourceId,
        ["unitId"] = after.UnitId, ["streetId"] = after.StreetId, ["day"] = after.Day.ToString("yyyy-MM-dd"),
    };

    private static string? Text(string? value, int max) => value?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;

    private static Verdict<BookingEvent> ReasonRequired() => Refuse("reason_required", RejectionKind.Invalid, $"请填写原因（{BookingLimits.ReasonMax} 字以内）。");
    private static Verdict<BookingEvent> Accept(BookingEvent e) => new([e], null);
    private static Verdict<BookingEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
