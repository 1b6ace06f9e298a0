using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Wishes;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.Needs;

/// <summary>
/// 需求清单 as a module of the engine. <see cref="Decide"/> is the transition table
/// open → matched → met | closed (a matched need may be matched again, e.g. linked to a project after
/// a unit). Roles are checked here (staff only); scopes (community, street) by the HTTP layer. The
/// description is masked here, once, so no event ever holds a phone, ID number or house number.
/// </summary>
public sealed class NeedModule : Module<NeedState, NeedCommand, NeedEvent>
{
    public override string Name => "need";
    public override NeedState Initial => NeedState.Initial;
    public override string IdOf(NeedState state) => state.Id;
    public override int VersionOf(NeedState state) => state.Version;

    public static string StreetList(string id) => $"s-{id}";
    public static string CommunityList(string id) => $"c-{id}";
    public static string UnitList(string id) => $"u-{id}";

    private static bool IsStaff(Actor a) => a.Role is ActorRole.Organizer or ActorRole.Dispatcher or ActorRole.Admin;

    public override Verdict<NeedEvent> Decide(NeedState s, NeedCommand command, DateTimeOffset now)
    {
        if (s.Status == NeedStatus.None && command is not RecordNeed) return Refuse("need_not_found", RejectionKind.Conflict, "需求不存在。");
        if (s.Status != NeedStatus.None && command is RecordNeed r0)
            return r0.Source is null ? Refuse("need_exists", RejectionKind.Conflict, "需求已存在。")
                : Refuse("already_promoted", RejectionKind.Conflict, "这条诉求已转为需求，无需重复转入。");
        if (!IsStaff(command.By)) return Refuse("role_forbidden", RejectionKind.Forbidden, "只有社区、街道工作人员可以办理需求清单。");

        return (s.Status, command) switch
        {
            (NeedStatus.None, RecordNeed r) => Record(r, now),
            (NeedStatus.Open or NeedStatus.Matched, MatchNeed m) => Match(s, m, now),
            (NeedStatus.Open or NeedStatus.Matched, MeetNeed m) when Text(m.Note, NeedLimits.NoteMax) is null =>
                Refuse("note_invalid", RejectionKind.Invalid, $"请写明需求如何满足（{NeedLimits.NoteMax} 字以内）。"),
            (NeedStatus.Open or NeedStatus.Matched, MeetNeed m) => Accept(new NeedMet { NeedId = s.Id, OccurredAt = now, By = m.By, Note = Mask(m.Note) }),
            (NeedStatus.Open or NeedStatus.Matched, CloseNeed c) when Text(c.Reason, NeedLimits.NoteMax) is null =>
                Refuse("reason_invalid", RejectionKind.Invalid, $"请填写关闭原因（{NeedLimits.NoteMax} 字以内）。"),
            (NeedStatus.Open or NeedStatus.Matched, CloseNeed c) => Accept(new NeedClosed { NeedId = s.Id, OccurredAt = now, By = c.By, Reason = Mask(c.Reason) }),
            _ => Refuse($"need_{s.Status.Code()}", RejectionKind.Conflict, $"需求{s.Status.Chinese()}，不能这样办理。"),
        };
    }

