using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Projects;

// 项目清单: a service project a street (organizer) or community (dispatcher) publishes, units claim
// (认领) with a written commitment, staff approve or decline each claim, approved units report
// progress per milestone, staff close it. Claims live in the project's own event stream, so "the
// number of places taken never exceeds the number wanted" is decided atomically by the engine.

public enum ProjectStatus { None, Draft, Published, Full, InProgress, Closed, Cancelled }

public enum ClaimStatus { Pending, Approved, Declined }

public static class ProjectStatusCodes
{
    /// <summary>snake_case, as lists and the API show it.</summary>
    public static string Code(this ProjectStatus s) => s switch
    {
        ProjectStatus.InProgress => "in_progress",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static string Chinese(this ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => "草稿",
        ProjectStatus.Published => "认领中",
        ProjectStatus.Full => "名额已满",
        ProjectStatus.InProgress => "实施中",
        ProjectStatus.Closed => "已结项",
        ProjectStatus.Cancelled => "已取消",
        _ => "未知",
    };

    public static bool IsEnded(this ProjectStatus s) => s is ProjectStatus.Closed or ProjectStatus.Cancelled;
}

/// <summary>A milestone of the plan: what is due by when (a date, Beijing time noon is not assumed: the instant given).</summary>
public sealed record Milestone(string Id, string Title, DateTimeOffset DueAt);

/// <summary>A unit's 认领: what it commits to provide and by when. A pending or approved claim holds a place.</summary>
public sealed record Claim(string ClaimId, string UnitId, string UnitName, string Commitment, DateTimeOffset ProvideBy,
    ClaimStatus Status, DateTimeOffset ClaimedAt, DateTimeOffset? DecidedAt = null, string? DeclineReason = null)
{
    public bool HoldsPlace => Status is ClaimStatus.Pending or ClaimStatus.Approved;
}

/// <summary>A unit's progress report on one milestone, with sanitized photo ids (the photo pipeline's).</summary>
public sealed record MilestoneReport(string MilestoneId, string UnitId, string Text, IReadOnlyList<string> PhotoIds, DateTimeOffset At);

public static class ProjectCategories
{
    /// <summary>The categories of 财源街道's 项目清单 (seed 000), plus 其他.</summary>
    public static readonly IReadOnlyList<string> All = ["医疗健康", "法律服务", "党建联建", "文化教育", "帮贫解困", "其他"];
}

public static class ProjectLimits
{
    public const int TitleMax = 60;
    public const int GoalMax = 1000;
    public const int NeedIdsMax = 20;
    public const int UnitsWantedMax = 100;
    public const int MilestonesMax = 12;
    public const int MilestoneTitleMax = 60;
    public const int CommitmentMax = 500;
    public const int ReportMax = 1000;
    public const int ReportPhotosMax = 6;
    public const int ReasonMax = 200;
    public const int UnitNameMax = 60;
    /// <summary>How long before a milestone's due time its units are reminded (催办).</summary>
    public static readonly TimeSpan RemindBefore = TimeSpan.FromDays(3);
}

public sealed record ProjectState
{
    public static readonly ProjectState Initial = new();

