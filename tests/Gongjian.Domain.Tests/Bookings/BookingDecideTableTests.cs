using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.Bookings.BookingFixtures;

namespace Gongjian.Domain.Tests.Bookings;

public sealed class BookingDecideTableTests
{
    private static Rejection? Refusal(BookingLedgerState s, BookingCommand c, DateTimeOffset? at = null) => Module.Decide(s, c, at ?? Now).Rejection;

    private static void Refused(string code, RejectionKind kind, BookingLedgerState s, BookingCommand c, DateTimeOffset? at = null)
    {
        var r = Refusal(s, c, at);
        Assert.NotNull(r);
        Assert.Equal((code, kind), (r.Code, r.Kind));
        Assert.False(string.IsNullOrWhiteSpace(r.Message));
    }

    [Fact]
    public void A_request_waits_for_the_owner_and_an_instant_resource_approves_at_once()
    {
        Assert.Equal(BookingStatus.Pending, Pending().Find("bk-1")!.Status);
        var instant = Play((Request(room: Room(instant: true)), Now));
        Assert.Equal(BookingStatus.Approved, instant.Find("bk-1")!.Status);
        Assert.Equal(BookingLimits.LedgerId("res-1", Day), instant.Id);
        Assert.Equal(Day, instant.Day);
    }

    [Theory]
    [InlineData(9, 10)]
    [InlineData(8, 11)]
    [InlineData(9, 12)]
    public void An_overlap_with_a_pending_or_approved_booking_is_slot_taken(int from, int to)
    {
        Refused("slot_taken", RejectionKind.Conflict, Pending(from: 9, to: 10), Request("bk-2", from, to));
        Refused("slot_taken", RejectionKind.Conflict, Approved(from: 9, to: 10), Request("bk-2", from, to));
        Assert.Equal("该时段已被预约。", Refusal(Pending(), Request("bk-2"))!.Message);
    }

    [Fact]
    public void Adjacent_slots_and_slots_freed_by_decline_or_cancel_can_be_booked()
    {
        Assert.Null(Refusal(Approved(from: 9, to: 10), Request("bk-2", 10, 11)));
        Assert.Null(Refusal(Approved(from: 9, to: 10), Request("bk-2", 8, 9)));
        var declined = Play((Request(), Now), (new DeclineBooking { By = Owner, BookingId = "bk-1", Reason = "当天检修" }, Now));
        Assert.Null(Refusal(declined, Request("bk-2")));
        var cancelled = Play((Request(), Now), (new CancelBooking { By = Resident, BookingId = "bk-1", Reason = "改期", CodeHash = "hash-bk-1" }, Now));
        Assert.Null(Refusal(cancelled, Request("bk-2")));
    }

    [Fact]
    public void Bad_requests_have_precise_codes()
    {
        var s = BookingLedgerState.Initial;
        Refused("outside_opening_hours", RejectionKind.Invalid, s, Request(from: 7, to: 8));
        Refused("outside_opening_hours", RejectionKind.Invalid, s, Request(from: 17, to: 19));
        Refused("outside_opening_hours", RejectionKind.Invalid, s, Request() with { Start = At(9, day: new DateOnly(2026, 12, 13)), End = At(10, day: new DateOnly(2026, 12, 13)) });
        Refused("slot_invalid", RejectionKind.Invalid, s, Request() with { Start = At(9, 30), End = At(10, 30) });
        Refused("time_invalid", RejectionKind.Invalid, s, Request(from: 10, to: 9));
        Refused("booking_in_past", RejectionKind.Invalid, s, Request(), At(9, 30));
        Refused("resource_retired", RejectionKind.Conflict, s, Request(room: Room(retired: true)));
        Refused("resource_not_bookable", RejectionKind.Conflict, s, Request(room: Room(bookable: false)));
        Refused("name_invalid", RejectionKind.Invalid, s, Request() with { Name = " " });
        Refused("phone_invalid", RejectionKind.Invalid, s, Request() with { Phone = "12345" });
        Refused("purpose_invalid", RejectionKind.Invalid, s, Request() with { Purpose = "" });
        Refused("people_invalid", RejectionKind.Invalid, s, Request() with { People = 0 });
        Refused("role_forbidden", RejectionKind.Forbidden, s, Request(by: new Actor(ActorRole.Resident, "someone")));
        Refused("booking_exists", RejectionKind.Conflict, Pending(), Request());
        Refused("ledger_mismatch", RejectionKind.Invalid, Pending(), Request("bk-2") with { Resource = Room() with { ResourceId = "res-9" } });
        Refused("ledger_mismatch", RejectionKind.Invalid, Pending(), Request("bk-2") with { Start = At(9, day: Day.AddDays(1)), End = At(10, day: Day.AddDays(1)) });
    }

