using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Communities;

/// <summary>The communities residents can place orders in. Public: names only.</summary>
public static class ListCommunitiesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "communities");

    public static async Task<IResult> Run(HttpContext context, CommunityDirectory directory)
    {
        var d = await directory.GetAsync(context.RequestAborted);
        var items = d.Communities.Values.OrderBy(c => c.StreetId).ThenBy(c => c.Id)
            .Select(c => new CommunityView(c.Id, c.Name, c.StreetId, d.Streets.TryGetValue(c.StreetId, out var s) ? s.Name : ""))
            .ToList();
        return Results.Json(items, ApiJson.Web.IReadOnlyListCommunityView);
    }
}
