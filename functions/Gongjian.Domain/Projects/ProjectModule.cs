using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Projects;

/// <summary>
/// 项目清单 as a module of the engine: <see cref="Decide"/> is one switch on (status, command) — the
/// transition table; <see cref="Evolve"/> applies an event. Places: a pending or approved claim holds
/// one, so two units claiming the last place are decided one after the other on the same stream and
/// the second is refused (<c>project_full</c>). Scopes (a dispatcher's community, an organizer's
/// street, a liaison's unit) are checked by the HTTP layer against the state; roles here.
/// </summary>
public sealed class ProjectModule : Module<ProjectState, ProjectCommand, ProjectEvent>
{
    public override string Name => "project";
    public override ProjectState Initial => ProjectState.Initial;
    public override string IdOf(ProjectState state) => state.Id;
    public override int VersionOf(ProjectState state) => state.Version;

    public static string StreetList(string id) => $"s-{id}";
    public static string CommunityList(string id) => $"c-{id}";
    public static string UnitList(string id) => $"u-{id}";
    public static string MilestoneStep(string milestoneId) => $"m-{milestoneId}";

    private static bool IsStaff(Actor a) => a.Role is ActorRole.Organizer or ActorRole.Dispatcher or ActorRole.Admin;

    public override Verdict<ProjectEvent> Decide(ProjectState s, ProjectCommand command, DateTimeOffset now)
    {
        if (s.Status == ProjectStatus.None && command is not DraftProject) return Refuse("project_not_found", RejectionKind.Conflict, "项目不存在。");
        if (s.Status != ProjectStatus.None && command is DraftProject) return Refuse("project_exists", RejectionKind.Conflict, "项目已存在。");
        var forbidden = command switch
        {
            ClaimProject or ReportMilestone => command.By.Role != ActorRole.Liaison,
            EscalateMilestone => command.By.Role != ActorRole.System,
            _ => !IsStaff(command.By),
        };
        if (forbidden) return Refuse("role_forbidden", RejectionKind.Forbidden, "您无权办理此事项。");

        return (s.Status, command) switch
        {
            (ProjectStatus.None, DraftProject d) => Draft(d, now),
            (ProjectStatus.Draft, PublishProject) => Accept(new ProjectPublished { ProjectId = s.Id, OccurredAt = now, By = command.By }),
            (ProjectStatus.Full, ClaimProject) => Refuse("project_full", RejectionKind.Conflict, "项目认领名额已满。"),
            (ProjectStatus.Published or ProjectStatus.InProgress, ClaimProject c) => Claim(s, c, now),
            (ProjectStatus.Published or ProjectStatus.Full or ProjectStatus.InProgress, ApproveClaim a) => Approve(s, a, now),
            (ProjectStatus.Published or ProjectStatus.Full or ProjectStatus.InProgress, DeclineClaim d) => Decline(s, d, now),
            (ProjectStatus.Published or ProjectStatus.Full, StartProject) when s.Approved == 0 =>
                Refuse("no_approved_claim", RejectionKind.Conflict, "尚无审核通过的认领单位，不能开始实施。"),
            (ProjectStatus.Published or ProjectStatus.Full, StartProject) => Accept(new ProjectStarted { ProjectId = s.Id, OccurredAt = now, By = command.By }),
            (ProjectStatus.InProgress, ReportMilestone r) => Report(s, r, now),
            (ProjectStatus.InProgress, EscalateMilestone e) => Escalate(s, e, now),
            (_, EscalateMilestone) => Refuse("timer_stale", RejectionKind.Conflict, "该节点已无需督办。"),
            (ProjectStatus.InProgress, CloseProject c) when Text(c.Summary, ProjectLimits.GoalMax) is null =>
                Refuse("summary_invalid", RejectionKind.Invalid, $"请填写结项总结（{ProjectLimits.GoalMax} 字以内）。"),
            (ProjectStatus.InProgress, CloseProject c) => Accept(new ProjectClosed { ProjectId = s.Id, OccurredAt = now, By = command.By, Summary = c.Summary.Trim() }),
            (not (ProjectStatus.Closed or ProjectStatus.Cancelled), CancelProject c) when Text(c.Reason, ProjectLimits.ReasonMax) is null =>
                Refuse("reason_invalid", RejectionKind.Invalid, $"请填写原因（{ProjectLimits.ReasonMax} 字以内）。"),
            (not (ProjectStatus.Closed or ProjectStatus.Cancelled), CancelProject c) => Accept(new ProjectCancelled { ProjectId = s.Id, OccurredAt = now, By = command.By, Reason = c.Reason.Trim() }),
            _ => Refuse($"project_{s.Status.Code()}", RejectionKind.Conflict, $"项目{s.Status.Chinese()}，不能这样办理。"),
        };
    }

