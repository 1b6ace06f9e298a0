using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Showcases;

/// <summary>Public: the published showcases, newest first.</summary>
public static class ListShowcasesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "showcases");

    public static async Task<IResult> Run(HttpContext context, ShowcaseStore showcases, string? streetId = null) =>
        Results.Json(await showcases.ListAsync(streetId, context.RequestAborted), ApiJson.Web.IReadOnlyListShowcaseView);
}
