using FsCheck.Xunit;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Xunit;
using static Gongjian.Domain.Tests.Deliberations.DeliberationFixtures;

namespace Gongjian.Domain.Tests.Deliberations;

/// <summary>
/// Whatever people vote, in any order and at any time: one vote per person, none after the deadline, and the tally is
/// exactly the votes accepted; and whatever order the decision's orders and projects end in, the decision is delivered
/// exactly when the last one ends.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class DeliberationPropertyTests
{
    [Property]
    public void The_tally_counts_each_voter_once_and_nothing_after_the_deadline(int[] moves)
    {
        var s = Scheduled();
        var accepted = new Dictionary<string, string>();
        foreach (var m in moves)
        {
            var n = m & 0x7fffffff;
            var voter = $"pk{n % 7}";
            var choice = (n / 7 % 3) switch { 0 => VoteChoice.For, 1 => VoteChoice.Against, _ => VoteChoice.Abstain };
            var at = MeetingAt.AddMinutes(n / 21 % 120); // some after the 90-minute deadline
            var v = Module.Decide(s, new CastVote { By = Resident, VoterKey = voter, Choice = choice }, at);
            if (v.IsAccepted)
            {
                Assert.True(at < VoteClosesAt);
                Assert.False(accepted.ContainsKey(voter));
                accepted[voter] = choice;
                s = v.Events.Aggregate(s, Module.Evolve);
            }
            else Assert.True(at >= VoteClosesAt || accepted.ContainsKey(voter));
        }
        Assert.Equal(accepted.Count, s.Tally.Cast);
        Assert.Equal(accepted.Values.Count(c => c == VoteChoice.For), s.Tally.For);
        Assert.Equal(accepted.Values.Count(c => c == VoteChoice.Against), s.Tally.Against);
        var closed = Run(s, new CloseVote { By = Actor.System }, VoteClosesAt);
        Assert.Equal(VoteRule.Passes(VoteRule.SimpleMajority, s.Tally), closed.VotePassed);
    }

    [Property]
    public void The_decision_is_delivered_exactly_when_its_last_action_ends(byte orders, int[] ends)
    {
        var count = orders % 4 + 1;
        var s = Decided([.. Enumerable.Range(1, count).Select(i => new PlannedAction(ActionKind.Order, $"事项{i}", "repair", "东门")),
            new PlannedAction(ActionKind.Project, "项目", ProjectId: "pj1")]);
        var at = VoteClosesAt.AddHours(1);
        foreach (var e in ends)
        {
            var n = e & 0x7fffffff;
            var no = n % (count + 1) + 1;
            at = at.AddMinutes(5);
            var link = n / 16 % 2 == 0;
            var command = link ? (DeliberationCommand)new LinkAction { By = Dispatcher, ActionNo = no, TargetId = $"o{no}" }
                : new CompleteAction { By = Actor.System, TargetId = no == count + 1 ? "pj1" : $"o{no}", Outcome = n / 32 % 2 == 0 ? ActionOutcome.Completed : ActionOutcome.Cancelled };
            var v = Module.Decide(s, command, at);
            if (!v.IsAccepted) continue;
            var wasDelivered = s.Status == DeliberationStatus.Delivered;
            s = v.Events.Aggregate(s, Module.Evolve);
            Assert.False(wasDelivered); // nothing is accepted once delivered
            Assert.Equal(s.AllActionsDone, s.Status == DeliberationStatus.Delivered);
        }
        Assert.Equal(s.AllActionsDone, s.Status == DeliberationStatus.Delivered);
    }
}
