using System.Text.Encodings.Web;
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
        if (problem.RetryAfter is { } wait) context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("type", $"https://gongjian.dev/problems/{problem.Code}");
        writer.WriteString("title", problem.Title);
        writer.WriteNumber("status", problem.Status);
        if (problem.Detail is not null) writer.WriteString("detail", problem.Detail);
        writer.WriteString("code", problem.Code);
        if (problem.Field is not null) writer.WriteString("field", problem.Field);
        writer.WriteString("traceId", context.TraceIdentifier);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
