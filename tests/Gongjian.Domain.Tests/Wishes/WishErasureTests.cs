using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Gongjian.Domain.Workflow;
using Xunit;
using static Gongjian.Domain.Tests.Wishes.WishFixtures;

namespace Gongjian.Domain.Tests.Wishes;

/// <summary>PIPL for wishes: what an erasure keeps and blanks, who may ask, and the retention timer.</summary>
public sealed class WishErasureTests
{
    private static readonly string[] Personal = ["张秀英", "13812345678", "孙子上三年级", "李志愿", "13900001111", "13700002222"];

    /// <summary>Claimed by a person, fulfilled with a photo and a note holding a phone, confirmed.</summary>
    private static (WishState State, List<WishEvent> Events) PersonCycle()
    {
        var events = new List<WishEvent>();
        var s = WishState.Initial;
        var at = T0;
        foreach (var c in new WishCommand[]
                 {
                     Submit(), Publish(), Claim(WishActors.Person, Person) with { ClaimCodeHash = "code" },
                     Fulfil(WishActors.Person) with { Note = "书包已送到，有事打13700002222。" }, Confirm(),
                 })
        {
            var v = Module.Decide(s, c, at);
            Assert.True(v.IsAccepted, v.Rejection?.ToString());
            events.AddRange(v.Events);
            s = v.Events.Aggregate(s, Module.Evolve);
            at = at.AddHours(1);
        }
        return (s, events);
    }

    [Fact]
    public void An_erasure_leaves_no_personal_data_in_the_state_nor_in_the_rewritten_events()
    {
        var (confirmed, events) = PersonCycle();
        var verdict = Module.Decide(confirmed, Erase(), T0.AddDays(30));
        var erased = Assert.IsType<WishPersonalDataErased>(Assert.Single(verdict.Events));
        Assert.Equal(["p1"], erased.PhotoIds);
        Assert.Equal(["p1"], Module.BlobsToDelete(erased));
        Assert.True(Module.Erases(erased));

        var after = Module.Evolve(confirmed, erased);
        Assert.Equal((WishStatus.Confirmed, "", null, T0.AddDays(30)), (after.Status, after.Text, after.Contact, after.PersonalDataErasedAt));
        Assert.Equal(("pk1", ClaimerKind.PartyMember, null, null), (after.Claimer!.PersonKey, after.Claimer.Kind, after.Claimer.Name, after.Claimer.Phone));
        Assert.Empty(after.PhotoIds);
        Assert.Equal("三年级的小朋友想要一个新书包。", after.PublicText); // staff-written, checked when published: the record stays

        var rewritten = events.Select(e => Module.Redacted(e) ?? e).ToList();
        var text = string.Join("\n", rewritten.Select(e => e.ToString())) + after;
        foreach (var p in Personal) Assert.DoesNotContain(p, text);
        // Replaying the rewritten history and the erasure gives the same state.
        var replayed = Module.Replay([.. rewritten, erased]);
        Assert.Equal((after.Status, after.Text, after.Contact, after.Claimer, after.FulfilNote, after.PersonalDataErasedAt, after.Version),
            (replayed.Status, replayed.Text, replayed.Contact, replayed.Claimer, replayed.FulfilNote, replayed.PersonalDataErasedAt, replayed.Version));
        Assert.Empty(replayed.PhotoIds);
    }

    [Fact]
    public void The_nickname_a_resident_asked_for_is_the_walls_name_when_staff_give_none_and_is_erased_with_the_wish()
    {
        var submitted = Module.Decide(WishState.Initial, Submit() with { Nickname = " 小宇奶奶 " }, T0);
        var s = submitted.Events.Aggregate(WishState.Initial, Module.Evolve);
        Assert.Equal("小宇奶奶", s.Nickname);
        Assert.Equal("nickname_too_long", Module.Decide(WishState.Initial, Submit() with { Nickname = new string('名', WishLimits.NicknameMax + 1) }, T0).Rejection?.Code);
        var published = Run(s, Publish() with { DisplayName = null });
        Assert.Equal("小宇奶奶", published.DisplayName);
        Assert.Equal("某居民", Run(WishState.Initial, Submit(), Publish() with { DisplayName = null }).DisplayName);

        var withdrawn = Run(s, Withdraw());
        var erased = Run(withdrawn, Erase());
        Assert.Null(erased.Nickname);
        var rewritten = Assert.IsType<WishSubmitted>(Module.Redacted(Assert.Single(submitted.Events)));
        Assert.Null(rewritten.Nickname);
    }

    [Fact]
    public void Only_closed_wishes_are_erased_once_by_staff_with_a_reason_or_by_the_resident()
    {
        Assert.Equal("wish_not_closed", Module.Decide(In(WishStatus.Claimed), Erase(), T0.AddDays(1)).Rejection?.Code);
        var confirmed = In(WishStatus.Confirmed);
        Assert.True(Module.Decide(confirmed, Erase(WishActors.Resident) with { Reason = null }, T0.AddDays(1)).IsAccepted);
        Assert.Equal("reason_required", Module.Decide(confirmed, Erase() with { Reason = null }, T0.AddDays(1)).Rejection?.Code);
        var erased = Run(confirmed, Erase());
        Assert.Equal(("already_erased", RejectionKind.Conflict), (Module.Decide(erased, Erase(Admin), T0.AddDays(2)).Rejection?.Code,
            Module.Decide(erased, Erase(Admin), T0.AddDays(2)).Rejection?.Kind));
    }

    [Fact]
    public void A_closed_wish_waits_on_its_retention_timer_and_a_timer_for_another_close_is_stale()
    {
        var module = new WishModule(TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(90));
        foreach (var status in new[] { WishStatus.Confirmed, WishStatus.Rejected, WishStatus.Withdrawn })
        {
            var closed = In(status);
            var timer = Assert.Single(module.Timers(closed));
            Assert.Equal((null, TimerStage.Erase, closed.StatusSince, closed.StatusSince.AddDays(90)), (timer.Step, timer.Stage, timer.StartedAt, timer.FireAt));
            var run = Assert.IsType<Wake<WishCommand>.Run>(module.OnTimer(closed, timer, timer.FireAt));
            var verdict = module.Decide(closed, run.Command, timer.FireAt);
            Assert.Equal(WishErasure.RetentionReason, Assert.IsType<WishPersonalDataErased>(Assert.Single(verdict.Events)).Reason);
            Assert.Empty(module.Timers(verdict.Events.Aggregate(closed, module.Evolve)));

            var stale = module.Decide(closed, ((EraseWishPersonalData)run.Command) with { ClosedAt = closed.StatusSince.AddHours(-1) }, timer.FireAt);
            Assert.Equal("timer_stale", stale.Rejection?.Code);
        }
        Assert.Equal(WishModule.DefaultEraseAfter, new WishModule().EraseAfter);
    }
}