    private static Verdict<ProjectEvent> Draft(DraftProject d, DateTimeOffset now)
    {
        if (d.By.Role == ActorRole.Dispatcher && string.IsNullOrWhiteSpace(d.CommunityId))
            return Refuse("community_required", RejectionKind.Invalid, "社区发布的项目须指明社区。");
        if (Text(d.Title, ProjectLimits.TitleMax) is null) return Refuse("title_invalid", RejectionKind.Invalid, $"请填写项目名称（{ProjectLimits.TitleMax} 字以内）。");
        if (!ProjectCategories.All.Contains(d.Category)) return Refuse("category_invalid", RejectionKind.Invalid, "项目类别不在清单内。");
        if (Text(d.Goal, ProjectLimits.GoalMax) is null) return Refuse("goal_invalid", RejectionKind.Invalid, $"请填写项目目标（{ProjectLimits.GoalMax} 字以内）。");
        if (d.NeedIds.Count > ProjectLimits.NeedIdsMax || d.NeedIds.Any(string.IsNullOrWhiteSpace) || d.NeedIds.Distinct().Count() != d.NeedIds.Count)
            return Refuse("needs_invalid", RejectionKind.Invalid, $"关联需求最多 {ProjectLimits.NeedIdsMax} 条，且不能重复。");
        if (d.EndsOn <= d.StartsOn) return Refuse("period_invalid", RejectionKind.Invalid, "项目结束时间须晚于开始时间。");
        if (d.UnitsWanted is < 1 or > ProjectLimits.UnitsWantedMax) return Refuse("units_wanted_invalid", RejectionKind.Invalid, $"认领单位数须在 1 到 {ProjectLimits.UnitsWantedMax} 之间。");
        if (d.Milestones.Count > ProjectLimits.MilestonesMax) return Refuse("milestones_invalid", RejectionKind.Invalid, $"节点最多 {ProjectLimits.MilestonesMax} 个。");
        if (d.Milestones.Any(m => string.IsNullOrWhiteSpace(m.Id) || m.Id.Length > 20 || Text(m.Title, ProjectLimits.MilestoneTitleMax) is null)
            || d.Milestones.Select(m => m.Id).Distinct().Count() != d.Milestones.Count)
            return Refuse("milestones_invalid", RejectionKind.Invalid, $"每个节点须有名称（{ProjectLimits.MilestoneTitleMax} 字以内）。");
        if (d.Milestones.Any(m => m.DueAt < d.StartsOn || m.DueAt > d.EndsOn))
            return Refuse("milestone_due_invalid", RejectionKind.Invalid, "节点时间须在项目周期内。");
        return Accept(new ProjectDrafted
        {
            ProjectId = d.ProjectId, OccurredAt = now, By = d.By, StreetId = d.StreetId,
            CommunityId = string.IsNullOrWhiteSpace(d.CommunityId) ? null : d.CommunityId,
            Title = d.Title.Trim(), Category = d.Category, Goal = d.Goal.Trim(), NeedIds = d.NeedIds,
            StartsOn = d.StartsOn, EndsOn = d.EndsOn, UnitsWanted = d.UnitsWanted,
            Milestones = d.Milestones.Select(m => m with { Title = m.Title.Trim() }).ToList(),
        });
    }

