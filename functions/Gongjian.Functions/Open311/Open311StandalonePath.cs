using Microsoft.AspNetCore.Rewrite;

namespace Gongjian.Functions.Open311;

/// <summary>
/// Open311 clients expect the endpoint at <c>/open311/v2</c> (as FixMyStreet serves it). The functions
/// are declared under the Functions host's <c>api</c> prefix (<c>/api/open311/v2/…</c>, the path behind
/// the Functions host); standalone, the usual path is rewritten to them, so both reach the same functions.
/// </summary>
public static class Open311StandalonePath
{
    public static IApplicationBuilder UseOpen311StandalonePath(this IApplicationBuilder app) =>
        app.UseRewriter(new RewriteOptions().AddRewrite("^open311/v2/(.*)$", "api/open311/v2/$1", skipRemainingRules: true));
}
