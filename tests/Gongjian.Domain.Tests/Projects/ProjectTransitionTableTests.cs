using Xunit;
using Gongjian.Domain.Projects;
using static Gongjian.Domain.Projects.ProjectStatus;
using static Gongjian.Domain.Tests.Projects.ProjectCommandKind;
using K = Gongjian.Domain.Tests.Projects.ProjectCommandKind;

namespace Gongjian.Domain.Tests.Projects;

/// <summary>
/// The project cycle as a table: every status (None = no project yet) against every command, each
/// sent by someone allowed to, with valid arguments. Published and Full hold claim c1 (u1, pending)
/// of 2 places (Full also c2); InProgress has c1 approved. Expected: the new status or the rejection code.
/// </summary>
public sealed class ProjectTransitionTableTests
{
    public static readonly TheoryData<ProjectStatus, ProjectCommandKind, string> Table = new()
    {
        { None, K.Draft, "Draft" }, { None, Publish, "project_not_found" }, { None, K.Claim, "project_not_found" },
        { None, Approve, "project_not_found" }, { None, Decline, "project_not_found" }, { None, Start, "project_not_found" },
        { None, Report, "project_not_found" }, { None, Escalate, "project_not_found" }, { None, Close, "project_not_found" },
        { None, Cancel, "project_not_found" },

        { ProjectStatus.Draft, K.Draft, "project_exists" }, { ProjectStatus.Draft, Publish, "Published" }, { ProjectStatus.Draft, K.Claim, "project_draft" },
        { ProjectStatus.Draft, Approve, "project_draft" }, { ProjectStatus.Draft, Decline, "project_draft" }, { ProjectStatus.Draft, Start, "project_draft" },
        { ProjectStatus.Draft, Report, "project_draft" }, { ProjectStatus.Draft, Escalate, "timer_stale" }, { ProjectStatus.Draft, Close, "project_draft" },
        { ProjectStatus.Draft, Cancel, "Cancelled" },

        { Published, K.Draft, "project_exists" }, { Published, Publish, "project_published" }, { Published, K.Claim, "Full" },
        { Published, Approve, "Published" }, { Published, Decline, "Published" }, { Published, Start, "no_approved_claim" },
        { Published, Report, "project_published" }, { Published, Escalate, "timer_stale" }, { Published, Close, "project_published" },
        { Published, Cancel, "Cancelled" },

        { Full, K.Draft, "project_exists" }, { Full, Publish, "project_full" }, { Full, K.Claim, "project_full" },
        { Full, Approve, "Full" }, { Full, Decline, "Published" }, { Full, Start, "no_approved_claim" },
        { Full, Report, "project_full" }, { Full, Escalate, "timer_stale" }, { Full, Close, "project_full" },
        { Full, Cancel, "Cancelled" },

        { InProgress, K.Draft, "project_exists" }, { InProgress, Publish, "project_in_progress" }, { InProgress, K.Claim, "InProgress" },
        { InProgress, Approve, "claim_decided" }, { InProgress, Decline, "claim_decided" }, { InProgress, Start, "project_in_progress" },
        { InProgress, Report, "InProgress" }, { InProgress, Escalate, "InProgress" }, { InProgress, Close, "Closed" },
        { InProgress, Cancel, "Cancelled" },

        { Closed, K.Draft, "project_exists" }, { Closed, Publish, "project_closed" }, { Closed, K.Claim, "project_closed" },
        { Closed, Approve, "project_closed" }, { Closed, Decline, "project_closed" }, { Closed, Start, "project_closed" },
        { Closed, Report, "project_closed" }, { Closed, Escalate, "timer_stale" }, { Closed, Close, "project_closed" },
        { Closed, Cancel, "project_closed" },

        { Cancelled, K.Draft, "project_exists" }, { Cancelled, Publish, "project_cancelled" }, { Cancelled, K.Claim, "project_cancelled" },
        { Cancelled, Approve, "project_cancelled" }, { Cancelled, Decline, "project_cancelled" }, { Cancelled, Start, "project_cancelled" },
        { Cancelled, Report, "project_cancelled" }, { Cancelled, Escalate, "timer_stale" }, { Cancelled, Close, "project_cancelled" },
        { Cancelled, Cancel, "project_cancelled" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Status_and_command_lead_to(ProjectStatus status, ProjectCommandKind kind, string expected)
    {
        var s = ProjectFixture.Given(status);
        Assert.Equal(status, s.Status);
        var (command, now) = ProjectFixture.Command(kind, s);
        var verdict = ProjectFixture.Module.Decide(s, command, now);
        var outcome = verdict.IsAccepted ? verdict.Events.Aggregate(s, ProjectFixture.Module.Evolve).Status.ToString() : verdict.Rejection!.Code;
        Assert.Equal(expected, outcome);
        if (!verdict.IsAccepted) Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", verdict.Rejection!.Message);
    }

    [Fact]
    public void Table_covers_every_status_and_command()
    {
        var pairs = Table.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(Enum.GetValues<ProjectStatus>().Length * Enum.GetValues<ProjectCommandKind>().Length, pairs.Count);
    }
}