    private static Verdict<ProjectEvent> Claim(ProjectState s, ClaimProject c, DateTimeOffset now)
    {
        if (c.By.Id != c.UnitId) return Refuse("not_own_unit", RejectionKind.Forbidden, "只能为本单位认领。");
        if (s.Claims.Any(x => x.UnitId == c.UnitId && x.HoldsPlace)) return Refuse("claim_exists", RejectionKind.Conflict, "本单位已认领该项目。");
        if (s.Claims.Any(x => x.ClaimId == c.ClaimId)) return Refuse("claim_exists", RejectionKind.Conflict, "本单位已认领该项目。");
        if (s.PlacesLeft <= 0) return Refuse("project_full", RejectionKind.Conflict, "项目认领名额已满。");
        if (Text(c.UnitName, ProjectLimits.UnitNameMax) is null) return Refuse("unit_name_invalid", RejectionKind.Invalid, "请填写单位名称。");
        if (Text(c.Commitment, ProjectLimits.CommitmentMax) is null)
            return Refuse("commitment_invalid", RejectionKind.Invalid, $"请写明承诺提供的服务（{ProjectLimits.CommitmentMax} 字以内）。");
        if (c.ProvideBy < now || c.ProvideBy > s.EndsOn) return Refuse("provide_by_invalid", RejectionKind.Invalid, "承诺完成时间须在今天之后、项目结束之前。");
        return Accept(new ProjectClaimed
        {
            ProjectId = s.Id, OccurredAt = now, By = c.By, ClaimId = c.ClaimId, UnitId = c.UnitId,
            UnitName = c.UnitName.Trim(), Commitment = c.Commitment.Trim(), ProvideBy = c.ProvideBy,
        });
    }

    private static Verdict<ProjectEvent> Approve(ProjectState s, ApproveClaim a, DateTimeOffset now) => s.Claims.FirstOrDefault(x => x.ClaimId == a.ClaimId) switch
    {
        null => Refuse("claim_not_found", RejectionKind.Invalid, "没有这条认领。"),
        { Status: not ClaimStatus.Pending } => Refuse("claim_decided", RejectionKind.Conflict, "这条认领已审核。"),
        var c => Accept(new ClaimApproved { ProjectId = s.Id, OccurredAt = now, By = a.By, ClaimId = c.ClaimId, UnitId = c.UnitId }),
    };

    private static Verdict<ProjectEvent> Decline(ProjectState s, DeclineClaim d, DateTimeOffset now) => s.Claims.FirstOrDefault(x => x.ClaimId == d.ClaimId) switch
    {
        null => Refuse("claim_not_found", RejectionKind.Invalid, "没有这条认领。"),
        { Status: not ClaimStatus.Pending } => Refuse("claim_decided", RejectionKind.Conflict, "这条认领已审核。"),
        _ when Text(d.Reason, ProjectLimits.ReasonMax) is null => Refuse("reason_invalid", RejectionKind.Invalid, $"请填写原因（{ProjectLimits.ReasonMax} 字以内）。"),
        var c => Accept(new ClaimDeclined { ProjectId = s.Id, OccurredAt = now, By = d.By, ClaimId = c.ClaimId, UnitId = c.UnitId, Reason = d.Reason.Trim() }),
    };

    private static Verdict<ProjectEvent> Report(ProjectState s, ReportMilestone r, DateTimeOffset now)
    {
        if (r.By.Id != r.UnitId) return Refuse("not_own_unit", RejectionKind.Forbidden, "只能为本单位填报。");
        if (!s.ApprovedUnits.Contains(r.UnitId)) return Refuse("not_claimer", RejectionKind.Forbidden, "只有审核通过的认领单位可以填报进展。");
        if (s.Milestones.All(m => m.Id != r.MilestoneId)) return Refuse("milestone_not_found", RejectionKind.Invalid, "没有这个项目节点。");
        if (s.Reports.Any(x => x.MilestoneId == r.MilestoneId && x.UnitId == r.UnitId)) return Refuse("milestone_reported", RejectionKind.Conflict, "本单位已填报该节点进展。");
        if (Text(r.Text, ProjectLimits.ReportMax) is null) return Refuse("report_invalid", RejectionKind.Invalid, $"请填写进展（{ProjectLimits.ReportMax} 字以内）。");
        if (r.PhotoIds.Count > ProjectLimits.ReportPhotosMax) return Refuse("too_many_photos", RejectionKind.Invalid, $"照片最多 {ProjectLimits.ReportPhotosMax} 张。");
        return Accept(new MilestoneReported { ProjectId = s.Id, OccurredAt = now, By = r.By, UnitId = r.UnitId, MilestoneId = r.MilestoneId, Text = r.Text.Trim(), PhotoIds = r.PhotoIds });
    }

