using System.Globalization;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Workflow;

namespace Gongjian.Domain.People;

/// <summary>
/// 在职党员/志愿者报到 as a module of the engine: a person registers with their home community, staff confirm,
/// the person joins teams and takes posts, and staff log their service hours. One instance per (community, person):
/// <see cref="IdFor"/>, so the same phone cannot register twice in one community.
/// </summary>
public sealed class PersonModule : Module<PersonState, PersonCommand, PersonEvent>
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The person themselves, known by the code they got when registering.</summary>
    public static readonly Actor Self = new(ActorRole.Resident, "person");

    public override string Name => "person";
    public override PersonState Initial => PersonState.Initial;
    public override string IdOf(PersonState state) => state.Id;
    public override int VersionOf(PersonState state) => state.Version;

    public static string IdFor(string communityId, string personKey) => $"{communityId}-{personKey}";

    public override Verdict<PersonEvent> Decide(PersonState s, PersonCommand command, DateTimeOffset now) => (s.Status, command) switch
    {
        (PersonStatus.None, RegisterPerson c) => Register(c, now),
        (_, RegisterPerson) => Refuse("person_already_registered", RejectionKind.Conflict, "这个手机号已在本社区报到。"),
        (PersonStatus.None, _) => Refuse("person_not_found", RejectionKind.Conflict, "报到记录不存在，请检查编号。"),
        (PersonStatus.Registered, ConfirmPerson c) => Confirm(s, c, now),
        (PersonStatus.Confirmed, ConfirmPerson) => Refuse("person_already_confirmed", RejectionKind.Conflict, "已确认过这位同志的报到。"),
        (PersonStatus.Confirmed, JoinTeam c) => Join(s, c, now),
        (PersonStatus.Confirmed, TakePost c) => Take(s, c, now),
        (PersonStatus.Confirmed, LogServiceHours c) => Log(s, c, now),
        _ => Refuse($"person_{s.Status.Code()}", RejectionKind.Conflict, $"报到当前为“{s.Status.Chinese()}”，社区确认后才能这样办理。"),
    };

    public static bool IsStaff(Actor a) => a.Role is ActorRole.Dispatcher or ActorRole.Organizer or ActorRole.Admin;

    private static Verdict<PersonEvent> Register(RegisterPerson c, DateTimeOffset now)
    {
        if (c.By != Self && !IsStaff(c.By)) return RoleNotAllowed("办理个人报到");
        if (c.PersonId != IdFor(c.CommunityId, c.PersonKey)) return Refuse("invalid_person_id", RejectionKind.Invalid, "报到编号与社区和手机号不符。");
        var name = c.Name.Trim();
        if (name.Length is 0 or > PersonLimits.NameMax) return Refuse("invalid_name", RejectionKind.Invalid, $"请填写 {PersonLimits.NameMax} 字以内的姓名。");
        if (!PhoneNumber.TryNormalize(c.Phone, out var phone))
            return Refuse("invalid_phone", RejectionKind.Invalid, "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。");
        var unit = c.WorkUnit.Trim();
        if (unit.Length is 0 or > PersonLimits.WorkUnitMax) return Refuse("invalid_work_unit", RejectionKind.Invalid, $"请填写 {PersonLimits.WorkUnitMax} 字以内的工作单位。");
        if (!Enum.IsDefined(c.Kind)) return Refuse("invalid_kind", RejectionKind.Invalid, "请选择在职党员或志愿者。");
        return Ok(new PersonRegistered
        {
            OccurredAt = now, By = c.By, PersonId = c.PersonId, PersonKey = c.PersonKey, CommunityId = c.CommunityId, StreetId = c.StreetId,
            Kind = c.Kind, Name = name, Phone = phone, WorkUnit = unit, UnitId = string.IsNullOrWhiteSpace(c.UnitId) ? null : c.UnitId, CodeHash = c.CodeHash,
            WantedTeamId = string.IsNullOrWhiteSpace(c.TeamId) || string.IsNullOrWhiteSpace(c.TeamName) ? null : c.TeamId.Trim(),
            WantedTeamName = string.IsNullOrWhiteSpace(c.TeamId) || string.IsNullOrWhiteSpace(c.TeamName) ? null : c.TeamName.Trim(),
        });
    }

    /// <summary>Confirmed, and into the team asked for at registration (if any) in the same step.</summary>
    private static Verdict<PersonEvent> Confirm(PersonState s, ConfirmPerson c, DateTimeOffset now)
    {
        if (!IsStaff(c.By)) return RoleNotAllowed("确认报到");
        PersonEvent confirmed = new PersonConfirmed { OccurredAt = now, By = c.By };
        return s is { WantedTeamId: { } team, WantedTeamName: { } name }
            ? new([confirmed, new TeamJoined { OccurredAt = now, By = c.By, TeamId = team, TeamName = name }], null)
            : Ok(confirmed);
    }

    private static Verdict<PersonEvent> Join(PersonState s, JoinTeam c, DateTimeOffset now)
    {
        if (c.By != Self && !IsStaff(c.By)) return RoleNotAllowed("加入队伍");
        if (s.Teams.Any(t => t.TeamId == c.TeamId)) return Refuse("team_already_joined", RejectionKind.Conflict, "已经是这支队伍的成员。");
        if (s.Teams.Count >= PersonLimits.MaxTeams) return Refuse("too_many_teams", RejectionKind.Invalid, $"最多加入 {PersonLimits.MaxTeams} 支队伍。");
        var name = c.TeamName.Trim();
        if (c.TeamId.Trim().Length == 0 || name.Length == 0) return Refuse("team_required", RejectionKind.Invalid, "请选择队伍。");
        return Ok(new TeamJoined { OccurredAt = now, By = c.By, TeamId = c.TeamId.Trim(), TeamName = name });
    }

    private static Verdict<PersonEvent> Take(PersonState s, TakePost c, DateTimeOffset now)
    {
        if (c.By != Self && !IsStaff(c.By)) return RoleNotAllowed("认领岗位");
        var post = c.Post.Trim();
        if (post.Length is 0 or > PersonLimits.PostMax) return Refuse("invalid_post", RejectionKind.Invalid, $"岗位名称请写在 {PersonLimits.PostMax} 字以内。");
        if (s.Posts.Contains(post)) return Refuse("post_already_taken", RejectionKind.Conflict, "已认领过这个岗位。");
        if (s.Posts.Count >= PersonLimits.MaxPosts) return Refuse("too_many_posts", RejectionKind.Invalid, $"最多认领 {PersonLimits.MaxPosts} 个岗位。");
        return Ok(new PostTaken { OccurredAt = now, By = c.By, Post = post });
    }

    private static Verdict<PersonEvent> Log(PersonState s, LogServiceHours c, DateTimeOffset now)
    {
        if (!IsStaff(c.By)) return RoleNotAllowed("登记服务时长");
        if (s.Hours.Any(h => h.EntryId == c.EntryId)) return Refuse("hours_already_logged", RejectionKind.Conflict, "这条服务时长已登记过。");
        if (c.Hours <= 0) return Refuse("hours_not_positive", RejectionKind.Invalid, "服务时长须大于 0。");
        if (c.Date > DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime)) return Refuse("hours_in_future", RejectionKind.Invalid, "不能登记未来日期的服务时长。");
        var sameDay = s.Hours.Where(h => h.Date == c.Date).Sum(h => h.Hours);
        if (sameDay + c.Hours > PersonLimits.MaxHoursPerDay)
            return Refuse("hours_over_day", RejectionKind.Invalid, $"同一天的服务时长合计不能超过 24 小时（当天已登记 {sameDay.ToString("0.##", CultureInfo.InvariantCulture)} 小时）。");
        var what = c.What.Trim();
        if (what.Length is 0 or > PersonLimits.WhatMax) return Refuse("invalid_what", RejectionKind.Invalid, $"请用 {PersonLimits.WhatMax} 字以内说明服务内容。");
        return Ok(new ServiceHoursLogged { OccurredAt = now, By = c.By, EntryId = c.EntryId, Date = c.Date, Hours = c.Hours, What = what });
    }

    public override PersonState Evolve(PersonState s, PersonEvent e)
    {
        var next = s with { Version = s.Version + 1, UpdatedAt = e.OccurredAt };
        return e switch
        {
            PersonRegistered x => next with
            {
                Id = x.PersonId, Status = PersonStatus.Registered, PersonKey = x.PersonKey, CommunityId = x.CommunityId, StreetId = x.StreetId,
                Kind = x.Kind, Name = x.Name, Phone = x.Phone, WorkUnit = x.WorkUnit, UnitId = x.UnitId, CodeHash = x.CodeHash, RegisteredAt = x.OccurredAt,
                WantedTeamId = x.WantedTeamId, WantedTeamName = x.WantedTeamName,
            },
            PersonConfirmed x => next with { Status = PersonStatus.Confirmed, ConfirmedAt = x.OccurredAt },
            TeamJoined x => next with { Teams = [.. s.Teams, new TeamMembership(x.TeamId, x.TeamName, x.OccurredAt)] },
            PostTaken x => next with { Posts = [.. s.Posts, x.Post] },
            ServiceHoursLogged x => next with { Hours = [.. s.Hours, new HoursEntry(x.EntryId, x.Date, x.Hours, x.What, x.By.Id, x.OccurredAt)] },
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
        };
    }

    /// <summary>The audit names the event and who did it, never the person's name or phone.</summary>
    public override AuditEntry Audit(PersonEvent e) => new(e.GetType().Name, e.OccurredAt, e.By.Role.ToString(), e.By.Id, e switch
    {
        TeamJoined t => t.TeamId, ServiceHoursLogged h => h.EntryId, _ => null,
    });

    public static string CommunityList(string id) => $"c-{id}";
    public static string StreetList(string id) => $"s-{id}";
    public static string PersonList(string key) => $"p-{key}";

    /// <summary>
    /// The community's and street's lists and the person's own (<c>p-{personKey}</c>). No name, phone or work unit:
    /// staff read those from the person's state, in their own community only.
    /// </summary>
    public override ListPlacement? Lists(PersonState s) => s.Status == PersonStatus.None ? null : new ListPlacement(
        s.Id, [CommunityList(s.CommunityId), StreetList(s.StreetId), PersonList(s.PersonKey)], new Dictionary<string, object?>
        {
            ["PersonId"] = s.Id,
            ["PersonKey"] = s.PersonKey,
            ["Status"] = s.Status.Code(),
            ["Kind"] = s.Kind == PersonKind.PartyMember ? "partymember" : "volunteer",
            ["CommunityId"] = s.CommunityId,
            ["StreetId"] = s.StreetId,
            ["UnitId"] = s.UnitId,
            ["Teams"] = string.Join(',', s.Teams.Select(t => t.TeamId)),
            ["LoggedHours"] = (double)s.LoggedHours,
            ["RegisteredAt"] = s.RegisteredAt,
            ["ConfirmedAt"] = s.ConfirmedAt,
            ["UpdatedAt"] = s.UpdatedAt,
        });

    public override IReadOnlyDictionary<string, string?> Facts(PersonState before, PersonState after, PersonEvent e) => new Dictionary<string, string?>
    {
        ["status"] = after.Status.Code(),
        ["communityId"] = after.CommunityId,
        ["streetId"] = after.StreetId,
        ["unitId"] = after.UnitId,
        ["personKey"] = after.PersonKey,
        ["hours"] = e is ServiceHoursLogged h ? h.Hours.ToString(CultureInfo.InvariantCulture) : null,
        ["year"] = e is ServiceHoursLogged d ? d.Date.Year.ToString(CultureInfo.InvariantCulture) : null,
        ["entryId"] = e is ServiceHoursLogged x ? x.EntryId : null,
    };

    private static Verdict<PersonEvent> RoleNotAllowed(string what) => Refuse("role_not_allowed", RejectionKind.Forbidden, $"您的角色不能{what}。");

    private static Verdict<PersonEvent> Ok(PersonEvent e) => new([e], null);

    private static Verdict<PersonEvent> Refuse(string code, RejectionKind kind, string message) => new([], new Rejection(code, kind, message));
}