    private static Verdict<NeedEvent> Record(RecordNeed r, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(r.CommunityId) || string.IsNullOrWhiteSpace(r.StreetId))
            return Refuse("community_required", RejectionKind.Invalid, "请指明需求所在的社区。");
        if (!NeedLimits.IsCategory(r.Category)) return Refuse("category_invalid", RejectionKind.Invalid, "需求类别不在清单内。");
        if (r.Source is not null && r.Category == NeedLimits.OneOffCategory)
            return Refuse("one_off_repair", RejectionKind.Invalid, "一次性维修请按工单办理，不转入需求清单。");
        if (r.Source is { Kind: not (NeedSource.Order or NeedSource.Wish) } || r.Source is { Id.Length: 0 })
            return Refuse("source_invalid", RejectionKind.Invalid, "需求来源只能是工单或微心愿。");
        var description = Text(r.Description, NeedLimits.DescriptionMax);
        if (description is null) return Refuse("description_invalid", RejectionKind.Invalid, $"请描述需求（{NeedLimits.DescriptionMax} 字以内）。");
        if (r.Beneficiaries.Count is < 1 or > NeedLimits.GroupsMax || r.Beneficiaries.Any(b => !NeedLimits.Groups.Contains(b.Group) || b.Count is < 1 or > NeedLimits.CountMax)
            || r.Beneficiaries.Select(b => b.Group).Distinct().Count() != r.Beneficiaries.Count)
            return Refuse("beneficiaries_invalid", RejectionKind.Invalid,
                $"请填写受益人群和人数（{string.Join("、", NeedLimits.Groups)}，每类一次，1 到 {NeedLimits.CountMax} 人）。");
        return Accept(new NeedRecorded
        {
            NeedId = r.NeedId, OccurredAt = now, By = r.By, StreetId = r.StreetId, CommunityId = r.CommunityId, Category = r.Category,
            Description = FreeTextRedactor.Redact(description, r.Known), Beneficiaries = r.Beneficiaries, Source = r.Source,
        });
    }

    private static Verdict<NeedEvent> Match(NeedState s, MatchNeed m, DateTimeOffset now)
    {
        var unit = string.IsNullOrWhiteSpace(m.UnitId) ? null : m.UnitId;
        var project = string.IsNullOrWhiteSpace(m.ProjectId) ? null : m.ProjectId;
        if (unit is null && project is null) return Refuse("match_invalid", RejectionKind.Invalid, "请指明对接的单位或项目。");
        if (unit is not null && Text(m.UnitName, NeedLimits.UnitNameMax) is null) return Refuse("unit_name_invalid", RejectionKind.Invalid, "请填写单位名称。");
        if (unit == s.UnitId && (project is null || project == s.ProjectId) && s.Status == NeedStatus.Matched)
            return Refuse("need_already_matched", RejectionKind.Conflict, "需求已对接该单位或项目。");
        return Accept(new NeedMatched { NeedId = s.Id, OccurredAt = now, By = m.By, UnitId = unit ?? s.UnitId, UnitName = unit is null ? s.UnitName : m.UnitName!.Trim(), ProjectId = project ?? s.ProjectId });
    }

    public override NeedState Evolve(NeedState s, NeedEvent e)
    {
        var next = s with { Version = s.Version + 1 };
        var evolved = e switch
        {
            NeedRecorded r => next with
            {
                Id = r.NeedId, Status = NeedStatus.Open, StreetId = r.StreetId, CommunityId = r.CommunityId, Category = r.Category,
                Description = r.Description, Beneficiaries = r.Beneficiaries, Source = r.Source, CreatedAt = r.OccurredAt, CreatedBy = r.By,
            },
            NeedMatched m => next with { Status = NeedStatus.Matched, UnitId = m.UnitId, UnitName = m.UnitName, ProjectId = m.ProjectId, MatchedAt = m.OccurredAt },
            NeedMet m => next with { Status = NeedStatus.Met, Note = m.Note, EndedAt = m.OccurredAt },
            NeedClosed c => next with { Status = NeedStatus.Closed, Note = c.Reason, EndedAt = c.OccurredAt },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
        return evolved.Status == s.Status ? evolved : evolved with { StatusSince = e.OccurredAt };
    }

    public override AuditEntry Audit(NeedEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        NeedMet m => m.Note, NeedClosed c => c.Reason, _ => null,
    });

    /// <summary>
    /// The community's and the street's lists, and while matched to a unit that unit's (records for
    /// evaluation: <c>Status eq 'met'</c> with <c>MetYear</c>). Fields hold groups and counts, no person.
    /// </summary>
    public override ListPlacement? Lists(NeedState s)
    {
        if (s.Status == NeedStatus.None) return null;
        List<string> partitions = [CommunityList(s.CommunityId), StreetList(s.StreetId)];
        if (s.UnitId is not null) partitions.Add(UnitList(s.UnitId));
        return new ListPlacement($"{DateTimeOffset.MaxValue.UtcTicks - s.CreatedAt.UtcTicks:D19}-{s.Id}", partitions, new Dictionary<string, object?>
        {
            ["NeedId"] = s.Id,
            ["Status"] = s.Status.Code(),
            ["Category"] = s.Category,
            ["StreetId"] = s.StreetId,
            ["CommunityId"] = s.CommunityId,
            ["Description"] = s.Description,
            ["Beneficiaries"] = string.Join("、", s.Beneficiaries.Select(b => $"{b.Group} {b.Count} 人")),
            ["People"] = s.People,
            ["SourceKind"] = s.Source?.Kind,
            ["UnitId"] = s.UnitId,
            ["UnitName"] = s.UnitName,
            ["ProjectId"] = s.ProjectId,
            ["Year"] = WishModule.YearOf(s.CreatedAt),
            ["MetYear"] = s.Status == NeedStatus.Met && s.EndedAt is { } met ? WishModule.YearOf(met) : null,
            ["CreatedAt"] = s.CreatedAt,
            ["UpdatedAt"] = s.StatusSince,
        });
    }

    public override IReadOnlyDictionary<string, string?> Facts(NeedState before, NeedState after, NeedEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["streetId"] = after.StreetId,
        ["communityId"] = after.CommunityId,
        ["unitId"] = after.UnitId,
        // The unit a match handed the need to now (not when only the project changed): the one to tell.
        ["newUnitId"] = e is NeedMatched && after.UnitId != before.UnitId ? after.UnitId : null,
        ["projectId"] = after.ProjectId,
    };

    /// <summary>Staff notes are masked like the description: they are shown in lists.</summary>
    private static string Mask(string text) => FreeTextRedactor.Redact(text.Trim());

    private static string? Text(string? value, int max) => value?.Trim() is { Length: > 0 } t && t.Length <= max ? t : null;

    private static Verdict<NeedEvent> Accept(NeedEvent e) => new([e], null);
    private static Verdict<NeedEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
