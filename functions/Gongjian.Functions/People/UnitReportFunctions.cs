using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.People;

/// <summary>The shared steps of a report action: find, check scope, decide and save, answer.</summary>
public sealed class UnitReportRunner(UnitReportStore store, CommunityDirectory directory)
{
    public async Task<UnitReportState> FindAsync(string id, CancellationToken ct) =>
        (PeopleAccess.IsWellFormedReport(id) ? (await store.LoadAsync(id, ct))?.State : null)
        ?? throw ApiProblem.NotFound("report_not_found", "报到记录不存在，请检查编号。");

    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Caller, UnitReportCommand> build, int status = 200)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var state = await FindAsync(id, ct);
        if (!CanSee(caller, state)) throw ApiProblem.Forbidden("outside_scope", "该报到不在您的管辖范围内。");
        var outcome = await store.ExecuteAsync(id, build(caller), ct);
        if (outcome.Rejection is { } r) throw PeopleAccess.ToProblem(r);
        return await ViewAsync(context, outcome.State, status);
    }

    public static bool CanSee(Caller c, UnitReportState s) =>
        c.Role == ActorRole.Liaison ? c.Scope == s.UnitId : PeopleAccess.IsStaffOf(c, s.CommunityId, s.StreetId);

    public async Task<IResult> ViewAsync(HttpContext context, UnitReportState s, int status = 200)
    {
        var d = await directory.GetAsync(context.RequestAborted);
        var view = new UnitReportView(s.Id, s.Status.Code(), s.Status.Chinese(), s.UnitId, s.UnitName, s.CommunityId, d.CommunityName(s.CommunityId, s.CommunityId),
            s.StreetId, s.Year, s.ServiceItemsPerYear,
            s.Commitments.Select(c => new CommitmentView(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Title, c.IsMet, c.MetAt, c.Evidence)).ToList(),
            s.Commitments.Count, s.CommitmentsMet, s.ReportedAt, s.AcceptedAt);
        return Results.Json(view, PeopleApiJson.Web.UnitReportView, statusCode: status);
    }
}

/// <summary>单位报到: a liaison reports its unit to a community of its street for a year, with posts, resources (its own, by id) and service items.</summary>
public static class ReportUnitFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "unitreports");

    public static async Task<IResult> Run(HttpContext context, UnitReportStore store, UnitReportRunner runner, Resources.ResourceStore resources, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.UnitReportRequest);
        var ct = context.RequestAborted;
        var d = await directory.GetAsync(ct);
        if (caller.Role is not (ActorRole.Liaison or ActorRole.Organizer or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_forbidden", "只有成员单位联络员（或街道工作人员代办）可以办理单位报到。");
        var unitId = caller.Role == ActorRole.Liaison ? caller.Scope : request.UnitId ?? throw ApiProblem.BadRequest("unit_required", "请指明报到的单位。", "unitId");
        if (!d.Units.TryGetValue(unitId, out var unit) || unit.IsRetired) throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unitId");
        var community = PeopleAccess.Community(d, request.CommunityId);
        if (community.StreetId != unit.StreetId) throw ApiProblem.BadRequest("community_outside_street", "只能向本街道的社区报到。", "communityId");
        if (caller.Role == ActorRole.Organizer && unit.StreetId != caller.Scope) throw ApiProblem.Forbidden("outside_scope", "只能为本街道的单位办理报到。");
        foreach (var rid in request.ResourceIds ?? [])
            if (!Resources.ResourceAccess.IsWellFormed(rid) || await resources.LoadAsync(rid, ct) is not { } r || r.State.UnitId != unit.Id
                || r.State.Status != Domain.Resources.ResourceStatus.Active)
                throw ApiProblem.BadRequest("unknown_resource", "资源须是本单位资源清单中在用的条目。", "resourceIds");
        var year = request.Year ?? clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var id = UnitReportModule.IdFor(unit.Id, community.Id, year);
        var outcome = await store.ExecuteAsync(id, new ReportUnit
        {
            By = caller.AsActor(), ReportId = id, UnitId = unit.Id, UnitName = unit.Name, CommunityId = community.Id, StreetId = community.StreetId, Year = year,
            Posts = request.Posts ?? [], ResourceIds = request.ResourceIds ?? [], ServiceItemsPerYear = request.ServiceItemsPerYear ?? 0,
        }, ct, expectNew: true);
        if (outcome.Rejection is { } rejection) throw PeopleAccess.ToProblem(rejection);
        return await runner.ViewAsync(context, outcome.State, StatusCodes.Status201Created);
    }
}

