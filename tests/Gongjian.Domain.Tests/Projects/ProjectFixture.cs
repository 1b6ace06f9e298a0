using Xunit;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;

namespace Gongjian.Domain.Tests.Projects;

public enum ProjectCommandKind { Draft, Publish, Claim, Approve, Decline, Start, Report, Escalate, Close, Cancel }

/// <summary>Projects in every status, built through the rules, and valid commands sent by someone allowed to send them.</summary>
public static class ProjectFixture
{
    public static readonly ProjectModule Module = new();
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
    public static DateTimeOffset Now => T0.AddHours(1);

    public static readonly Actor Organizer = new(ActorRole.Organizer, "key-org");
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-disp");
    public static Actor Liaison(string unit) => new(ActorRole.Liaison, unit);

    public static DraftProject Draft(int unitsWanted = 2, string id = "p1") => new()
    {
        By = Organizer, ProjectId = id, StreetId = "caiyuan", Title = "健康服务在身边", Category = "医疗健康",
        Goal = "为辖区老人提供义诊与健康讲座。", NeedIds = ["n1"], StartsOn = T0.AddDays(1), EndsOn = T0.AddDays(90), UnitsWanted = unitsWanted,
        Milestones = [new("m1", "首场义诊", T0.AddDays(30)), new("m2", "健康讲座", T0.AddDays(60))],
    };

    public static ClaimProject Claim(string unit, string claimId) => new()
    {
        By = Liaison(unit), ClaimId = claimId, UnitId = unit, UnitName = $"单位{unit}", Commitment = "每月派两名医生义诊。", ProvideBy = T0.AddDays(20),
    };

    public static ProjectState Apply(ProjectState s, ProjectCommand c, DateTimeOffset? now = null)
    {
        var v = Module.Decide(s, c, now ?? Now);
        Assert.True(v.IsAccepted, v.Rejection?.Code);
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static ProjectState Given(ProjectStatus status)
    {
        var s = ProjectState.Initial;
        if (status == ProjectStatus.None) return s;
        s = Apply(s, Draft());
        if (status == ProjectStatus.Cancelled) return Apply(s, new CancelProject { By = Organizer, Reason = "计划调整" });
        if (status == ProjectStatus.Draft) return s;
        s = Apply(s, new PublishProject { By = Organizer });
        s = Apply(s, Claim("u1", "c1"));
        if (status == ProjectStatus.Published) return s;
        if (status == ProjectStatus.Full) return Apply(s, Claim("u2", "c2"));
        s = Apply(s, new ApproveClaim { By = Organizer, ClaimId = "c1" });
        s = Apply(s, new StartProject { By = Organizer });
        if (status == ProjectStatus.InProgress) return s;
        return Apply(s, new CloseProject { By = Organizer, Summary = "圆满完成。" });
    }

    public static (ProjectCommand Command, DateTimeOffset Now) Command(ProjectCommandKind kind, ProjectState s) => kind switch
    {
        ProjectCommandKind.Draft => (Draft(), Now),
        ProjectCommandKind.Publish => (new PublishProject { By = Organizer }, Now),
        ProjectCommandKind.Claim => (Claim("u3", "c3"), Now),
        ProjectCommandKind.Approve => (new ApproveClaim { By = Dispatcher, ClaimId = "c1" }, Now),
        ProjectCommandKind.Decline => (new DeclineClaim { By = Dispatcher, ClaimId = "c1", Reason = "服务范围不符" }, Now),
        ProjectCommandKind.Start => (new StartProject { By = Organizer }, Now),
        ProjectCommandKind.Report => (new ReportMilestone { By = Liaison("u1"), UnitId = "u1", MilestoneId = "m1", Text = "已完成首场义诊，服务 40 人次。", PhotoIds = ["ph1"] }, Now),
        ProjectCommandKind.Escalate => (new EscalateMilestone { By = Actor.System, MilestoneId = "m1", StartedAt = s.StartedAt ?? Now }, T0.AddDays(31)),
        ProjectCommandKind.Close => (new CloseProject { By = Organizer, Summary = "圆满完成。" }, Now),
        ProjectCommandKind.Cancel => (new CancelProject { By = Organizer, Reason = "计划调整" }, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
