using Gongjian.Domain.Community;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>Member units, optionally those serving a category in a community: what a dispatcher picks from.</summary>
public static class ListUnitsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "units");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory, string? category = null, string? communityId = null, bool includeRetired = false)
    {
        if (category is not null && !ServiceCategory.IsKnown(category))
            throw ApiProblem.BadRequest("unknown_category", "服务类别不存在。", "category");
        var d = await directory.GetAsync(context.RequestAborted);
        var items = d.Units.Values
            .Where(u => includeRetired || !u.IsRetired)
            .Where(u => category is null || u.Serves(category))
            .Where(u => communityId is null || u.Covers(communityId))
            .OrderBy(u => u.Level).ThenBy(u => u.Id)
            .Select(ToView)
            .ToList();
        return Results.Json(items, ApiJson.Web.IReadOnlyListUnitView);
    }

    public static UnitView ToView(MemberUnit u) => new(u.Id, u.Name, u.StreetId,
        u.Level.ToString().ToLowerInvariant(), u.Kind.ToString().ToLowerInvariant(), u.Categories, u.CommunityIds, u.RetiredAt, u.RetiredReason);
}
