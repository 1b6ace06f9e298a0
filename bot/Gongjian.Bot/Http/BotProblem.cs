using Gongjian.Http;
using Microsoft.AspNetCore.Http;

namespace Gongjian.Bot.Http;

/// <summary>
/// A refusal from a bot endpoint, returned as a result: written by <see cref="ProblemJson"/>, the same
/// RFC 9457 shape (stable <c>code</c>, Chinese title) as the API's. Refusals thrown as
/// <see cref="HttpProblem"/> (the strict JSON reader's) reach the app's problem middleware instead.
/// </summary>
public sealed class BotProblem(int status, string code, string title, string? field = null) : IResult
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static BotProblem BadRequest(string code, string title, string? field = null) => new(StatusCodes.Status400BadRequest, code, title, field);
    public static BotProblem Unauthorized(string code, string title) => new(StatusCodes.Status401Unauthorized, code, title);
    public static BotProblem Forbidden(string code, string title) => new(StatusCodes.Status403Forbidden, code, title);
    public static BotProblem NotFound(string code, string title) => new(StatusCodes.Status404NotFound, code, title);

    public Task ExecuteAsync(HttpContext context) => ProblemJson.WriteAsync(context, new HttpProblem(Status, Code, title, null, field));
}
