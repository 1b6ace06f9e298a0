using Gongjian.Http;

namespace Gongjian.Functions.Http;

/// <summary>Writes RFC 9457 problem details with the project's extensions: <c>code</c> and <c>field</c>.</summary>
public static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, HttpProblem problem)
    {
        if (context.Response.HasStarted) return;
        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        if (problem.Status == StatusCodes.Status405MethodNotAllowed) context.Response.Headers.Allow = allow;
        await ProblemJson.WriteAsync(context, problem);
    }

    /// <summary>Status, content type and body only: headers already set (e.g. Retry-After, CORS) are kept.</summary>
    public static async Task WriteBodyAsync(HttpContext context, HttpProblem problem)
    {
        if (context.Response.HasStarted) return;
        await ProblemJson.WriteAsync(context, problem);
    }
}