    public string Id { get; init; } = "";
    public ProjectStatus Status { get; init; }
    public int Version { get; init; }
    public string StreetId { get; init; } = "";
    /// <summary>Null for a street-wide project (an organizer's); a community's id for a dispatcher's.</summary>
    public string? CommunityId { get; init; }
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public string Goal { get; init; } = "";
    public IReadOnlyList<string> NeedIds { get; init; } = [];
    public DateTimeOffset StartsOn { get; init; }
    public DateTimeOffset EndsOn { get; init; }
    public int UnitsWanted { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<Claim> Claims { get; init; } = [];
    public IReadOnlyList<MilestoneReport> Reports { get; init; } = [];
    /// <summary>Milestones whose deadline passed with a report missing and went to staff (督办).</summary>
    public IReadOnlyList<string> EscalatedMilestones { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset StatusSince { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? Summary { get; init; }
    public Actor? CreatedBy { get; init; }

    public int PlacesTaken => Claims.Count(c => c.HoldsPlace);
    public int Approved => Claims.Count(c => c.Status == ClaimStatus.Approved);
    public int PlacesLeft => UnitsWanted - PlacesTaken;
    public IEnumerable<string> ApprovedUnits => Claims.Where(c => c.Status == ClaimStatus.Approved).Select(c => c.UnitId);

    /// <summary>Milestones some approved unit still owes a report on.</summary>
    public IEnumerable<Milestone> Outstanding => Milestones.Where(m =>
        ApprovedUnits.Any(u => !Reports.Any(r => r.MilestoneId == m.Id && r.UnitId == u)));
}

public abstract record ProjectCommand
{
    public required Actor By { get; init; }
}

public sealed record DraftProject : ProjectCommand
{
    public required string ProjectId { get; init; }
    public required string StreetId { get; init; }
    public string? CommunityId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Goal { get; init; }
    public IReadOnlyList<string> NeedIds { get; init; } = [];
    public required DateTimeOffset StartsOn { get; init; }
    public required DateTimeOffset EndsOn { get; init; }
    public required int UnitsWanted { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
}

public sealed record PublishProject : ProjectCommand;

public sealed record ClaimProject : ProjectCommand
{
    public required string ClaimId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string Commitment { get; init; }
    public required DateTimeOffset ProvideBy { get; init; }
}

public sealed record ApproveClaim : ProjectCommand
{
    public required string ClaimId { get; init; }
}

public sealed record DeclineClaim : ProjectCommand
{
    public required string ClaimId { get; init; }
    public required string Reason { get; init; }
}

public sealed record StartProject : ProjectCommand;

public sealed record ReportMilestone : ProjectCommand
{
    public required string UnitId { get; init; }
    public required string MilestoneId { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}

/// <summary>The timer's: a milestone's deadline passed with a report missing (督办 to staff).</summary>
public sealed record EscalateMilestone : ProjectCommand
{
    public required string MilestoneId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
}

public sealed record CloseProject : ProjectCommand
{
    public required string Summary { get; init; }
}

public sealed record CancelProject : ProjectCommand
{
    public required string Reason { get; init; }
}

public abstract record ProjectEvent
{
    public required string ProjectId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Actor By { get; init; }
}

public sealed record ProjectDrafted : ProjectEvent
{
    public required string StreetId { get; init; }
    public string? CommunityId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Goal { get; init; }
    public IReadOnlyList<string> NeedIds { get; init; } = [];
    public required DateTimeOffset StartsOn { get; init; }
    public required DateTimeOffset EndsOn { get; init; }
    public required int UnitsWanted { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
}

public sealed record ProjectPublished : ProjectEvent;

public sealed record ProjectClaimed : ProjectEvent
{
    public required string ClaimId { get; init; }
    public required string UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string Commitment { get; init; }
    public required DateTimeOffset ProvideBy { get; init; }
}

public sealed record ClaimApproved : ProjectEvent
{
    public required string ClaimId { get; init; }
    public required string UnitId { get; init; }
}

public sealed record ClaimDeclined : ProjectEvent
{
    public required string ClaimId { get; init; }
    public required string UnitId { get; init; }
    public required string Reason { get; init; }
}

public sealed record ProjectStarted : ProjectEvent;

public sealed record MilestoneReported : ProjectEvent
{
    public required string UnitId { get; init; }
    public required string MilestoneId { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> PhotoIds { get; init; } = [];
}

public sealed record MilestoneEscalated : ProjectEvent
{
    public required string MilestoneId { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}

public sealed record ProjectClosed : ProjectEvent
{
    public required string Summary { get; init; }
}

public sealed record ProjectCancelled : ProjectEvent
{
    public required string Reason { get; init; }
}
