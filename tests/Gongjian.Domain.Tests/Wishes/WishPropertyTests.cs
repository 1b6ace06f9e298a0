using FsCheck.Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Wishes;
using Xunit;
using static Gongjian.Domain.Tests.Wishes.WishFixtures;

namespace Gongjian.Domain.Tests.Wishes;

/// <summary>
/// Invariants whatever residents, staff, units and people do in any order: each script is a list of
/// moves (command × actor), refused commands are skipped, accepted events applied.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class WishPropertyTests
{
    private static readonly Actor[] Actors = [WishActors.Resident, WishActors.Person, Dispatcher, Admin, Liaison, OtherLiaison];

    private static WishCommand Move(int move)
    {
        var by = Actors[(move & 0x7fffffff) / 8 % Actors.Length];
        return ((move & 0x7fffffff) % 8) switch
        {
            0 => Submit(by),
            1 => Publish(by),
            2 => Reject(by),
            3 => Withdraw(by),
            4 => by == WishActors.Person || by.Role == ActorRole.Dispatcher ? Claim(by, Person) with { ClaimCodeHash = "c" } : Claim(by, by == OtherLiaison ? Unit with { UnitId = "unit-2", UnitName = "二号单位" } : Unit),
            5 => Release(by),
            6 => Fulfil(by),
            _ => Confirm(by),
        };
    }

    private static List<(WishState Before, WishCommand Command, Verdict<WishEvent> Verdict, WishState After)> Play(int[] moves)
    {
        var turns = new List<(WishState, WishCommand, Verdict<WishEvent>, WishState)>();
        var s = WishState.Initial;
        var at = T0;
        foreach (var m in moves)
        {
            var c = Move(m);
            var v = Module.Decide(s, c, at);
            var after = v.Events.Aggregate(s, Module.Evolve);
            turns.Add((s, c, v, after));
            s = after;
            at = at.AddMinutes(7);
        }
        return turns;
    }

    [Property]
    public void A_refusal_changes_nothing_and_an_acceptance_is_one_event(int[] moves)
    {
        foreach (var (before, _, verdict, after) in Play(moves))
        {
            if (verdict.IsAccepted) Assert.Equal((1, before.Version + 1), (verdict.Events.Count, after.Version));
            else Assert.Same(before, after);
        }
    }

    [Property]
    public void A_fulfilled_wish_was_published_claimed_and_has_a_photo(int[] moves)
    {
        foreach (var (_, _, _, after) in Play(moves).Where(t => t.After.Status is WishStatus.Fulfilled or WishStatus.Confirmed))
        {
            Assert.NotNull(after.PublishedAt);
            Assert.NotNull(after.Claimer);
            Assert.NotEmpty(after.PhotoIds);
        }
    }

    [Property]
    public void Closed_wishes_stay_closed_and_a_claimed_wish_is_never_claimed_again(int[] moves)
    {
        foreach (var (before, command, verdict, _) in Play(moves))
        {
            if (before.Status.IsClosed()) Assert.False(verdict.IsAccepted);
            if (command is ClaimWish && before.Claimer is not null) Assert.False(verdict.IsAccepted);
        }
    }

    [Property]
    public void Lists_and_facts_never_hold_the_residents_or_a_persons_data(int[] moves)
    {
        foreach (var (before, _, verdict, after) in Play(moves).Where(t => t.Verdict.IsAccepted))
        {
            var fields = string.Join("|", Module.Lists(after)!.Fields.Values.Select(v => v?.ToString()));
            var facts = string.Join("|", verdict.Events.SelectMany(e => Module.Facts(before, after, e).Values));
            foreach (var secret in new[] { "张秀英", "13812345678", "李志愿", "13900001111", "我叫" })
            {
                Assert.DoesNotContain(secret, fields);
                Assert.DoesNotContain(secret, facts);
            }
        }
    }

    [Property]
    public void Only_the_claimer_or_staff_fulfil_and_only_staff_publish(int[] moves)
    {
        foreach (var (before, command, _, _) in Play(moves).Where(t => t.Verdict.IsAccepted))
        {
            if (command is FulfilWish or ReleaseClaim)
                Assert.True(WishModule.IsClaimer(before, command.By) || command.By.Role is ActorRole.Dispatcher or ActorRole.Admin);
            if (command is PublishWish or RejectWish)
                Assert.True(command.By.Role is ActorRole.Dispatcher or ActorRole.Admin);
        }
    }
}
