using System.Text.Json;

namespace Gongjian.Functions.Http;

/// <summary>Writes RFC 9457 problem details with the project's extensions: <c>code</c> and <c>field</c>.</summary>
public static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        if (context.Response.HasStarted) return;
        var allow = context.Response.Headers.Allow;
        context.Response.Clear();
        if (problem.Status == StatusCodes.Status405MethodNotAllowed) context.Response.Headers.Allow = allow;
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        if (problem.Status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        await WriteBodyAsync(context, problem);
    }

    /// <summary>Status, content type and body only: headers already set (e.g. Retry-After, CORS) are kept.</summary>
    public static async Task WriteBodyAsync(HttpContext context, ApiProblem problem)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        var view = new Contract.ProblemView($"https://gongjian.dev/problems/{problem.Code}", problem.Title, problem.Status, problem.Detail,
            problem.Code, problem.Field, context.TraceIdentifier);
        await JsonSerializer.SerializeAsync(context.Response.Body, view, ApiJson.Web.ProblemView, context.RequestAborted);
    }
}
