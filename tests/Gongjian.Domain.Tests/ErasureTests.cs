using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Orders.OrderStatus;

namespace Gongjian.Domain.Tests;

/// <summary>删除个人信息 (PIPL): what erasure removes, what it keeps, and when it is refused.</summary>
public sealed class ErasureTests
{
    private static readonly DateTimeOffset Later = Fixture.Now.AddDays(200);

    [Fact]
    public void Erasure_blanks_contact_address_text_comment_and_before_photos_and_records_when()
    {
        var state = Given.OrderIn(Confirmed);

        var erased = Expect.Single<PersonalDataErased>(OrderDecider.Decide(state, Commands.Erase(), Later));
        var after = state.Then(erased);

        Assert.Equal(["photo-before-1"], erased.PhotoIds);
        Assert.Equal("不再需要保留", erased.Reason);
        Assert.Equal(("", "", "", ""), (after.Text, after.Address, after.Contact.Name, after.Contact.Phone));
        Assert.Empty(after.BeforePhotoIds);
        Assert.Null(after.RatingComment);
        Assert.Equal(Later, after.PersonalDataErasedAt);
    }

    [Fact]
    public void Erasure_keeps_the_course_of_the_order()
    {
        var state = Given.OrderIn(Confirmed).Then(Given.Showcased(Commands.ShowcaseId));

        var after = state.Then(Commands.Erase().DecideOn(state).Events);

        Assert.Equal(Shape(state with { Text = "", Address = "", Contact = new Contact("", ""), BeforePhotoIds = [], RatingComment = null,
            PersonalDataErasedAt = Fixture.Now, Version = state.Version + 1, UpdatedAt = Fixture.Now }), Shape(after));
        Assert.Equal((Confirmed, state.StatusSince, 5), (after.Status, after.StatusSince, after.Rating));
        Assert.Equal(["photo-after-1"], after.AfterPhotoIds);
        Assert.Equal([Commands.ShowcaseId], after.ShowcaseIds);
    }

    [Theory]
    [InlineData(Placed)]
    [InlineData(Dispatched)]
    [InlineData(OrderStatus.Accepted)]
    [InlineData(Completed)]
    [InlineData(Declined)]
    [InlineData(Reopened)]
    public void Open_order_is_refused_and_the_resident_is_told_to_cancel_first(OrderStatus status)
    {
        var rejection = Expect.Rejected(Commands.Erase().DecideOn(Given.OrderIn(status)), "order_not_closed", RejectionKind.Conflict);

        Assert.Contains("请先取消工单", rejection.Message);
    }

    [Fact]
    public void Second_erasure_is_refused()
    {
        var state = Given.OrderIn(Cancelled);
        var erased = state.Then(Commands.Erase().DecideOn(state).Events);

        Expect.Rejected(Commands.Erase(Fixture.Admin).DecideOn(erased), "already_erased", RejectionKind.Conflict);
        Expect.Rejected(new ErasePersonalData { By = Fixture.System, ClosedAt = erased.ClosedAt }.DecideOn(erased), "already_erased", RejectionKind.Conflict);
    }

    [Fact]
    public void Retention_timer_erases_the_order_closed_at_the_moment_it_names()
    {
        var state = Given.OrderIn(Rejected);

        var decision = new ErasePersonalData { By = Fixture.System, Reason = "保存期限届满", ClosedAt = state.ClosedAt }.DecideOn(state);

        Assert.Equal(Fixture.System, Expect.Single<PersonalDataErased>(decision).By);
    }

    [Fact]
    public void Retention_timer_for_another_close_or_a_reopened_order_is_stale()
    {
        var closed = Given.OrderIn(Confirmed);
        var reopened = Given.OrderIn(Reopened);

        Expect.Rejected(new ErasePersonalData { By = Fixture.System, ClosedAt = closed.ClosedAt!.Value.AddSeconds(-1) }.DecideOn(closed),
            "timer_stale", RejectionKind.Conflict);
        Expect.Rejected(new ErasePersonalData { By = Fixture.System, ClosedAt = Fixture.Now.AddDays(-1) }.DecideOn(reopened),
            "timer_stale", RejectionKind.Conflict);
    }

    [Fact]
    public void Overlong_reason_is_refused()
    {
        var decision = (Commands.Erase() with { Reason = new string('长', OrderLimits.ReasonMax + 1) }).DecideOn(Given.OrderIn(Cancelled));

        Expect.Rejected(decision, "reason_too_long", RejectionKind.Invalid);
    }

    [Fact]
    public void Redaction_blanks_what_the_resident_wrote_and_keeps_what_staff_wrote()
    {
        var placed = Assert.IsType<OrderPlaced>(PersonalDataRedaction.Redact(Given.Placed()));
        Assert.Equal(("", "", new Contact("", ""), 0), (placed.Text, placed.Address, placed.Contact, placed.PhotoIds.Count));
        Assert.Equal((Fixture.CommunityId, "hash-of-tracking-code", Fixture.Category), (placed.CommunityId, placed.TrackingCodeHash, placed.Category));
        Assert.Null(Assert.IsType<OrderCancelled>(PersonalDataRedaction.Redact(Given.Cancelled())).Reason);
        Assert.Equal("", Assert.IsType<OrderReopened>(PersonalDataRedaction.Redact(Given.Reopened())).Reason);
        var confirmed = Assert.IsType<OrderConfirmed>(PersonalDataRedaction.Redact(Given.Confirmed()));
        Assert.Equal((5, null), (confirmed.Rating, confirmed.Comment));

        Assert.Null(PersonalDataRedaction.Redact(Given.Dispatched()));
        Assert.Null(PersonalDataRedaction.Redact(Given.Declined()));
        Assert.Null(PersonalDataRedaction.Redact(Given.Completed()));
        Assert.Null(PersonalDataRedaction.Redact(Given.Rejected()));
        Assert.Null(PersonalDataRedaction.Redact(Given.Confirmed() with { By = Fixture.System, Comment = "超过期限未评价，系统自动确认" }));
        Assert.Null(PersonalDataRedaction.Redact(placed));
    }

    [Fact]
    public void Redacted_history_replays_to_the_erased_state()
    {
        var history = Given.HistoryOf(Reopened).Append(Given.Completed("photo-after-2")).Append(Given.Confirmed()).ToList();
        var state = OrderState.Replay(history);
        var erasure = Expect.Single<PersonalDataErased>(Commands.Erase().DecideOn(state));

        var redacted = history.Select(e => PersonalDataRedaction.Redact(e) ?? e).Append(erasure);

        Assert.Equal(Shape(state.Then(erasure)), Shape(OrderState.Replay(redacted)));
    }

    /// <summary>Every field, lists by content (records compare lists by reference).</summary>
    private static string Shape(OrderState s) =>
        string.Join(" | ", s with { BeforePhotoIds = [], AfterPhotoIds = [], DeclinedUnitIds = [], ShowcaseIds = [] },
            string.Join(",", s.BeforePhotoIds), string.Join(",", s.AfterPhotoIds), string.Join(",", s.DeclinedUnitIds), string.Join(",", s.ShowcaseIds));
}
