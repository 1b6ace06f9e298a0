using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Domain.People;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Records;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.People;

/// <summary>The shared steps of a person action and what a caller may read of a person.</summary>
public sealed class PersonRunner(PersonStore store, CommunityDirectory directory, RecordBook records, TimeProvider clock)
{
    public async Task<PersonState> FindAsync(string id, CancellationToken ct) =>
        (PeopleAccess.IsWellFormedPerson(id) ? (await store.LoadAsync(id, ct))?.State : null)
        ?? throw ApiProblem.NotFound("person_not_found", "报到记录不存在，请检查编号。");

    public Task<IResult> RunAsync(HttpContext context, string id, Func<Actor, PersonCommand> build) =>
        RunAsync(context, id, (by, _) => Task.FromResult(build(by)));

    /// <summary>A command built from the person as read (e.g. their community's team), after the caller is authorized on them.</summary>
    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Actor, PersonState, Task<PersonCommand>> build)
    {
        var ct = context.RequestAborted;
        var state = await FindAsync(id, ct);
        var by = PeopleAccess.AuthorizePerson(context, state);
        var outcome = await store.ExecuteAsync(id, await build(by, state), ct);
        if (outcome.Rejection is { } r) throw PeopleAccess.ToProblem(r);
        return await ViewAsync(context, outcome.State);
    }

    /// <summary>
    /// Hours and points of the year: hours staff logged (in the state) plus the hours of the person's other records
    /// (activities, wishes, orders: by person key in the street's records); 10 points an hour, 5 a record.
    /// </summary>
    public async Task<(double Hours, int Points, int Records)> TotalsAsync(PersonState s, CancellationToken ct)
    {
        var year = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var others = (await records.ReadAsync(s.StreetId, year, null, ct, personKey: s.PersonKey)).Where(r => r.Kind != PeopleRecords.ServiceHours).ToList();
        var hours = (double)s.Hours.Where(h => h.Date.Year == year).Sum(h => h.Hours) + others.Sum(r => r.Hours ?? 0);
        return (hours, (int)Math.Round(hours * PersonLimits.PointsPerHour) + 5 * others.Count, others.Count);
    }

    public async Task<IResult> ViewAsync(HttpContext context, PersonState s, int status = 200, string? code = null)
    {
        var d = await directory.GetAsync(context.RequestAborted);
        var (hours, points, count) = await TotalsAsync(s, context.RequestAborted);
        var caller = context.Caller();
        var open = caller is null || PeopleAccess.MaySeeContact(caller, s);
        var view = new PersonView(s.Id, s.Status.Code(), s.Status.Chinese(), PeopleRecords.KindCode(s.Kind), s.Kind.Chinese(), s.CommunityId,
            d.CommunityName(s.CommunityId, s.CommunityId), open ? s.Name : PeopleAccess.MaskedName(s.Name), open ? s.Phone : PeopleAccess.MaskedPhone(s.Phone),
            open ? s.WorkUnit : "***", s.UnitId, s.Teams.Select(t => new TeamView(t.TeamId, t.TeamName, 0)).ToList(), s.Posts, hours, points, count,
            s.Hours.Select(h => new HoursView(h.EntryId, h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (double)h.Hours, h.What)).ToList(),
            s.RegisteredAt, s.ConfirmedAt, code);
        return Results.Json(view, PeopleApiJson.Web.PersonView, statusCode: status);
    }
}

