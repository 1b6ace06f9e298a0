using Gongjian.Domain.GridReports;
using Gongjian.Domain.Privacy;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Grids;

internal static class GridRules
{
    public static readonly IReadOnlyList<(string Code, string Name)> Roles =
        [("leader", "网格长"), ("instructor", "网格指导员"), ("worker", "网格员"), ("volunteer", "志愿者")];

    public static string RoleText(string code) => Roles.FirstOrDefault(r => r.Code == code).Name ?? code;

    /// <summary>Checks a grid's fields; throws a 400 problem naming the first bad one.</summary>
    public static Grid Valid(string communityId, string slug, SaveGridRequest r)
    {
        var name = r.Name.Trim();
        if (name.Length is 0 or > 30) throw ApiProblem.BadRequest("invalid_name", "请填写网格名称（不超过 30 字）。", "name");
        var area = (r.Area ?? "").Trim();
        if (area.Length > 200) throw ApiProblem.BadRequest("area_too_long", "网格范围请写在 200 字以内。", "area");
        var centre = new GeoPoint(r.CentreLat, r.CentreLon);
        if (!centre.IsValid) throw ApiProblem.BadRequest("location_invalid", "网格中心的经纬度不正确。", "centreLat");
        if (r.RadiusMetres is < 50 or > 5000) throw ApiProblem.BadRequest("invalid_radius", "网格半径须在 50 到 5000 米之间。", "radiusMetres");
        if (r.Team.Count > 30) throw ApiProblem.BadRequest("team_too_large", "一个网格的团队最多 30 人。", "team");
        var team = new List<GridMemberInput>();
        for (var i = 0; i < r.Team.Count; i++)
        {
            var m = r.Team[i];
            if (Roles.All(x => x.Code != m.Role)) throw ApiProblem.BadRequest("invalid_member_role", "团队成员的角色应为 leader、instructor、worker 或 volunteer。", $"team[{i}].role");
            var memberName = m.Name.Trim();
            if (memberName.Length is 0 or > 20) throw ApiProblem.BadRequest("invalid_member_name", "请填写团队成员姓名（不超过 20 字）。", $"team[{i}].name");
            string? phone = null;
            if (!string.IsNullOrWhiteSpace(m.Phone) && !PhoneNumber.TryNormalize(m.Phone, out var normalized))
                throw ApiProblem.BadRequest("invalid_phone", "联系电话格式不正确，请填写 11 位手机号或带区号的固定电话。", $"team[{i}].phone");
            else if (!string.IsNullOrWhiteSpace(m.Phone)) PhoneNumber.TryNormalize(m.Phone, out phone);
            team.Add(new GridMemberInput { Role = m.Role, Name = memberName, Phone = phone });
        }
        return new Grid(communityId, slug, name, area, centre, r.RadiusMetres, team);
    }

    public static GridView View(CommunityDirectory.Snapshot d, Grid g)
    {
        var street = d.Communities.TryGetValue(g.CommunityId, out var c) ? c.StreetId : "";
        return new GridView(g.Id, g.CommunityId, d.CommunityName(g.CommunityId), street, g.Name, g.Area, g.Centre.Lat, g.Centre.Lon, g.RadiusMetres,
            [.. g.Team.Select(m => new GridMemberView(m.Role, RoleText(m.Role), m.Name, m.Phone))]);
    }

    public static async Task<(Grid Grid, Azure.ETag ETag, Domain.Community.CommunityArea Community)> FindAsync(
        string id, GridBook grids, CommunityDirectory directory, CancellationToken ct)
    {
        var found = await grids.GetAsync(id, ct) ?? throw ApiProblem.NotFound("grid_not_found", "网格不存在，请检查编号。");
        var community = (await directory.GetAsync(ct)).Communities.GetValueOrDefault(found.Grid.CommunityId)
            ?? throw ApiProblem.NotFound("grid_not_found", "网格不存在，请检查编号。");
        return (found.Grid, found.ETag, community);
    }
}