    private static Verdict<ProjectEvent> Escalate(ProjectState s, EscalateMilestone e, DateTimeOffset now)
    {
        var m = s.Outstanding.FirstOrDefault(x => x.Id == e.MilestoneId);
        if (m is null || s.StartedAt != e.StartedAt || s.EscalatedMilestones.Contains(m.Id) || now < m.DueAt)
            return Refuse("timer_stale", RejectionKind.Conflict, "该节点已无需督办。");
        return Accept(new MilestoneEscalated { ProjectId = s.Id, OccurredAt = now, By = e.By, MilestoneId = m.Id, DueAt = m.DueAt });
    }

    public override ProjectState Evolve(ProjectState s, ProjectEvent e)
    {
        var next = s with { Version = s.Version + 1 };
        var evolved = e switch
        {
            ProjectDrafted d => next with
            {
                Id = d.ProjectId, Status = ProjectStatus.Draft, StreetId = d.StreetId, CommunityId = d.CommunityId, Title = d.Title,
                Category = d.Category, Goal = d.Goal, NeedIds = d.NeedIds, StartsOn = d.StartsOn, EndsOn = d.EndsOn,
                UnitsWanted = d.UnitsWanted, Milestones = d.Milestones, CreatedAt = d.OccurredAt, CreatedBy = d.By,
            },
            ProjectPublished => next with { Status = ProjectStatus.Published },
            ProjectClaimed c => Fullness(next with
            {
                Claims = [.. s.Claims, new Claim(c.ClaimId, c.UnitId, c.UnitName, c.Commitment, c.ProvideBy, ClaimStatus.Pending, c.OccurredAt)],
            }),
            ClaimApproved a => next with { Claims = s.Claims.Select(c => c.ClaimId == a.ClaimId ? c with { Status = ClaimStatus.Approved, DecidedAt = a.OccurredAt } : c).ToList() },
            ClaimDeclined d => Fullness(next with
            {
                Claims = s.Claims.Select(c => c.ClaimId == d.ClaimId ? c with { Status = ClaimStatus.Declined, DecidedAt = d.OccurredAt, DeclineReason = d.Reason } : c).ToList(),
            }),
            ProjectStarted st => next with { Status = ProjectStatus.InProgress, StartedAt = st.OccurredAt },
            MilestoneReported r => next with { Reports = [.. s.Reports, new MilestoneReport(r.MilestoneId, r.UnitId, r.Text, r.PhotoIds, r.OccurredAt)] },
            MilestoneEscalated x => next with { EscalatedMilestones = [.. s.EscalatedMilestones, x.MilestoneId] },
            ProjectClosed c => next with { Status = ProjectStatus.Closed, ClosedAt = c.OccurredAt, Summary = c.Summary },
            ProjectCancelled c => next with { Status = ProjectStatus.Cancelled, ClosedAt = c.OccurredAt },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
        return evolved.Status == s.Status ? evolved : evolved with { StatusSince = e.OccurredAt };
    }

    /// <summary>Before it starts, a project with no place left is full; a declined claim opens it again.</summary>
    private static ProjectState Fullness(ProjectState s) => s.Status switch
    {
        ProjectStatus.Published when s.PlacesLeft <= 0 => s with { Status = ProjectStatus.Full },
        ProjectStatus.Full when s.PlacesLeft > 0 => s with { Status = ProjectStatus.Published },
        _ => s,
    };

    public override AuditEntry Audit(ProjectEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        ClaimDeclined d => d.Reason, ProjectCancelled c => c.Reason, _ => null,
    });

