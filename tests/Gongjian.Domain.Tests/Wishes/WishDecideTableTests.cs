using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Xunit;
using static Gongjian.Domain.Tests.Wishes.WishFixtures;

namespace Gongjian.Domain.Tests.Wishes;

/// <summary>The transition table, every (status, command) pair: what is accepted, and the code of every refusal.</summary>
public sealed class WishDecideTableTests
{
    private static readonly HashSet<(WishStatus, Type)> Allowed =
    [
        (WishStatus.None, typeof(SubmitWish)),
        (WishStatus.Submitted, typeof(PublishWish)), (WishStatus.Submitted, typeof(RejectWish)), (WishStatus.Submitted, typeof(WithdrawWish)),
        (WishStatus.Published, typeof(WithdrawWish)), (WishStatus.Published, typeof(ClaimWish)),
        (WishStatus.Claimed, typeof(ReleaseClaim)), (WishStatus.Claimed, typeof(FulfilWish)),
        (WishStatus.Fulfilled, typeof(ConfirmWish)),
        (WishStatus.Confirmed, typeof(EraseWishPersonalData)), (WishStatus.Rejected, typeof(EraseWishPersonalData)), (WishStatus.Withdrawn, typeof(EraseWishPersonalData)),
    ];

    public static TheoryData<WishStatus, int> Pairs()
    {
        var data = new TheoryData<WishStatus, int>();
        foreach (var s in Enum.GetValues<WishStatus>())
            for (var c = 0; c < AllCommands().Length; c++) data.Add(s, c);
        return data;
    }

    [Theory, MemberData(nameof(Pairs))]
    public void Every_status_and_command(WishStatus status, int commandIndex)
    {
        var state = In(status);
        var command = AllCommands()[commandIndex];
        var verdict = Module.Decide(state, command, T0.AddDays(1));
        if (Allowed.Contains((status, command.GetType())))
        {
            Assert.True(verdict.IsAccepted, verdict.Rejection?.ToString());
            var after = verdict.Events.Aggregate(state, Module.Evolve);
            Assert.Equal(state.Version + 1, after.Version);
            Assert.Equal(Expected(status, command), after.Status);
            return;
        }
        Assert.Empty(verdict.Events);
        Assert.Equal(RejectionKind.Conflict, verdict.Rejection!.Kind);
        var code = (status, command) switch
        {
            (_, SubmitWish) => "wish_exists",
            (WishStatus.None, _) => "wish_not_found",
            (WishStatus.Claimed or WishStatus.Fulfilled or WishStatus.Confirmed, ClaimWish) => "wish_already_claimed",
            (_, EraseWishPersonalData) => "wish_not_closed",
            _ => $"wish_{status.ToString().ToLowerInvariant()}",
        };
        Assert.Equal(code, verdict.Rejection.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection.Message);
    }

    private static WishStatus Expected(WishStatus from, WishCommand c) => c switch
    {
        SubmitWish => WishStatus.Submitted, PublishWish => WishStatus.Published, RejectWish => WishStatus.Rejected,
        WithdrawWish => WishStatus.Withdrawn, ClaimWish => WishStatus.Claimed, ReleaseClaim => WishStatus.Published,
        FulfilWish => WishStatus.Fulfilled, ConfirmWish => WishStatus.Confirmed, _ => from,
    };

    public static TheoryData<string, WishStatus, WishCommand, string> WrongPeople() => new()
    {
        { "liaison submits", WishStatus.None, Submit(Liaison), "role_not_allowed" },
        { "resident publishes", WishStatus.Submitted, Publish(WishActors.Resident), "role_not_allowed" },
        { "liaison publishes", WishStatus.Submitted, Publish(Liaison), "role_not_allowed" },
        { "liaison rejects", WishStatus.Submitted, Reject(Liaison), "role_not_allowed" },
        { "liaison withdraws", WishStatus.Published, Withdraw(Liaison), "role_not_allowed" },
        { "person withdraws", WishStatus.Published, Withdraw(WishActors.Person), "role_not_allowed" },
        { "liaison claims for another unit", WishStatus.Published, Claim(OtherLiaison), "not_your_unit" },
        { "resident claims for a unit", WishStatus.Published, Claim(WishActors.Resident), "not_your_unit" },
        { "liaison claims as a person", WishStatus.Published, Claim(Liaison, Person), "role_not_allowed" },
        { "other unit releases", WishStatus.Claimed, Release(OtherLiaison), "not_claimer" },
        { "resident releases", WishStatus.Claimed, Release(WishActors.Resident), "not_claimer" },
        { "person releases a unit's claim", WishStatus.Claimed, Release(WishActors.Person), "not_claimer" },
        { "other unit fulfils", WishStatus.Claimed, Fulfil(OtherLiaison), "not_claimer" },
        { "liaison confirms", WishStatus.Fulfilled, Confirm(Liaison), "role_not_allowed" },
        { "liaison erases", WishStatus.Confirmed, Erase(Liaison), "role_not_allowed" },
        { "person claimer erases", WishStatus.Confirmed, Erase(WishActors.Person), "role_not_allowed" },
    };

    [Theory, MemberData(nameof(WrongPeople))]
    public void The_wrong_person_is_forbidden(string why, WishStatus status, WishCommand command, string code)
    {
        var verdict = Module.Decide(In(status), command, T0.AddDays(1));
        Assert.Equal((code, RejectionKind.Forbidden), (verdict.Rejection?.Code, verdict.Rejection?.Kind));
        Assert.False(verdict.IsAccepted, why);
    }

