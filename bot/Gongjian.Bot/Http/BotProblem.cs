using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Bot.Http;

/// <summary>
/// A refusal from a bot endpoint as RFC 9457 problem details with a stable <c>code</c> and a Chinese
/// title: the same shape as the rest of the API.
/// </summary>
public sealed class BotProblem(int status, string code, string title) : IResult
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static BotProblem BadRequest(string code, string title) => new(StatusCodes.Status400BadRequest, code, title);
    public static BotProblem Unauthorized(string code, string title) => new(StatusCodes.Status401Unauthorized, code, title);
    public static BotProblem Forbidden(string code, string title) => new(StatusCodes.Status403Forbidden, code, title);
    public static BotProblem NotFound(string code, string title) => new(StatusCodes.Status404NotFound, code, title);

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        if (Status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("type", $"https://gongjian.dev/problems/{Code}");
        writer.WriteString("title", title);
        writer.WriteNumber("status", Status);
        writer.WriteString("code", Code);
        writer.WriteString("traceId", context.TraceIdentifier);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