/// <summary>POST /api/grids: a new grid of a community with its team (the community's dispatcher, the street's organizer, an admin).</summary>
public static class CreateGridFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "grids");

    public static async Task<IResult> Run(HttpContext context, GridBook grids, CommunityDirectory directory)
    {
        var ct = context.RequestAborted;
        context.RequireStaff();
        var r = await JsonBody.ReadAsync(context, GridApiJson.Web.SaveGridRequest);
        var community = await GridAccess.CommunityAsync(directory, r.CommunityId ?? "", "communityId", ct);
        GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        if (r.Slug is null || !CreateUnitFunction.IsSlug(r.Slug))
            throw ApiProblem.BadRequest("invalid_id", "网格编号只能包含小写字母、数字和连字符（2–40 位）。", "slug");
        var grid = GridRules.Valid(community.Id, r.Slug, r);
        if (!await grids.AddAsync(grid, ct)) throw ApiProblem.Conflict("grid_exists", "该网格编号已被使用。");
        context.Response.Headers.Location = $"/api/grids/{grid.Id}";
        return Results.Json(GridRules.View(await directory.GetAsync(ct), grid), GridApiJson.Web.GridView, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>GET /api/grids?community=: the community's grids with their teams (names and phones: staff of the community; a grid worker sees its own grid).</summary>
public static class ListGridsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grids");

    public static async Task<IResult> Run(HttpContext context, GridBook grids, CommunityDirectory directory)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var communityId = context.Request.Query["community"].ToString();
        if (communityId.Length == 0)
            communityId = caller.Role switch
            {
                Domain.Orders.ActorRole.Dispatcher => caller.Scope,
                Domain.Orders.ActorRole.GridWorker => GridIds.CommunityOf(caller.Scope),
                _ => throw ApiProblem.BadRequest("community_required", "请指明社区（community）。", "community"),
            };
        var community = await GridAccess.CommunityAsync(directory, communityId, "community", ct);
        if (caller.Role != Domain.Orders.ActorRole.GridWorker) GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        else if (GridIds.CommunityOf(caller.Scope) != community.Id) throw ApiProblem.Forbidden("outside_scope", "这个社区不是您的网格所在的社区。");
        var d = await directory.GetAsync(ct);
        var items = (await grids.ListAsync(community.Id, ct))
            .Where(g => caller.Role != Domain.Orders.ActorRole.GridWorker || g.Id == caller.Scope)
            .OrderBy(g => g.Slug, StringComparer.Ordinal).Select(g => GridRules.View(d, g)).ToList();
        return Results.Json(new GridPage(items), GridApiJson.Web.GridPage);
    }
}

/// <summary>GET /api/grids/{id}: one grid with its ETag (for PUT's If-Match).</summary>
public static class GetGridFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grids/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, GridBook grids, CommunityDirectory directory)
    {
        var ct = context.RequestAborted;
        var caller = context.RequireStaff();
        var (grid, etag, community) = await GridRules.FindAsync(id, grids, directory, ct);
        if (!GridAccess.MayRead(caller, community.Id, community.StreetId, grid.Id)) throw ApiProblem.Forbidden("outside_scope", "这个网格不属于您的管辖范围。");
        context.Response.Headers.ETag = etag.ToString();
        return Results.Json(GridRules.View(await directory.GetAsync(ct), grid), GridApiJson.Web.GridView);
    }
}

/// <summary>PUT /api/grids/{id}: rename, move the centre, change the team; If-Match (a stale one is 412 grid_changed).</summary>
public static class UpdateGridFunction
{
    public static readonly HttpTrigger Trigger = new("PUT", "grids/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, GridBook grids, CommunityDirectory directory)
    {
        var ct = context.RequestAborted;
        context.RequireStaff();
        var (grid, etag, community) = await GridRules.FindAsync(id, grids, directory, ct);
        GridAccess.RequireCommunityStaff(context, community.Id, community.StreetId);
        var r = await JsonBody.ReadAsync(context, GridApiJson.Web.SaveGridRequest);
        if (r.CommunityId is { } c && c != grid.CommunityId || r.Slug is { } s && s != grid.Slug)
            throw ApiProblem.BadRequest("id_immutable", "网格的社区和编号不能修改。", r.Slug is null ? "communityId" : "slug");
        var expected = context.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch ? new Azure.ETag(ifMatch) : etag;
        var updated = GridRules.Valid(grid.CommunityId, grid.Slug, r);
        var saved = await grids.ReplaceAsync(updated, expected, ct)
            ?? throw new ApiProblem(StatusCodes.Status412PreconditionFailed, "grid_changed", "该网格刚被他人修改，请刷新后再改。");
        context.Response.Headers.ETag = saved.ToString();
        return Results.Json(GridRules.View(await directory.GetAsync(ct), updated), GridApiJson.Web.GridView);
    }
}