    /// <summary>
    /// The street's list, the community's (a community project) and each unit's that holds a place
    /// (a declined unit's row becomes a tombstone). Fields: titles, counts and unit names — organizations, nothing personal.
    /// </summary>
    public override ListPlacement? Lists(ProjectState s)
    {
        if (s.Status == ProjectStatus.None) return null;
        List<string> partitions = [StreetList(s.StreetId)];
        if (s.CommunityId is not null) partitions.Add(CommunityList(s.CommunityId));
        partitions.AddRange(s.Claims.Where(c => c.HoldsPlace).Select(c => UnitList(c.UnitId)).Distinct());
        var next = NextDue(s);
        return new ListPlacement($"{DateTimeOffset.MaxValue.UtcTicks - s.CreatedAt.UtcTicks:D19}-{s.Id}", partitions, new Dictionary<string, object?>
        {
            ["ProjectId"] = s.Id,
            ["Title"] = s.Title,
            ["Category"] = s.Category,
            ["Status"] = s.Status.Code(),
            ["StreetId"] = s.StreetId,
            ["CommunityId"] = s.CommunityId,
            ["UnitsWanted"] = s.UnitsWanted,
            ["PlacesTaken"] = s.PlacesTaken,
            ["Approved"] = s.Approved,
            ["ApprovedUnits"] = string.Join("、", s.Claims.Where(c => c.Status == ClaimStatus.Approved).Select(c => c.UnitName)),
            ["Milestones"] = s.Milestones.Count,
            ["Reports"] = s.Reports.Count,
            ["NextDueAt"] = next?.DueAt,
            ["Escalated"] = s.EscalatedMilestones.Count > 0 && s.Status == ProjectStatus.InProgress,
            ["StartsOn"] = s.StartsOn,
            ["EndsOn"] = s.EndsOn,
            ["CreatedAt"] = s.CreatedAt,
        });
    }

    private static Milestone? NextDue(ProjectState s) =>
        s.Status == ProjectStatus.InProgress ? s.Outstanding.Where(m => !s.EscalatedMilestones.Contains(m.Id)).MinBy(m => m.DueAt) : null;

    /// <summary>
    /// While in progress: for every milestone an approved unit still owes a report on (and not yet
    /// escalated), a reminder to the units <see cref="ProjectLimits.RemindBefore"/> before it is due
    /// and the due timer that escalates it to staff (督办).
    /// </summary>
    public override IReadOnlyList<TimerSpec> Timers(ProjectState s)
    {
        if (s.Status != ProjectStatus.InProgress || s.StartedAt is not { } started) return [];
        var timers = new List<TimerSpec>();
        foreach (var m in s.Outstanding.Where(m => !s.EscalatedMilestones.Contains(m.Id)))
        {
            var step = MilestoneStep(m.Id);
            if (m.DueAt - ProjectLimits.RemindBefore > started) timers.Add(new(step, TimerStage.Remind, started, m.DueAt - ProjectLimits.RemindBefore));
            timers.Add(new(step, TimerStage.Due, started, m.DueAt));
        }
        return timers;
    }

    public override Wake<ProjectCommand> OnTimer(ProjectState s, TimerSpec timer, DateTimeOffset now)
    {
        if (s.Status != ProjectStatus.InProgress || s.StartedAt != timer.StartedAt || timer.Step is null || !timer.Step.StartsWith("m-", StringComparison.Ordinal))
            return new Wake<ProjectCommand>.Stale();
        var id = timer.Step[2..];
        if (!s.Outstanding.Any(m => m.Id == id) || s.EscalatedMilestones.Contains(id)) return new Wake<ProjectCommand>.Stale();
        return timer.Stage switch
        {
            TimerStage.Remind => new Wake<ProjectCommand>.Remind(),
            TimerStage.Due => new Wake<ProjectCommand>.Run(new EscalateMilestone { By = Actor.System, MilestoneId = id, StartedAt = timer.StartedAt }),
            _ => new Wake<ProjectCommand>.Stale(),
        };
    }

    public override IReadOnlyDictionary<string, string?> Facts(ProjectState before, ProjectState after, ProjectEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["streetId"] = after.StreetId,
        ["communityId"] = after.CommunityId,
        ["unitId"] = e switch { ProjectClaimed c => c.UnitId, ClaimApproved a => a.UnitId, ClaimDeclined d => d.UnitId, MilestoneReported r => r.UnitId, _ => null },
        ["claimId"] = e switch { ProjectClaimed c => c.ClaimId, ClaimApproved a => a.ClaimId, ClaimDeclined d => d.ClaimId, _ => null },
        ["milestoneId"] = e switch { MilestoneReported r => r.MilestoneId, MilestoneEscalated x => x.MilestoneId, _ => null },
        ["reason"] = e switch { ClaimDeclined d => d.Reason, ProjectCancelled c => c.Reason, _ => null },
    };

    /// <summary>Trimmed text of 1..max characters, or null.</summary>
    private static string? Text(string? value, int max) => value?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;

    private static Verdict<ProjectEvent> Accept(ProjectEvent e) => new([e], null);
    private static Verdict<ProjectEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