public static class GetUnitReportFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "unitreports/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, UnitReportRunner runner)
    {
        var caller = context.RequireStaff();
        var state = await runner.FindAsync(id, context.RequestAborted);
        if (!UnitReportRunner.CanSee(caller, state)) throw ApiProblem.Forbidden("outside_scope", "该报到不在您的管辖范围内。");
        return await runner.ViewAsync(context, state);
    }
}

/// <summary>接收报到: the community's staff.</summary>
public static class AcceptUnitReportFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "unitreports/{id}/accept");

    public static Task<IResult> Run(HttpContext context, string id, UnitReportRunner runner) =>
        runner.RunAsync(context, id, caller => new AcceptUnitReport { By = caller.AsActor() });
}

/// <summary>承诺兑现: staff mark one commitment met with what shows it; a second time is 409 <c>commitment_already_met</c>.</summary>
public static class MeetCommitmentFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "unitreports/{id}/commitments/{commitmentId}/met");

    public static async Task<IResult> Run(HttpContext context, string id, string commitmentId, UnitReportRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.EvidenceRequest);
        return await runner.RunAsync(context, id, caller => new MarkCommitmentMet { By = caller.AsActor(), CommitmentId = commitmentId, Evidence = request.Evidence });
    }
}

/// <summary>报到列表: a liaison its unit's; a dispatcher its community's; an organizer its street's (or a community's); newest year first.</summary>
public static class ListUnitReportsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "unitreports");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var d = await directory.GetAsync(context.RequestAborted);
        var community = IndexPage.Param(context, "communityId");
        static ApiProblem Outside() => ApiProblem.Forbidden("outside_scope", "只能查看您管辖范围内的报到。");
        var partition = caller.Role switch
        {
            ActorRole.Liaison => community is null ? UnitReportModule.UnitList(caller.Scope) : throw Outside(),
            ActorRole.Dispatcher => (community ?? caller.Scope) == caller.Scope ? UnitReportModule.CommunityList(caller.Scope) : throw Outside(),
            ActorRole.Organizer => community is null ? UnitReportModule.StreetList(caller.Scope)
                : d.Communities.TryGetValue(community, out var c) && c.StreetId == caller.Scope ? UnitReportModule.CommunityList(community) : throw Outside(),
            _ => community is not null ? UnitReportModule.CommunityList(community) : throw ApiProblem.BadRequest("scope_required", "请指定社区（communityId）。", "communityId"),
        };
        var (rows, next) = await IndexPage.ReadAsync(context, storage, TableNames.UnitReportIndex, partition, []);
        return Results.Json(new UnitReportPage(rows.Select(ToItem).ToList(), next), PeopleApiJson.Web.UnitReportPage);
    }

    public static UnitReportListItem ToItem(TableEntity row)
    {
        var status = row.GetString("Status") == "accepted" ? UnitReportStatus.Accepted : UnitReportStatus.Reported;
        return new UnitReportListItem(row.GetString("ReportId") ?? "", status.Code(), status.Chinese(), row.GetString("UnitId") ?? "", row.GetString("UnitName") ?? "",
            row.GetString("CommunityId") ?? "", row.GetInt32("Year") ?? 0, row.GetInt32("CommitmentsMade") ?? 0, row.GetInt32("CommitmentsMet") ?? 0,
            row.GetDateTimeOffset("ReportedAt") ?? default);
    }
}