    [Fact]
    public void Only_the_owner_unit_answers_and_marks()
    {
        foreach (var who in new[] { OtherLiaison, Dispatcher, Resident })
        {
            Refused("not_owner_unit", RejectionKind.Forbidden, Pending(), new ApproveBooking { By = who, BookingId = "bk-1" });
            Refused("not_owner_unit", RejectionKind.Forbidden, Pending(), new DeclineBooking { By = who, BookingId = "bk-1", Reason = "不行" });
            Refused("not_owner_unit", RejectionKind.Forbidden, Approved(), new MarkBookingUsed { By = who, BookingId = "bk-1" }, At(11));
        }
        Assert.Null(Refusal(Pending(), new ApproveBooking { By = Admin, BookingId = "bk-1" }));
    }

    [Fact]
    public void Answers_follow_the_status_table()
    {
        Refused("booking_not_found", RejectionKind.Conflict, Pending(), new ApproveBooking { By = Owner, BookingId = "bk-9" });
        Refused("booking_approved", RejectionKind.Conflict, Approved(), new ApproveBooking { By = Owner, BookingId = "bk-1" });
        Refused("booking_approved", RejectionKind.Conflict, Approved(), new DeclineBooking { By = Owner, BookingId = "bk-1", Reason = "x" });
        Refused("reason_required", RejectionKind.Invalid, Pending(), new DeclineBooking { By = Owner, BookingId = "bk-1", Reason = " " });
        Refused("booking_in_past", RejectionKind.Conflict, Pending(), new ApproveBooking { By = Owner, BookingId = "bk-1" }, At(9));
        Refused("booking_pending", RejectionKind.Conflict, Pending(), new MarkBookingUsed { By = Owner, BookingId = "bk-1" }, At(11));
        Refused("booking_not_started", RejectionKind.Conflict, Approved(), new MarkBookingNoShow { By = Owner, BookingId = "bk-1" });
        var used = Play((Request(), Now), (new ApproveBooking { By = Owner, BookingId = "bk-1" }, Now), (new MarkBookingUsed { By = Owner, BookingId = "bk-1" }, At(10)));
        Assert.Equal(BookingStatus.Used, used.Find("bk-1")!.Status);
        Refused("booking_used", RejectionKind.Conflict, used, new MarkBookingNoShow { By = Owner, BookingId = "bk-1" }, At(11));
        Refused("booking_used", RejectionKind.Conflict, used, new CancelBooking { By = Owner, BookingId = "bk-1", Reason = "x" }, Now);
        var noShow = Play((Request(), Now), (new ApproveBooking { By = Owner, BookingId = "bk-1" }, Now), (new MarkBookingNoShow { By = Owner, BookingId = "bk-1" }, At(9, 30)));
        Assert.Equal(BookingStatus.NoShow, noShow.Find("bk-1")!.Status);
    }

    [Fact]
    public void Cancelling_needs_the_code_or_the_owner_and_a_reason()
    {
        Refused("code_invalid", RejectionKind.Forbidden, Approved(), new CancelBooking { By = Resident, BookingId = "bk-1", Reason = "改期", CodeHash = "wrong" });
        Refused("code_invalid", RejectionKind.Forbidden, Approved(), new CancelBooking { By = Resident, BookingId = "bk-1", Reason = "改期" });
        Refused("not_requester", RejectionKind.Forbidden, Approved(), new CancelBooking { By = OtherLiaison, BookingId = "bk-1", Reason = "改期" });
        Refused("reason_required", RejectionKind.Invalid, Approved(), new CancelBooking { By = Owner, BookingId = "bk-1", Reason = "" });
        Refused("booking_started", RejectionKind.Conflict, Approved(), new CancelBooking { By = Owner, BookingId = "bk-1", Reason = "停电" }, At(9));
        Assert.Null(Refusal(Approved(), new CancelBooking { By = Owner, BookingId = "bk-1", Reason = "停电" }));
        var byUnit = Play((Request(by: OtherLiaison), Now));
        Assert.Null(Refusal(byUnit, new CancelBooking { By = OtherLiaison, BookingId = "bk-1", Reason = "改期" }));
    }

    [Fact]
    public void Lists_hold_no_personal_data()
    {
        var row = Module.Lists(Approved())!;
        Assert.Equal(["u-unit-1", "s-street-1"], row.Partitions);
        var text = string.Join("|", row.Fields.Values);
        Assert.DoesNotContain("王芳", text);
        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("楼道议事会", text);
        Assert.Contains("09:00-10:00 approved bk-1", text);
    }

    [Fact]
    public void Timers_remind_the_owner_of_a_pending_request_and_everyone_before_the_slot()
    {
        var early = Play((Request(), Now.AddDays(-3)));
        var answer = Assert.Single(Module.Timers(early), t => t.Stage == TimerStage.Remind);
        Assert.Equal(Now.AddDays(-2), answer.FireAt);
        Assert.IsType<Wake<BookingCommand>.Remind>(Module.OnTimer(early, answer, answer.FireAt));
        var approved = Play((Request(), Now.AddDays(-3)), (new ApproveBooking { By = Owner, BookingId = "bk-1" }, Now));
        var slot = Assert.Single(Module.Timers(approved), t => t.Stage == TimerStage.Remind);
        Assert.Equal(At(7), slot.FireAt);
        Assert.IsType<Wake<BookingCommand>.Stale>(Module.OnTimer(approved, answer, answer.FireAt));
        Assert.IsType<Wake<BookingCommand>.Remind>(Module.OnTimer(approved, slot, slot.FireAt));
    }

