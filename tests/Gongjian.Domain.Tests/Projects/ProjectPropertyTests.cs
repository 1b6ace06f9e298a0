using FsCheck.Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Xunit;

namespace Gongjian.Domain.Tests.Projects;

/// <summary>
/// Invariants that hold whatever staff and units do, in any order: a random script (each number picks a
/// command, its actor, unit, claim and milestone, and how far time moves) is run from no project at all;
/// accepted events are applied, refused commands skipped.
/// </summary>
[Properties(MaxTest = 400)]
public sealed class ProjectPropertyTests
{
    private static readonly ProjectModule Module = ProjectFixture.Module;
    private static readonly Actor[] Staff = [ProjectFixture.Organizer, ProjectFixture.Dispatcher, new(ActorRole.Admin, "key-admin")];
    private static readonly string[] Units = ["u1", "u2", "u3", "u4"];

    public sealed record Turn(ProjectState Before, ProjectCommand Command, Verdict<ProjectEvent> Verdict, ProjectState After, IReadOnlyList<ProjectEvent> History);

    public static List<Turn> Run(int[] script)
    {
        var turns = new List<Turn>();
        var s = ProjectState.Initial;
        var history = new List<ProjectEvent>();
        var now = ProjectFixture.Now;
        foreach (var raw in script)
        {
            var n = Math.Abs((long)raw);
            var unit = Units[(int)(n / 13 % Units.Length)];
            // Sometimes a liaison of another unit, or staff, sends what a unit should: the rules must refuse it.
            var liaison = n % 7 == 0 ? ProjectFixture.Liaison(Units[(int)((n / 13 + 1) % Units.Length)]) : n % 11 == 0 ? Staff[0] : ProjectFixture.Liaison(unit);
            var staff = n % 17 == 0 ? ProjectFixture.Liaison(unit) : Staff[n % Staff.Length];
            var claimId = $"c{n / 10 % 4}";
            var milestone = n / 3 % 3 == 0 ? "m1" : n / 3 % 3 == 1 ? "m2" : "m9";
            ProjectCommand command = (n % 10) switch
            {
                0 => ProjectFixture.Draft(unitsWanted: (int)(n / 10 % 3) + 1) with { By = staff },
                1 => new PublishProject { By = staff },
                2 or 3 => ProjectFixture.Claim(unit, claimId) with { By = liaison },
                4 => new ApproveClaim { By = staff, ClaimId = claimId },
                5 => new DeclineClaim { By = staff, ClaimId = claimId, Reason = n % 19 == 0 ? "" : "不符合" },
                6 => new StartProject { By = staff },
                7 => new ReportMilestone { By = liaison, UnitId = unit, MilestoneId = milestone, Text = "进展顺利。", PhotoIds = ["ph"] },
                8 => new EscalateMilestone { By = Actor.System, MilestoneId = milestone, StartedAt = s.StartedAt ?? now },
                _ => n / 10 % 3 != 0 ? new CloseProject { By = staff, Summary = "完成。" } : new CancelProject { By = staff, Reason = "调整" },
            };
            now = now.AddDays(n % 4);
            var verdict = Module.Decide(s, command, now);
            var before = s;
            if (verdict.IsAccepted)
            {
                history.AddRange(verdict.Events);
                s = verdict.Events.Aggregate(s, Module.Evolve);
            }
            turns.Add(new Turn(before, command, verdict, s, history.ToList()));
        }
        return turns;
    }

    [Property]
    public void Places_taken_and_approved_claims_never_exceed_the_units_wanted(int[] script)
    {
        foreach (var t in Run(script).Where(t => t.After.Status != ProjectStatus.None))
        {
            Assert.InRange(t.After.PlacesTaken, 0, t.After.UnitsWanted);
            Assert.InRange(t.After.Approved, 0, t.After.UnitsWanted);
        }
    }

    [Property]
    public void A_unit_holds_at_most_one_place_and_claim_ids_are_unique(int[] script)
    {
        foreach (var s in Run(script).Select(t => t.After))
        {
            var holders = s.Claims.Where(c => c.HoldsPlace).Select(c => c.UnitId).ToList();
            Assert.Equal(holders.Count, holders.Distinct().Count());
            Assert.Equal(s.Claims.Count, s.Claims.Select(c => c.ClaimId).Distinct().Count());
        }
    }

