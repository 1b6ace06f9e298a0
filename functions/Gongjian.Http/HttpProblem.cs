using Microsoft.AspNetCore.Http;

namespace Gongjian.Http;

/// <summary>
/// A request the app refuses: HTTP status, a stable machine code, a Chinese title for people and,
/// where one field is at fault, its name. Thrown from anywhere below <c>ProblemMiddleware</c>
/// (API and bot alike) and written by <see cref="ProblemJson"/>.
/// </summary>
public class HttpProblem(int status, string code, string title, string? detail = null, string? field = null)
    : Exception($"{status} {code}")
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? Field { get; } = field;
    /// <summary>When set, sent as <c>Retry-After</c> (whole seconds): the refusal is temporary.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static HttpProblem Invalid(string code, string title, string? field = null, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, code, title, detail, field);
}
