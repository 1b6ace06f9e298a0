using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Http;

/// <summary>
/// The one shape of every refusal, API and bot: RFC 9457 problem details with the project's
/// extensions <c>code</c> and <c>field</c>, Chinese kept readable.
/// </summary>
public static class ProblemJson
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>Sets status, content type and (for 401) the challenge, then writes the body.</summary>
    public static async Task WriteAsync(HttpContext context, HttpProblem problem)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ContentType;
        if (problem.Status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        if (problem.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