/// <summary>个人报到 (public): a party member or volunteer registers with their home community and gets a code, shown only once.</summary>
public static class RegisterPersonFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "people");

    public static async Task<IResult> Run(HttpContext context, PersonStore store, PersonRunner runner, PersonKeys keys, CommunityDirectory directory, CommunityTeams teams)
    {
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.PersonRequest);
        var ct = context.RequestAborted;
        var d = await directory.GetAsync(ct);
        var community = PeopleAccess.Community(d, request.CommunityId);
        var by = context.Caller() switch
        {
            null => PersonModule.Self,
            { } c when PeopleAccess.IsStaffOf(c, community.Id, community.StreetId) => c.AsActor(),
            _ => throw ApiProblem.Forbidden("outside_scope", "只能为本社区的同志代办报到。"),
        };
        var kind = request.Kind switch
        {
            "partyMember" => PersonKind.PartyMember,
            "volunteer" => PersonKind.Volunteer,
            _ => throw ApiProblem.BadRequest("invalid_kind", "身份只能是在职党员（partyMember）或志愿者（volunteer）。", "kind"),
        };
        if (!Domain.Privacy.PhoneNumber.TryNormalize(request.Phone, out var phone))
            throw ApiProblem.BadRequest("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。", "phone");
        if (request.UnitId is { } unitId && !d.Units.ContainsKey(unitId)) throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unitId");
        var team = request.TeamId is { } wanted ? await TeamAccess.JoinableAsync(teams, community.Id, wanted, ct) : null;
        var key = keys.Of(phone);
        var id = PersonModule.IdFor(community.Id, key);
        var code = OrderIds.NewTrackingCode();
        var outcome = await store.ExecuteAsync(id, new RegisterPerson
        {
            By = by, PersonId = id, PersonKey = key, CommunityId = community.Id, StreetId = community.StreetId, Kind = kind, Name = request.Name,
            Phone = phone, WorkUnit = request.WorkUnit, UnitId = request.UnitId, CodeHash = OrderAccess.HashTrackingCode(code), TeamId = team?.Id, TeamName = team?.Name,
        }, ct, expectNew: true);
        if (outcome.Rejection is { } r) throw PeopleAccess.ToProblem(r);
        return await runner.ViewAsync(context, outcome.State, StatusCodes.Status201Created, code);
    }
}

/// <summary>The person's own record (with their code), or staff of their community's (names masked to staff elsewhere).</summary>
public static class GetPersonFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "people/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, PersonRunner runner)
    {
        var state = await runner.FindAsync(id, context.RequestAborted);
        PeopleAccess.AuthorizePerson(context, state);
        return await runner.ViewAsync(context, state);
    }
}

public static class ConfirmPersonFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "people/{id}/confirm");

    public static Task<IResult> Run(HttpContext context, string id, PersonRunner runner) => runner.RunAsync(context, id, by => new ConfirmPerson { By = by });
}

public static class JoinTeamFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "people/{id}/teams");

    public static async Task<IResult> Run(HttpContext context, string id, PersonRunner runner, CommunityTeams teams)
    {
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.TeamRequest);
        return await runner.RunAsync(context, id, async (by, person) =>
        {
            var team = await TeamAccess.JoinableAsync(teams, person.CommunityId, request.TeamId, context.RequestAborted);
            return new JoinTeam { By = by, TeamId = team.Id, TeamName = team.Name };
        });
    }
}

public static class TakePostFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "people/{id}/posts");

    public static async Task<IResult> Run(HttpContext context, string id, PersonRunner runner)
    {
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.PostRequest);
        return await runner.RunAsync(context, id, by => new TakePost { By = by, Post = request.Post });
    }
}

/// <summary>登记服务时长: staff only. With an <c>Idempotency-Key</c>, a replay is 409 <c>hours_already_logged</c>, not a second entry.</summary>
public static class LogHoursFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "people/{id}/hours");

    public static async Task<IResult> Run(HttpContext context, string id, PersonRunner runner)
    {
        var staff = context.RequireStaff();
        var request = await JsonBody.ReadAsync(context, PeopleApiJson.Web.HoursRequest);
        if (!DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw ApiProblem.BadRequest("invalid_date", "日期格式应为 yyyy-MM-dd。", "date");
        var entry = IdempotencyKeyHeader.Read(context) is { } k
            ? "h" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{staff.KeyId}\n{k}")))[..16]
            : "h" + Guid.NewGuid().ToString("N")[..16];
        return await runner.RunAsync(context, id, by => new LogServiceHours { By = by, EntryId = entry, Date = date, Hours = request.Hours, What = request.What });
    }
}

