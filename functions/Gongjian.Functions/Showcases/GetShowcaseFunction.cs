using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Showcases;

/// <summary>Public: one showcase.</summary>
public static class GetShowcaseFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "showcases/{id}");

    public static async Task<IResult> Run(HttpContext context, string id, ShowcaseStore showcases)
    {
        var found = await showcases.GetAsync(id, context.RequestAborted) ?? throw ApiProblem.NotFound("showcase_not_found", "晒单不存在。");
        if (found.WithdrawnAt is not null) throw ApiProblem.Gone("showcase_withdrawn", "这篇晒单已撤回，不再公开。");
        return Results.Json(found.View, ApiJson.Web.ShowcaseView);
    }
}