    [Fact]
    public void A_bookers_contact_is_erased_by_the_retention_timer_after_the_slot_ended_and_only_then()
    {
        // Two bookings on the ledger: bk-1 approved and used (ends with its slot, 10:00), bk-2 cancelled the day before.
        var s = Play((Request(), Now), (Request("bk-2", 11, 12), Now), (new ApproveBooking { By = Owner, BookingId = "bk-1" }, Now),
            (new CancelBooking { By = Resident, BookingId = "bk-2", Reason = "改期", CodeHash = "hash-bk-2" }, Now.AddHours(1)),
            (new MarkBookingUsed { By = Owner, BookingId = "bk-1" }, At(10)));
        var erases = Module.Timers(s).Where(t => t.Stage == TimerStage.Erase).ToDictionary(t => t.Step!);
        Assert.Equal(At(10) + ContactRetention.DefaultEraseAfter, erases["erase-bk-1"].FireAt);
        Assert.Equal(Now.AddHours(1) + ContactRetention.DefaultEraseAfter, erases["erase-bk-2"].FireAt);

        // The cancelled one first: only its contact goes; the used one keeps its contact until its own timer.
        var run = Assert.IsType<Wake<BookingCommand>.Run>(Module.OnTimer(s, erases["erase-bk-2"], erases["erase-bk-2"].FireAt));
        var erase = Assert.IsType<EraseBookerContact>(run.Command);
        Assert.Equal(("bk-2", Now.AddHours(1)), (erase.BookingId, erase.EndedAt));
        Refused("role_not_allowed", RejectionKind.Forbidden, s, erase with { By = Owner });
        var verdict = Module.Decide(s, erase, erases["erase-bk-2"].FireAt);
        Assert.True(Module.Erases(Assert.Single(verdict.Events)));
        var erased = verdict.Events.Aggregate(s, Module.Evolve);
        var (kept, gone) = (erased.Find("bk-1")!, erased.Find("bk-2")!);
        Assert.Equal(("王芳", "13912345678"), (kept.Name, kept.Phone));
        Assert.Equal(("", "", BookingStatus.Cancelled, 12, "改期"), (gone.Name, gone.Phone, gone.Status, gone.People, gone.Reason));
        Assert.NotNull(gone.ContactErasedAt);
        Assert.Equal(Module.Lists(s)!.Fields["Slots"], Module.Lists(erased)!.Fields["Slots"]);

        // The stored requests: only bk-2's is rewritten, without the name and phone.
        var requested = (string id) => new BookingRequested
        {
            LedgerId = s.Id, BookingId = id, OccurredAt = Now, By = Resident, ResourceId = "res-1", UnitId = "unit-1", StreetId = "street-1", Title = "活动室",
            Day = Day, Start = At(9), End = At(10), Name = "王芳", Phone = "13912345678", Purpose = "楼道议事会", People = 12, CodeHash = "h", Approved = false,
        };
        var redacted = Assert.IsType<BookingRequested>(Module.Redacted(erased, requested("bk-2")));
        Assert.Equal(("", "", "楼道议事会", 12), (redacted.Name, redacted.Phone, redacted.Purpose, redacted.People));
        Assert.Null(Module.Redacted(erased, requested("bk-1")));
        Assert.Null(Module.Redacted(erased, redacted));

        // Again, or a timer armed for another end, is stale; erased bookings arm nothing more.
        Refused("timer_stale", RejectionKind.Conflict, erased, erase);
        Refused("timer_stale", RejectionKind.Conflict, erased, erase with { BookingId = "bk-1", EndedAt = At(9) });
        Assert.DoesNotContain(Module.Timers(erased), t => t.Step == "erase-bk-2");
        Assert.Contains(Module.Timers(erased), t => t.Step == "erase-bk-1");
    }

    [Fact]
    public void A_pending_booking_declined_after_its_slot_moves_its_retention_to_the_decline()
    {
        var s = Pending();
        var atSlotEnd = Assert.Single(Module.Timers(s), t => t.Stage == TimerStage.Erase);
        Assert.Equal(At(10), atSlotEnd.StartedAt);
        var declined = Play((Request(), Now), (new DeclineBooking { By = Owner, BookingId = "bk-1", Reason = "当天检修" }, At(12)));
        var atDecline = Assert.Single(Module.Timers(declined), t => t.Stage == TimerStage.Erase);
        Assert.Equal(At(12), atDecline.StartedAt);
        var stale = Assert.IsType<Wake<BookingCommand>.Run>(Module.OnTimer(declined, atSlotEnd, atSlotEnd.FireAt)).Command;
        Refused("timer_stale", RejectionKind.Conflict, declined, stale, atSlotEnd.FireAt);
        var current = Assert.IsType<Wake<BookingCommand>.Run>(Module.OnTimer(declined, atDecline, atDecline.FireAt)).Command;
        Assert.True(Module.Decide(declined, current, atDecline.FireAt).IsAccepted);
    }
}
