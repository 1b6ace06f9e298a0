using System.Globalization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.People;

/// <summary>
/// 单位报到 (双报到, the unit half) as a module of the engine: a member unit reports to a community for a year
/// with what it commits to; the community's staff accept it and mark commitments met during the year.
/// One instance per (unit, community, year): <see cref="IdFor"/>.
/// </summary>
public sealed class UnitReportModule : Module<UnitReportState, UnitReportCommand, UnitReportEvent>
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public override string Name => "unitreport";
    public override UnitReportState Initial => UnitReportState.Initial;
    public override string IdOf(UnitReportState state) => state.Id;
    public override int VersionOf(UnitReportState state) => state.Version;

    /// <summary>The one report of a unit to a community in a year.</summary>
    public static string IdFor(string unitId, string communityId, int year) =>
        $"{unitId}-{communityId}-{year.ToString(CultureInfo.InvariantCulture)}";

    public override Verdict<UnitReportEvent> Decide(UnitReportState s, UnitReportCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (UnitReportStatus.None, ReportUnit c) => Report(c, now),
        (_, ReportUnit) => Refuse("unit_already_reported", RejectionKind.Conflict, "本单位今年已向该社区报到。"),
        (UnitReportStatus.None, _) => Refuse("report_not_found", RejectionKind.Conflict, "报到记录不存在，请检查编号。"),
        (UnitReportStatus.Reported, AcceptUnitReport c) => Accept(c, now),
        (UnitReportStatus.Accepted, AcceptUnitReport) => Refuse("report_already_accepted", RejectionKind.Conflict, "该单位的报到已接收。"),
        (UnitReportStatus.Accepted, MarkCommitmentMet c) => Mark(s, c, now),
        _ => Refuse($"report_{s.Status.Code()}", RejectionKind.Conflict, $"报到当前为“{s.Status.Chinese()}”，不能这样办理。"),
    };

    public static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;

    private static Verdict<UnitReportEvent> Report(ReportUnit c, DateTimeOffset now)
    {
        if (c.By.Role == ActorRole.Liaison ? c.By.Id != c.UnitId : !IsStaff(c.By))
            return Refuse("not_your_unit", RejectionKind.Forbidden, "您只能以本单位的名义报到。");
        if (c.ReportId != IdFor(c.UnitId, c.CommunityId, c.Year)) return Refuse("invalid_report_id", RejectionKind.Invalid, "报到编号与单位、社区和年度不符。");
        var thisYear = now.ToOffset(ChinaOffset).Year;
        if (c.Year != thisYear && c.Year != thisYear + 1) return Refuse("invalid_year", RejectionKind.Invalid, "只能报到今年或明年。");
        if (c.Posts.Count > UnitReportLimits.MaxPosts) return Refuse("too_many_posts", RejectionKind.Invalid, $"岗位最多 {UnitReportLimits.MaxPosts} 个。");
        if (c.ResourceIds.Count > UnitReportLimits.MaxResources) return Refuse("too_many_resources", RejectionKind.Invalid, $"资源最多 {UnitReportLimits.MaxResources} 项。");
        if (c.ServiceItemsPerYear is < 0 or > UnitReportLimits.MaxServiceItems)
            return Refuse("invalid_service_items", RejectionKind.Invalid, $"每年服务项目数应在 0 到 {UnitReportLimits.MaxServiceItems} 之间。");
        var posts = c.Posts.Select(p => p.Trim()).ToList();
        if (posts.Any(p => p.Length is 0 or > UnitReportLimits.PostMax)) return Refuse("invalid_post", RejectionKind.Invalid, $"岗位名称请写在 {UnitReportLimits.PostMax} 字以内。");
        if (posts.Distinct().Count() != posts.Count) return Refuse("duplicate_post", RejectionKind.Invalid, "岗位不能重复。");
        var resources = c.ResourceIds.Select(r => r.Trim()).ToList();
        if (resources.Any(r => r.Length == 0) || resources.Distinct().Count() != resources.Count) return Refuse("invalid_resource", RejectionKind.Invalid, "资源编号为空或重复。");
        List<Commitment> commitments =
        [
            .. posts.Select((p, i) => new Commitment($"post-{i + 1}", CommitmentKind.Post, p)),
            .. resources.Select((r, i) => new Commitment($"resource-{i + 1}", CommitmentKind.Resource, r)),
        ];
        if (c.ServiceItemsPerYear > 0) commitments.Add(new Commitment("service-items", CommitmentKind.ServiceItems, $"全年服务 {c.ServiceItemsPerYear} 项"));
        if (commitments.Count == 0) return Refuse("commitment_required", RejectionKind.Invalid, "请至少认领一个岗位、一项资源或服务项目。");
        var name = c.UnitName.Trim();
        if (name.Length == 0) return Refuse("unit_name_required", RejectionKind.Invalid, "请填写单位名称。");
        return Ok(new UnitReported
        {
            OccurredAt = now, By = c.By, ReportId = c.ReportId, UnitId = c.UnitId, UnitName = name, CommunityId = c.CommunityId,
            StreetId = c.StreetId, Year = c.Year, ServiceItemsPerYear = c.ServiceItemsPerYear, Commitments = commitments,
        });
    }

    private static Verdict<UnitReportEvent> Accept(AcceptUnitReport c, DateTimeOffset now) =>
        IsStaff(c.By) ? Ok(new UnitReportAccepted { OccurredAt = now, By = c.By }) : RoleNotAllowed("接收报到");

    private static Verdict<UnitReportEvent> Mark(UnitReportState s, MarkCommitmentMet c, DateTimeOffset now)
    {
        if (!IsStaff(c.By)) return RoleNotAllowed("确认承诺兑现");
        var commitment = s.Commitments.FirstOrDefault(x => x.Id == c.CommitmentId);
        if (commitment is null) return Refuse("commitment_not_found", RejectionKind.Invalid, "没有这项承诺。");
        if (commitment.IsMet) return Refuse("commitment_already_met", RejectionKind.Conflict, "这项承诺已确认兑现。");
        var evidence = c.Evidence.Trim();
        if (evidence.Length == 0) return Refuse("evidence_required", RejectionKind.Invalid, "请说明兑现情况。");
        if (evidence.Length > UnitReportLimits.EvidenceMax) return Refuse("evidence_too_long", RejectionKind.Invalid, $"说明请写在 {UnitReportLimits.EvidenceMax} 字以内。");
        return Ok(new CommitmentMet { OccurredAt = now, By = c.By, CommitmentId = c.CommitmentId, Evidence = evidence });
    }

    public override UnitReportState Evolve(UnitReportState s, UnitReportEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            UnitReported x => next with
            {
                Id = x.ReportId, Status = UnitReportStatus.Reported, UnitId = x.UnitId, UnitName = x.UnitName, CommunityId = x.CommunityId,
                StreetId = x.StreetId, Year = x.Year, ServiceItemsPerYear = x.ServiceItemsPerYear, Commitments = x.Commitments, ReportedAt = x.OccurredAt,
            },
            UnitReportAccepted x => next with { Status = UnitReportStatus.Accepted, AcceptedAt = x.OccurredAt },
            CommitmentMet x => next with
            {
                Commitments = [.. s.Commitments.Select(c => c.Id == x.CommitmentId ? c with { MetAt = x.OccurredAt, Evidence = x.Evidence } : c)],
            },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    public override AuditEntry Audit(UnitReportEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        CommitmentMet m => m.CommitmentId, _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string StreetList(string id) => $"s-{id}";
    public static string UnitList(string id) => $"u-{id}";

    /// <summary>The community's, street's and unit's lists: commitments made and met per unit and year. Units are public.</summary>
    public override ListPlacement? Lists(UnitReportState s) => s.Status == UnitReportStatus.None ? null : new ListPlacement(
        $"{s.Year:D4}-{s.Id}", [CommunityList(s.CommunityId), StreetList(s.StreetId), UnitList(s.UnitId)], new Dictionary<string, object?>
        {
            ["ReportId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["UnitId"] = s.UnitId,
            ["UnitName"] = s.UnitName,
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["Year"] = s.Year,
            ["CommitmentsMade"] = s.Commitments.Count,
            ["CommitmentsMet"] = s.CommitmentsMet,
            ["ServiceItemsPerYear"] = s.ServiceItemsPerYear,
            ["ReportedAt"] = s.ReportedAt,
            ["AcceptedAt"] = s.AcceptedAt,
            ["UpdatedAt"] = s.UpdatedAt,
        });

    public override IReadOnlyDictionary<string, string?> Facts(UnitReportState before, UnitReportState after, UnitReportEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["unitId"] = after.UnitId,
        ["year"] = after.Year.ToString(CultureInfo.InvariantCulture),
        ["commitmentsMade"] = after.Commitments.Count.ToString(CultureInfo.InvariantCulture),
        ["commitmentsMet"] = after.CommitmentsMet.ToString(CultureInfo.InvariantCulture),
        ["commitmentId"] = e is CommitmentMet m ? m.CommitmentId : null,
    };

    private static Verdict<UnitReportEvent> RoleNotAllowed(string what) => Refuse("role_not_allowed", RejectionKind.Forbidden, $"您的角色不能{what}。");

    private static Verdict<UnitReportEvent> Ok(UnitReportEvent e) => new([e], null);

    private static Verdict<UnitReportEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
