using Gongjian.Domain.Orders;
using Gongjian.Domain.Tests.Support;
using Xunit;
using static Gongjian.Domain.Workflow.RejectionKind;

namespace Gongjian.Domain.Tests;

/// <summary>Bad input is refused with a stable code and a Chinese sentence, and nothing happens.</summary>
public sealed class ValidationTests
{
    private static readonly string TooLongText = new('修', OrderLimits.TextMax + 1);
    private static readonly string TooLongReason = new('因', OrderLimits.ReasonMax + 1);
    private static readonly string[] TenPhotos = [.. Enumerable.Range(1, 10).Select(i => $"photo-{i}")];

    private static OrderState NoOrder => OrderState.Initial;
    private static OrderState Placed => Given.OrderIn(OrderStatus.Placed);
    private static OrderState Dispatched => Given.OrderIn(OrderStatus.Dispatched);
    private static OrderState Accepted => Given.OrderIn(OrderStatus.Accepted);
    private static OrderState Completed => Given.OrderIn(OrderStatus.Completed);

    private static readonly Dictionary<string, (Func<OrderState> State, Func<OrderCommand> Command, string Code, RejectionKind Kind)> Cases = new()
    {
        ["text empty"] = (() => NoOrder, () => Commands.Place() with { Text = "" }, "text_required", Invalid),
        ["text whitespace"] = (() => NoOrder, () => Commands.Place() with { Text = " \t\n　" }, "text_required", Invalid),
        ["text over 2000"] = (() => NoOrder, () => Commands.Place() with { Text = TooLongText }, "text_too_long", Invalid),
        ["address empty"] = (() => NoOrder, () => Commands.Place() with { Address = "  " }, "address_required", Invalid),
        ["address over 200"] = (() => NoOrder, () => Commands.Place() with { Address = new string('路', 201) }, "address_too_long", Invalid),
        ["contact name empty"] = (() => NoOrder, () => Commands.Place() with { Contact = new("", "13812345678") }, "contact_name_required", Invalid),
        ["contact name over 50"] = (() => NoOrder, () => Commands.Place() with { Contact = new(new string('张', 51), "13812345678") }, "contact_name_too_long", Invalid),
        ["phone too short"] = (() => NoOrder, () => Commands.Place() with { Contact = new("张三", "12345") }, "invalid_phone", Invalid),
        ["phone with letters"] = (() => NoOrder, () => Commands.Place() with { Contact = new("张三", "138abcd5678") }, "invalid_phone", Invalid),
        ["phone empty"] = (() => NoOrder, () => Commands.Place() with { Contact = new("张三", "") }, "invalid_phone", Invalid),
        ["category unknown"] = (() => NoOrder, () => Commands.Place() with { Category = "plumbing" }, "unknown_category", Invalid),
        ["category wrong case"] = (() => NoOrder, () => Commands.Place() with { Category = "Repair" }, "unknown_category", Invalid),
        ["ten photos on placing"] = (() => NoOrder, () => Commands.Place() with { PhotoIds = TenPhotos }, "too_many_photos", Invalid),

        ["dispatch without category"] = (() => OrderState.Replay([Given.Placed(category: null)]), () => Commands.Dispatch(), "category_required", Invalid),
        ["dispatch unknown category"] = (() => Placed, () => Commands.Dispatch() with { Category = "plumbing" }, "unknown_category", Invalid),
        ["unit does not serve"] = (() => Placed, () => Commands.Dispatch(Fixture.LegalUnit), "unit_does_not_serve_category", Conflict),
        ["unit does not serve new category"] = (() => Placed, () => Commands.Dispatch() with { Category = "health" }, "unit_does_not_serve_category", Conflict),
        ["unit does not cover community"] = (() => Placed, () => Commands.Dispatch(Fixture.FarUnit), "unit_does_not_cover_community", Conflict),
        ["dispatch note over 2000"] = (() => Placed, () => Commands.Dispatch() with { Note = TooLongText }, "note_too_long", Invalid),

        ["decline without reason"] = (() => Dispatched, () => Commands.Decline() with { Reason = " " }, "reason_required", Invalid),
        ["decline reason over 500"] = (() => Dispatched, () => Commands.Decline() with { Reason = TooLongReason }, "reason_too_long", Invalid),
        ["withdraw without reason"] = (() => Dispatched, () => Commands.Withdraw() with { Reason = "" }, "reason_required", Invalid),
        ["reject without reason"] = (() => Placed, () => Commands.Reject() with { Reason = "\t" }, "reason_required", Invalid),
        ["cancel reason over 500"] = (() => Placed, () => Commands.Cancel() with { Reason = TooLongReason }, "reason_too_long", Invalid),
        ["reopen without reason"] = (() => Completed, () => Commands.Reopen() with { Reason = "" }, "reason_required", Invalid),

        ["complete without photo"] = (() => Accepted, () => Commands.Complete() with { PhotoIds = [] }, "completion_photo_required", Invalid),
        ["complete with ten photos"] = (() => Accepted, () => Commands.Complete() with { PhotoIds = TenPhotos }, "too_many_photos", Invalid),
        ["complete without note"] = (() => Accepted, () => Commands.Complete() with { Note = "" }, "note_required", Invalid),

        ["rating 0"] = (() => Completed, () => Commands.Confirm() with { Rating = 0 }, "rating_out_of_range", Invalid),
        ["rating 6"] = (() => Completed, () => Commands.Confirm() with { Rating = 6 }, "rating_out_of_range", Invalid),
        ["rating negative"] = (() => Completed, () => Commands.Confirm() with { Rating = -1 }, "rating_out_of_range", Invalid),
        ["comment over 500"] = (() => Completed, () => Commands.Confirm() with { Comment = TooLongReason }, "comment_too_long", Invalid),

        ["fourth reopen"] = (() => Given.CompletedAfterReopens(3), () => Commands.Reopen(), "reopen_limit_reached", Conflict),
        ["same showcase twice"] = (() => Completed.Then(Given.Showcased(Commands.ShowcaseId)), () => Commands.Showcase(), "already_in_showcase", Conflict),
        ["same showcase twice after confirming"] = (() => Completed.Then(Given.Showcased(Commands.ShowcaseId), Given.Confirmed()), () => Commands.Showcase(), "already_in_showcase", Conflict),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Invalid_input_is_refused_with_its_code_and_a_Chinese_message(string name)
    {
        var (state, command, code, kind) = Cases[name];

        Expect.Rejected(command().DecideOn(state()), code, kind);
    }

    [Fact]
    public void Every_case_starts_from_a_state_where_the_valid_command_would_pass()
    {
        var blocked = Cases
            .Where(c => c.Value.Code is not ("reopen_limit_reached" or "already_in_showcase" or "category_required"))
            .Where(c => !Commands.Of(Commands.KindOf(c.Value.Command())).DecideOn(c.Value.State()).IsAccepted)
            .Select(c => c.Key);

        Assert.Empty(blocked);
    }
}
