using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>The communities residents can place orders in (and, asked, the retired ones). Public: names only.</summary>
public static class ListCommunitiesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "communities");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory, bool includeRetired = false)
    {
        var d = await directory.GetAsync(context.RequestAborted);
        var items = d.Communities.Values.Where(c => includeRetired || !c.IsRetired).OrderBy(c => c.StreetId).ThenBy(c => c.Id)
            .Select(c => ToView(d, c))
            .ToList();
        return Results.Json(items, ApiJson.Web.IReadOnlyListCommunityView);
    }

    public static CommunityView ToView(CommunityDirectory.Snapshot d, Domain.Community.CommunityArea c) =>
        new(c.Id, c.Name, c.StreetId, d.Streets.TryGetValue(c.StreetId, out var s) ? s.Name : "", c.RetiredAt);
}
