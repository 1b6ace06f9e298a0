using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>Adds a member unit to a street's party-building community. Organizer of that street, or admin.</summary>
public static class CreateUnitFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "units");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var r = await JsonBody.ReadAsync(context, ApiJson.Web.CreateUnitRequest);
        var streetId = r.StreetId ?? (caller.Role == ActorRole.Organizer ? caller.Scope : null)
            ?? throw ApiProblem.BadRequest("missing_field", "缺少必填字段：streetId。", "streetId");
        if (!(caller.Role == ActorRole.Admin || caller.Role == ActorRole.Organizer && caller.Scope == streetId))
            throw ApiProblem.Forbidden("role_not_allowed", "只有本街道的组织方或管理员可以添加成员单位。");

        var d = await directory.GetAsync(context.RequestAborted);
        if (!IsSlug(r.Id)) throw ApiProblem.BadRequest("invalid_id", "单位编号只能包含小写字母、数字和连字符（2–40 位）。", "id");
        if (!d.Streets.ContainsKey(streetId)) throw ApiProblem.BadRequest("unknown_street", "街道不存在。", "streetId");
        var (level, kind) = Validate(d, streetId, r.Name, r.Level, r.Kind, r.Categories, r.CommunityIds);

        var unit = new MemberUnit(r.Id, r.Name.Trim(), streetId, level, kind, r.Categories.Distinct().ToList(), r.CommunityIds.Distinct().ToList());
        if (!await directory.AddAsync(unit, context.RequestAborted))
            throw ApiProblem.Conflict("unit_exists", "该单位编号已被使用。");
        context.Response.Headers.Location = $"/api/units/{unit.Id}";
        return Results.Json(ListUnitsFunction.ToView(unit), ApiJson.Web.UnitView, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The checks a unit's fields pass on create and on edit.</summary>
    internal static (UnitLevel Level, UnitKind Kind) Validate(CommunityDirectory.Snapshot d, string streetId, string name, string levelCode, string kindCode,
        IReadOnlyList<string> categories, IReadOnlyList<string> communityIds)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 60) throw ApiProblem.BadRequest("invalid_name", "请填写单位名称（不超过 60 字）。", "name");
        if (!Enum.TryParse<UnitLevel>(levelCode, true, out var level) || !levelCode.All(char.IsAsciiLetterLower))
            throw ApiProblem.BadRequest("invalid_level", "单位层级应为 province、city、district、street 或 community。", "level");
        if (!Enum.TryParse<UnitKind>(kindCode, true, out var kind) || !kindCode.All(char.IsAsciiLetter))
            throw ApiProblem.BadRequest("invalid_kind", "单位类型取值不正确。", "kind");
        if (categories.Count == 0 || categories.Any(c => !ServiceCategory.IsKnown(c)))
            throw ApiProblem.BadRequest("unknown_category", "请至少选择一个有效的服务类别。", "categories");
        if (communityIds.Count == 0 || communityIds.Any(c => !d.Communities.TryGetValue(c, out var community) || community.StreetId != streetId))
            throw ApiProblem.BadRequest("unknown_community", "服务社区必须是本街道下的社区。", "communityIds");
        return (level, kind);
    }

    public static bool IsSlug(string id) =>
        id.Length is >= 2 and <= 40 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
