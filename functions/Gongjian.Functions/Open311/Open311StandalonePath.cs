namespace Gongjian.Functions.Open311;

/// <summary>
/// Open311 clients expect the endpoint at <c>/open311/v2</c> (as FixMyStreet serves it). The functions
/// are declared under the Functions host's <c>api</c> prefix (<c>/api/open311/v2/…</c>, the path behind
/// the Functions host); standalone, the usual path is mapped onto them before routing, so both reach
/// the same functions. The path the client used is kept for discovery to repeat.
/// </summary>
public static class Open311StandalonePath
{
    private const string Standalone = "/open311/v2";
    private static readonly object ClientBase = new();

    public static IApplicationBuilder UseOpen311StandalonePath(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Standalone, StringComparison.Ordinal))
            {
                context.Items[ClientBase] = Standalone;
                context.Request.Path = "/api" + context.Request.Path;
            }
            return next(context);
        });

    /// <summary>The endpoint's path as this client called it: <c>/open311/v2</c> or <c>/api/open311/v2</c>.</summary>
    public static string BaseOf(HttpContext context) =>
        context.Items[ClientBase] as string ?? "/api" + Standalone;
}
