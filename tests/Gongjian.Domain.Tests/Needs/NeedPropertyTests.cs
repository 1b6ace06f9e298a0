using FsCheck.Xunit;
using Gongjian.Domain.Needs;
using Gongjian.Domain.Orders;
using Xunit;

namespace Gongjian.Domain.Tests.Needs;

/// <summary>Invariants over random scripts of need commands from staff and others, run from no need at all.</summary>
[Properties(MaxTest = 300)]
public sealed class NeedPropertyTests
{
    private static readonly Actor[] Actors = [NeedFixture.Dispatcher, new(ActorRole.Organizer, "key-org"), new(ActorRole.Admin, "key-admin"), new(ActorRole.Liaison, "u1")];

    public sealed record Turn(NeedState Before, NeedCommand Command, Verdict<NeedEvent> Verdict, NeedState After, IReadOnlyList<NeedEvent> History);

    public static List<Turn> Run(int[] script)
    {
        var turns = new List<Turn>();
        var s = NeedState.Initial;
        var history = new List<NeedEvent>();
        foreach (var raw in script)
        {
            var n = Math.Abs((long)raw);
            var by = Actors[n / 5 % Actors.Length];
            NeedCommand command = (n % 5) switch
            {
                0 => NeedFixture.Record() with { By = by, Description = n % 3 == 0 ? "电话 13805381234，老人需要助餐。" : "需要助餐。" },
                1 => new MatchNeed { By = by, UnitId = n % 3 == 0 ? null : $"u{n % 3}", UnitName = "单位", ProjectId = n % 2 == 0 ? "pj1" : null },
                2 => new MeetNeed { By = by, Note = n % 7 == 0 ? "" : "已满足。" },
                3 => new CloseNeed { By = by, Reason = n % 7 == 0 ? "" : "重复。" },
                _ => new MatchNeed { By = by, UnitId = "u1", UnitName = "单位" },
            };
            var verdict = NeedFixture.Module.Decide(s, command, NeedFixture.Now);
            var before = s;
            if (verdict.IsAccepted)
            {
                history.AddRange(verdict.Events);
                s = verdict.Events.Aggregate(s, NeedFixture.Module.Evolve);
            }
            turns.Add(new Turn(before, command, verdict, s, history.ToList()));
        }
        return turns;
    }

    [Property]
    public void Only_staff_change_a_need_and_an_ended_need_stays_as_it_ended(int[] script)
    {
        foreach (var t in Run(script))
        {
            if (t.Verdict.IsAccepted) Assert.NotEqual(ActorRole.Liaison, t.Command.By.Role);
            if (t.Before.Status.IsEnded()) { Assert.False(t.Verdict.IsAccepted); Assert.Same(t.Before, t.After); }
        }
    }

    [Property]
    public void No_event_holds_a_phone_number_and_matched_needs_name_a_unit_or_project(int[] script)
    {
        foreach (var t in Run(script))
        {
            foreach (var e in t.Verdict.Events.OfType<NeedRecorded>()) Assert.DoesNotContain("13805381234", e.Description);
            if (t.After.Status == NeedStatus.Matched) Assert.True(t.After.UnitId is not null || t.After.ProjectId is not null);
        }
    }

    [Property]
    public void Version_counts_events_replay_gives_the_state_and_refusals_change_nothing(int[] script)
    {
        foreach (var t in Run(script))
        {
            Assert.Equal(t.History.Count, t.After.Version);
            Assert.Equal(NeedFixture.Module.Replay(t.History), t.After);
            if (!t.Verdict.IsAccepted) { Assert.Empty(t.Verdict.Events); Assert.Same(t.Before, t.After); }
        }
    }
}
