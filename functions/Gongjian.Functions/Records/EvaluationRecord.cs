using Gongjian.Domain.Bookings;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Projects;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;

namespace Gongjian.Functions.Records;

/// <summary>
/// One record the annual evaluation (年度评议) scores: a unit's approved project claim, a milestone report, a wish
/// fulfilled by a unit or a person, an order a unit completed. Organizations by id and name; a person only by
/// <see cref="PersonKey"/> (a hash of their phone) and their kind. Nothing of residents: the title is staff-written
/// or public (a project's title and milestone, a wish's published text, an order's category).
/// </summary>
public sealed record EvaluationRecord
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string SourceId { get; init; }
    public required string StreetId { get; init; }
    public string? CommunityId { get; init; }
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    /// <summary><c>unit</c>, <c>partyMember</c> or <c>volunteer</c>.</summary>
    public required string ClaimerKind { get; init; }
    public string? PersonKey { get; init; }
    public required string Title { get; init; }
    public int? Rating { get; init; }
    /// <summary>Service hours the record gives its person or unit (an activity attended, a post served); null when it counts none.</summary>
    public double? Hours { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>The calendar year (China time) the record counts in.</summary>
    public int Year => At.ToOffset(TimeSpan.FromHours(8)).Year;
}

/// <summary>The kinds of record and what each module contributes (from the event the relay hands its notifier).</summary>
public static class RecordKinds
{
    public const string ProjectClaim = "project_claim";
    public const string MilestoneReport = "milestone_report";
    public const string WishFulfilled = "wish_fulfilled";
    public const string OrderCompleted = "order_completed";
    public const string UnitCommitments = People.PeopleRecords.UnitCommitments;
    public const string CommitmentMet = People.PeopleRecords.CommitmentMet;
    public const string ServiceHours = People.PeopleRecords.ServiceHours;
    /// <summary>活动预告与报名: one per person attending with their hours, and one per organising unit with the hours in all.</summary>
    public const string ActivityAttended = "activity_attended";
    public const string ActivityHosted = "activity_hosted";

    public const string BookingHosted = "booking_hosted";
    /// <summary>格事坊: a grid report resolved on the spot or closed with its order, for its community and grid.</summary>
    public const string GridReportResolved = GridReports.GridReportRecords.Resolved;
    /// <summary>议事: a deliberation held and a decision delivered per community, and units' participation (functions/Gongjian.Functions/Deliberations/DeliberationRecords.cs).</summary>
    public const string DeliberationHeld = Deliberations.DeliberationRecords.Held;
    public const string DecisionDelivered = Deliberations.DeliberationRecords.Delivered;
    public const string DeliberationParticipation = Deliberations.DeliberationRecords.Participation;
    public static readonly IReadOnlyList<string> All = [ProjectClaim, MilestoneReport, WishFulfilled, OrderCompleted,
        UnitCommitments, CommitmentMet, ServiceHours, ActivityAttended, ActivityHosted, BookingHosted,
        GridReportResolved, DeliberationHeld, DecisionDelivered, DeliberationParticipation];

    public static string Chinese(string kind) => kind switch
    {
        ProjectClaim => "项目认领", MilestoneReport => "节点进展", WishFulfilled => "实现微心愿", OrderCompleted => "办结工单",
        UnitCommitments => "双报到承诺", CommitmentMet => "承诺兑现", ServiceHours => "志愿服务时长", ActivityAttended => "参加活动", ActivityHosted => "主办活动", BookingHosted => "共享资源使用",
        GridReportResolved => "格事坊办结",
        DeliberationHeld => "召开议事", DecisionDelivered => "议事决议办结", DeliberationParticipation => "参与议事", _ => kind,
    };

    /// <summary>Ids derive from the event's id, so a relay that runs twice writes the same row.</summary>
    internal static string IdOf(string kind, EventMessage m) => $"{kind}_{m.Id.Replace(':', '_')}";