    public static TheoryData<string, WishStatus, WishCommand, string> BadInput() => new()
    {
        { "empty text", WishStatus.None, Submit() with { Text = "  " }, "text_required" },
        { "long text", WishStatus.None, Submit() with { Text = new string('书', WishLimits.TextMax + 1) }, "text_too_long" },
        { "unknown category", WishStatus.None, Submit() with { Category = "car" }, "unknown_category" },
        { "resident without contact", WishStatus.None, Submit() with { Contact = null }, "contact_required" },
        { "bad phone", WishStatus.None, Submit() with { Contact = new WishContact("张", "12") }, "invalid_phone" },
        { "empty public text", WishStatus.Submitted, Publish() with { PublicText = "" }, "public_text_required" },
        { "long public text", WishStatus.Submitted, Publish() with { PublicText = new string('书', WishLimits.PublicTextMax + 1) }, "public_text_too_long" },
        { "public text names the resident", WishStatus.Submitted, Publish() with { PublicText = "张秀英奶奶想要书包" }, "public_text_personal" },
        { "public text has a phone", WishStatus.Submitted, Publish() with { PublicText = "想要书包，联系13812345678" }, "public_text_personal" },
        { "nickname is the name", WishStatus.Submitted, Publish() with { DisplayName = "张秀英" }, "public_text_personal" },
        { "empty reason", WishStatus.Submitted, Reject() with { Reason = " " }, "reason_required" },
        { "person without phone", WishStatus.Published, Claim(WishActors.Person, Person with { Phone = "abc" }) with { ClaimCodeHash = "x" }, "invalid_phone" },
        { "person without name", WishStatus.Published, Claim(Dispatcher, Person with { Name = "" }), "invalid_name" },
        { "person without claim code", WishStatus.Published, Claim(WishActors.Person, Person), "claim_code_required" },
        { "no photo", WishStatus.Claimed, Fulfil() with { PhotoIds = [] }, "photo_required" },
        { "four photos", WishStatus.Claimed, Fulfil() with { PhotoCount = 4 }, "too_many_photos" },
        { "no note", WishStatus.Claimed, Fulfil() with { Note = "" }, "note_required" },
        { "staff erase without a reason", WishStatus.Confirmed, Erase() with { Reason = " " }, "reason_required" },
        { "erase with a long reason", WishStatus.Confirmed, Erase() with { Reason = new string('因', WishLimits.ReasonMax + 1) }, "reason_too_long" },
    };

    [Theory, MemberData(nameof(BadInput))]
    public void Bad_input_is_invalid(string why, WishStatus status, WishCommand command, string code)
    {
        var verdict = Module.Decide(In(status), command, T0.AddDays(1));
        Assert.Equal((code, RejectionKind.Invalid), (verdict.Rejection?.Code, verdict.Rejection?.Kind));
        Assert.False(verdict.IsAccepted, why);
    }

    [Fact]
    public void A_person_claims_with_a_code_and_only_they_or_staff_act_on_it()
    {
        var claimed = Run(In(WishStatus.Published), Claim(WishActors.Person, Person) with { ClaimCodeHash = "code" });
        Assert.Equal(("李志愿", "pk1", "code"), (claimed.Claimer!.Name, claimed.Claimer.PersonKey, claimed.ClaimCodeHash));
        Assert.True(Module.Decide(claimed, Fulfil(WishActors.Person), T0.AddDays(2)).IsAccepted);
        Assert.True(Module.Decide(claimed, Fulfil(Dispatcher), T0.AddDays(2)).IsAccepted);
        Assert.Equal("not_claimer", Module.Decide(claimed, Fulfil(Liaison), T0.AddDays(2)).Rejection?.Code);
    }

    [Fact]
    public void A_released_claim_publishes_the_wish_again_for_anyone()
    {
        var released = Run(In(WishStatus.Claimed), Release());
        Assert.Equal((WishStatus.Published, null, 1), (released.Status, released.Claimer, released.Releases));
        Assert.True(Module.Decide(released, Claim(OtherLiaison, Unit with { UnitId = "unit-2" }), T0.AddDays(2)).IsAccepted);
    }

    [Fact]
    public void Reminders_wait_on_an_unclaimed_and_on_an_unfulfilled_wish_only()
    {
        var published = In(WishStatus.Published);
        var timer = Assert.Single(Module.Timers(published));
        Assert.Equal((WishModule.ClaimStep, TimerStage.Remind, published.StatusSince.AddDays(7)), (timer.Step, timer.Stage, timer.FireAt));
        Assert.IsType<Wake<WishCommand>.Remind>(Module.OnTimer(published, timer, timer.FireAt));

        var claimed = Run(published, Claim());
        var fulfil = Assert.Single(Module.Timers(claimed));
        Assert.Equal((WishModule.FulfilStep, claimed.StatusSince.AddDays(14)), (fulfil.Step, fulfil.FireAt));
        Assert.IsType<Wake<WishCommand>.Stale>(Module.OnTimer(claimed, timer, timer.FireAt));

        // Released and published again: the first claim timer belongs to an earlier publication.
        var again = Run(claimed, Release());
        Assert.IsType<Wake<WishCommand>.Stale>(Module.OnTimer(again, timer, timer.FireAt));
        foreach (var s in new[] { WishStatus.None, WishStatus.Submitted, WishStatus.Fulfilled })
            Assert.Empty(Module.Timers(In(s)));
    }

    [Fact]
    public void Lists_put_a_claim_in_its_unit_with_its_year_and_nothing_personal()
    {
        var fulfilled = In(WishStatus.Fulfilled);
        var lists = Module.Lists(fulfilled)!;
        Assert.Equal(["c-c1", "s-s1", "u-unit-1"], lists.Partitions);
        Assert.Equal(2026, lists.Fields["Year"]);
        Assert.Equal("仙营供电所", lists.Fields["ClaimerName"]);
        var text = string.Join("|", lists.Fields.Values);
        Assert.DoesNotContain("张秀英", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("书包。我叫", text);
    }
}