    [Property]
    public void Only_an_approved_unit_reports_and_only_its_own_once_per_milestone(int[] script)
    {
        foreach (var t in Run(script))
            foreach (var r in t.Verdict.Events.OfType<MilestoneReported>())
            {
                Assert.Contains(r.UnitId, t.Before.ApprovedUnits);
                Assert.Equal((ActorRole.Liaison, r.UnitId), (r.By.Role, r.By.Id));
                Assert.DoesNotContain(t.Before.Reports, x => x.UnitId == r.UnitId && x.MilestoneId == r.MilestoneId);
                Assert.Equal(ProjectStatus.InProgress, t.Before.Status);
            }
    }

    [Property]
    public void Full_means_no_place_left_before_the_project_starts(int[] script)
    {
        foreach (var s in Run(script).Select(t => t.After))
        {
            if (s.Status == ProjectStatus.Full) Assert.Equal(0, s.PlacesLeft);
            if (s.Status == ProjectStatus.Published) Assert.True(s.PlacesLeft > 0);
        }
    }

    [Property]
    public void An_ended_project_stays_as_it_ended(int[] script)
    {
        foreach (var t in Run(script).Where(t => t.Before.Status.IsEnded()))
        {
            Assert.False(t.Verdict.IsAccepted);
            Assert.Same(t.Before, t.After);
        }
    }

    [Property]
    public void Started_projects_have_an_approved_unit_and_claims_come_from_their_own_liaison(int[] script)
    {
        foreach (var t in Run(script))
        {
            if (t.Verdict.Events.Any(e => e is ProjectStarted)) Assert.True(t.Before.Approved > 0);
            foreach (var c in t.Verdict.Events.OfType<ProjectClaimed>()) Assert.Equal((ActorRole.Liaison, c.UnitId), (c.By.Role, c.By.Id));
        }
    }

    [Property]
    public void Version_counts_events_replay_gives_the_state_and_refusals_change_nothing(int[] script)
    {
        foreach (var t in Run(script))
        {
            Assert.Equal(t.History.Count, t.After.Version);
            Assert.Equal(Module.Replay(t.History).Version, t.After.Version);
            Assert.Equal(Module.Replay(t.History).Status, t.After.Status);
            if (t.Verdict.IsAccepted) Assert.Single(t.Verdict.Events);
            else { Assert.Empty(t.Verdict.Events); Assert.Same(t.Before, t.After); }
        }
    }

    [Property]
    public void Timers_exist_only_in_progress_and_a_stale_timer_is_never_run(int[] script)
    {
        foreach (var t in Run(script))
        {
            var timers = Module.Timers(t.After);
            if (t.After.Status != ProjectStatus.InProgress) Assert.Empty(timers);
            foreach (var timer in timers)
            {
                Assert.Equal(t.After.StartedAt, timer.StartedAt);
                var wake = Module.OnTimer(t.After, timer, timer.FireAt);
                if (timer.Stage == TimerStage.Due)
                {
                    var run = Assert.IsType<Wake<ProjectCommand>.Run>(wake);
                    Assert.True(Module.Decide(t.After, run.Command, timer.FireAt).IsAccepted);
                }
                else Assert.IsType<Wake<ProjectCommand>.Remind>(wake);
            }
        }
    }

    /// <summary>The scripts reach every status and every event, so the properties above are about something.</summary>
    [Fact]
    public void Random_scripts_reach_every_status_and_event()
    {
        var random = new Random(11);
        var statuses = new HashSet<ProjectStatus>();
        var events = new HashSet<string>();
        for (var i = 0; i < 3000; i++)
            foreach (var t in Run([.. Enumerable.Range(0, 40).Select(_ => random.Next(0, 200))]))
            {
                statuses.Add(t.After.Status);
                foreach (var e in t.Verdict.Events) events.Add(e.GetType().Name);
            }
        Assert.Empty(Enum.GetValues<ProjectStatus>().Except(statuses));
        Assert.Empty(typeof(ProjectEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProjectEvent))).Select(t => t.Name).Except(events));
    }
}