/// <summary>
/// 报到人员: staff of the community list its people, paged; names and phones unmasked only to the community's own
/// dispatcher (and admins), masked to the street's organizer. CSV export: the community's own dispatcher (or admin) only.
/// </summary>
public static class ListPeopleFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "people");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, PersonStore store, CommunityDirectory directory)
    {
        var (caller, community) = await ScopeAsync(context, directory);
        var (rows, next) = await IndexPage.ReadAsync(context, storage, TableNames.PersonIndex, PersonModule.CommunityList(community), []);
        var items = new List<PersonListItem>();
        foreach (var row in rows)
            if (await store.LoadAsync(row.GetString("PersonId") ?? "", context.RequestAborted) is { State: { CommunityId: var c } s } && c == community)
                items.Add(ToItem(s, PeopleAccess.MaySeeContact(caller, s)));
        return Results.Json(new PersonPage(items, next), PeopleApiJson.Web.PersonPage);
    }

    public static async Task<(Caller Caller, string Community)> ScopeAsync(HttpContext context, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var d = await directory.GetAsync(context.RequestAborted);
        var community = IndexPage.Param(context, "communityId") ?? (caller.Role == ActorRole.Dispatcher ? caller.Scope
            : throw ApiProblem.BadRequest("scope_required", "请指定社区（communityId）。", "communityId"));
        var area = PeopleAccess.Community(d, community);
        if (caller.Role == ActorRole.Liaison || !PeopleAccess.IsStaffOf(caller, area.Id, area.StreetId))
            throw ApiProblem.Forbidden("outside_scope", "只能查看本社区的报到人员。");
        return (caller, area.Id);
    }

    public static PersonListItem ToItem(PersonState s, bool open) => new(s.Id, s.Status.Code(), s.Status.Chinese(), PeopleRecords.KindCode(s.Kind), s.Kind.Chinese(),
        open ? s.Name : PeopleAccess.MaskedName(s.Name), open ? s.Phone : PeopleAccess.MaskedPhone(s.Phone), s.Teams.Select(t => t.TeamName).ToList(),
        (double)s.LoggedHours, s.RegisteredAt);
}

/// <summary>导出 CSV: the community's own dispatcher (or an admin) exports its people with their logged hours; nobody else.</summary>
public static class ExportPeopleFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "people/export.csv");

    public static async Task<IResult> Run(HttpContext context, StorageClients storage, PersonStore store, CommunityDirectory directory)
    {
        var (caller, community) = await ListPeopleFunction.ScopeAsync(context, directory);
        if (caller.Role is not (ActorRole.Dispatcher or ActorRole.Admin))
            throw ApiProblem.Forbidden("role_forbidden", "只有本社区的工作人员可以导出报到人员。");
        var csv = new StringBuilder("\uFEFF姓名,电话,身份,工作单位,队伍,状态,服务时长\r\n");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PersonModule.CommunityList(community)} and Removed eq false");
        await foreach (var row in storage.Table(TableNames.PersonIndex).QueryAsync<TableEntity>(filter, cancellationToken: context.RequestAborted))
        {
            if (await store.LoadAsync(row.GetString("PersonId") ?? "", context.RequestAborted) is not { State: var s } || s.CommunityId != community) continue;
            csv.Append(string.Join(',', new[] { s.Name, s.Phone, s.Kind.Chinese(), s.WorkUnit, string.Join('、', s.Teams.Select(t => t.TeamName)), s.Status.Chinese(),
                s.LoggedHours.ToString("0.##", CultureInfo.InvariantCulture) }.Select(Cell))).Append("\r\n");
        }
        return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Quoted, and a leading = + - @ defused (no formula injection in a spreadsheet).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && "=+-@".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}