    /// <summary>An approved claim (认领, 承诺) and each milestone report of a unit.</summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, ProjectState s)
    {
        var unit = m.Fact("unitId");
        if (unit is null) yield break;
        var name = s.Claims.LastOrDefault(c => c.UnitId == unit)?.UnitName;
        if (m.Type == nameof(ClaimApproved))
            yield return new EvaluationRecord
            {
                Id = IdOf(ProjectClaim, m), Kind = ProjectClaim, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                UnitId = unit, UnitName = name, ClaimerKind = "unit", Title = s.Title, At = m.OccurredAt,
            };
        else if (m.Type == nameof(MilestoneReported))
        {
            var milestone = s.Milestones.FirstOrDefault(x => x.Id == m.Fact("milestoneId"))?.Title;
            yield return new EvaluationRecord
            {
                Id = IdOf(MilestoneReport, m), Kind = MilestoneReport, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                UnitId = unit, UnitName = name, ClaimerKind = "unit", Title = milestone is null ? s.Title : $"{s.Title}·{milestone}", At = m.OccurredAt,
            };
        }
    }

    /// <summary>A wish fulfilled, by its unit or person claimer.</summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, WishState s)
    {
        if (m.Type != nameof(WishFulfilled) || s.Claimer is not { } claimer) yield break;
        yield return new EvaluationRecord
        {
            Id = IdOf(WishFulfilled, m), Kind = WishFulfilled, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
            UnitId = claimer.UnitId, UnitName = claimer.IsUnit ? claimer.UnitName : null,
            ClaimerKind = Wishes.WishCommandRunner.ClaimerKindCode(claimer.Kind), PersonKey = claimer.IsUnit ? null : claimer.PersonKey,
            Title = s.PublicText ?? WishCategory.NameOf(s.Category), At = m.OccurredAt,
        };
    }

    /// <summary>An order closed after its unit completed it (confirmed by the resident, or closed unrated), with its rating.</summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, OrderState s)
    {
        if (m.Type != nameof(OrderConfirmed) || s.UnitId is null || s.CompletedAt is null) yield break;
        yield return new EvaluationRecord
        {
            Id = IdOf(OrderCompleted, m), Kind = OrderCompleted, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
            UnitId = s.UnitId, UnitName = s.UnitName, ClaimerKind = "unit", Title = ServiceCategory.NameOf(s.Category), Rating = s.Rating,
            At = m.OccurredAt,
        };
    }

    /// <summary>
    /// Attendance recorded: a record per person who attended (by their person key, never a name) with their hours, and,
    /// for a unit's activity, one for the organising unit with the hours of all who attended.
    /// </summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, Domain.Activities.ActivityState s)
    {
        if (m.Type != nameof(Domain.Activities.AttendanceRecorded)) yield break;
        var attended = s.Registered.Where(p => p.Hours is not null).ToList();
        foreach (var p in attended)
            yield return new EvaluationRecord
            {
                Id = $"{IdOf(ActivityAttended, m)}_{p.PersonKey}", Kind = ActivityAttended, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId,
                ClaimerKind = AudienceKind(p.Audience), PersonKey = p.PersonKey, Title = s.Title, Hours = (double)p.Hours!.Value, At = s.EndsAt,
            };
        if (s.OrganiserUnitId is { } unit)
            yield return new EvaluationRecord
            {
                Id = IdOf(ActivityHosted, m), Kind = ActivityHosted, SourceId = s.Id, StreetId = s.StreetId, CommunityId = s.CommunityId, UnitId = unit,
                ClaimerKind = "unit", Title = s.Title, Hours = attended.Sum(p => (double)p.Hours!.Value), At = s.EndsAt,
            };
    }

    private static string AudienceKind(string audience) => audience switch
    {
        Domain.Activities.ActivityAudience.PartyMembers => "partyMember",
        Domain.Activities.ActivityAudience.Volunteers => "volunteer",
        Domain.Activities.ActivityAudience.Units => "unit",
        _ => "resident",
    };

    /// <summary>A booking of a unit's resource that was used (资源共享): the owner unit hosted it; the title is the resource and the Beijing day.</summary>
    public static IEnumerable<EvaluationRecord> From(EventMessage m, BookingLedgerState s)
    {
        if (m.Type != nameof(BookingUsed)) yield break;
        yield return new EvaluationRecord
        {
            Id = IdOf(BookingHosted, m), Kind = BookingHosted, SourceId = s.Id, StreetId = s.StreetId,
            UnitId = s.UnitId, UnitName = s.UnitName, ClaimerKind = "unit", Title = $"{s.Title}·{s.Day:yyyy-MM-dd}", At = m.OccurredAt,
        };
    }
}
