using Azure.Data.Tables;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;
using Gongjian.Domain.Community;
using Gongjian.Domain.People;

namespace Gongjian.Functions.People;

/// <summary>Which team a person may join, and the refusals staff and people hear about teams.</summary>
public static class TeamAccess
{
    public const int NameMax = 20, PurposeMax = 100;

    /// <summary>The team a person of the community may join now: unknown is 400 <c>unknown_team</c>, retired 409 <c>team_retired</c>.</summary>
    public static async Task<CommunityTeam> JoinableAsync(CommunityTeams teams, string communityId, string teamId, CancellationToken ct)
    {
        var team = await teams.FindAsync(communityId, teamId, ct) ?? throw ApiProblem.BadRequest("unknown_team", "没有这支队伍。", "teamId");
        return team.Retired ? throw ApiProblem.Conflict("team_retired", "这支队伍已停用，不再接收新队员。") : team;
    }

    public static CommunityArea StaffCommunity(HttpContext context, CommunityDirectory.Snapshot d, string communityId)
    {
        var caller = context.RequireStaff();
        var community = PeopleAccess.Community(d, communityId);
        return PeopleAccess.IsStaffOf(caller, community.Id, community.StreetId)
            ? community : throw ApiProblem.Forbidden("outside_scope", "只能管理本社区的队伍。");
    }
}

/// <summary>The community's teams with member counts (public: counts, no names; retired ones only to its staff).</summary>
public static class ListTeamsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "communities/{communityId}/teams");

    public static async Task<IResult> Run(HttpContext context, string communityId, StorageClients storage, CommunityDirectory directory, CommunityTeams teams)
    {
        var ct = context.RequestAborted;
        var community = PeopleAccess.Community(await directory.GetAsync(ct), communityId);
        var staff = context.Caller() is { } c && PeopleAccess.IsStaffOf(c, community.Id, community.StreetId);
        var counts = new Dictionary<string, int>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonModule.CommunityList(community.Id)} and Removed eq false");
        await foreach (var row in storage.Table(TableNames.PersonIndex).QueryAsync<TableEntity>(filter, select: ["Teams"], cancellationToken: ct))
            foreach (var t in (row.GetString("Teams") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)) counts[t] = counts.GetValueOrDefault(t) + 1;
        var list = (await teams.ListAsync(community.Id, ct)).Where(t => staff || !t.Retired)
            .Select(t => View(t, counts.GetValueOrDefault(t.Id))).ToList();
        return Results.Json(new TeamsView(community.Id, list), PeopleApiJson.Web.TeamsView);
    }

    public static CommunityTeamView View(CommunityTeam t, int members) => new(t.Id, t.Name, members, t.Standing, t.Purpose, t.Retired);
}

/// <summary>成立队伍: the community's staff set up a team beside the standing ones (e.g. 红色物业服务队).</summary>
public static class CreateTeamFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "communities/{communityId}/teams");

    public static async Task<IResult> Run(HttpContext context, string communityId, CommunityDirectory directory, CommunityTeams teams, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var community = TeamAccess.StaffCommunity(context, await directory.GetAsync(ct), communityId);
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.TeamCreateRequest);
        var name = request.Name.Trim();
        if (name.Length is < 2 or > TeamAccess.NameMax || name.Any(char.IsControl))
            throw ApiProblem.BadRequest("invalid_team_name", $"队伍名称请写 2 到 {TeamAccess.NameMax} 个字。", "name");
        var purpose = string.IsNullOrWhiteSpace(request.Purpose) ? null : request.Purpose.Trim();
        if (purpose is { Length: > TeamAccess.PurposeMax } || purpose?.Any(char.IsControl) == true)
            throw ApiProblem.BadRequest("invalid_team_purpose", $"队伍简介请写在 {TeamAccess.PurposeMax} 字以内。", "purpose");
        // The team list is public: no phone, ID number or house number in a team's name or purpose.
        if (FreeTextRedactor.Find(name).Count > 0 || (purpose is not null && FreeTextRedactor.Find(purpose).Count > 0))
            throw ApiProblem.BadRequest("team_text_personal", "队伍名称和简介会公开显示，不能含电话、证件号或门牌号。", "name");
        var team = await teams.AddAsync(community.Id, name, purpose, context.RequireStaff().Name, clock.GetUtcNow(), ct)
            ?? throw ApiProblem.Conflict("team_exists", "本社区已有同名队伍。");
        return Results.Json(ListTeamsFunction.View(team, 0), PeopleApiJson.Web.CommunityTeamView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>停用队伍: a set-up team takes no one new; its members keep it on their record. Standing teams stay.</summary>
public static class RetireTeamFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "communities/{communityId}/teams/{teamId}/retire");

    public static async Task<IResult> Run(HttpContext context, string communityId, string teamId, CommunityDirectory directory, CommunityTeams teams)
    {
        var ct = context.RequestAborted;
        var community = TeamAccess.StaffCommunity(context, await directory.GetAsync(ct), communityId);
        if (PersonTeams.NameOf(teamId) is not null) throw ApiProblem.BadRequest("standing_team", "常设队伍不能停用。", "teamId");
        _ = await teams.RetireAsync(community.Id, teamId, ct) ?? throw ApiProblem.NotFound("team_not_found", "没有这支队伍。");
        return Results.NoContent();
    }
}
