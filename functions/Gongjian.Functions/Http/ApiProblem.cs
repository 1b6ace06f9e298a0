using Gongjian.Http;

namespace Gongjian.Functions.Http;

/// <summary>
/// A request the API refuses: HTTP status, a stable machine code, and a Chinese title for people.
/// Thrown from anywhere in a handler and written as ProblemDetails by <see cref="ProblemMiddleware"/>
/// (which writes every <see cref="HttpProblem"/>, the strict JSON reader's and the bot's too).
/// </summary>
public sealed class ApiProblem(int status, string code, string title, string? detail = null, string? field = null)
    : HttpProblem(status, code, title, detail, field)
{
    public static ApiProblem BadRequest(string code, string title, string? field = null, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, code, title, detail, field);

    public static ApiProblem NotFound(string code, string title) => new(StatusCodes.Status404NotFound, code, title);

    public static ApiProblem Unauthorized(string code, string title) => new(StatusCodes.Status401Unauthorized, code, title);

    public static ApiProblem Forbidden(string code, string title) => new(StatusCodes.Status403Forbidden, code, title);

    public static ApiProblem Conflict(string code, string title) => new(StatusCodes.Status409Conflict, code, title);

    public static ApiProblem Gone(string code, string title) => new(StatusCodes.Status410Gone, code, title);

    public static ApiProblem StorageUnavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "服务繁忙，请稍后再试。") { RetryAfter = Storage.StorageFaults.RetryAfter };

    /// <summary>
    /// The engine decided again on a fresh state as often as it may and another writer still won each time (many people
    /// acting on one instance at the same moment): nothing was written; the same request with the same Idempotency-Key is safe.
    /// </summary>
    public static ApiProblem ContendedInstance() =>
        new(StatusCodes.Status503ServiceUnavailable, "instance_contended", "同一事项正有很多人同时办理，请稍后再试。") { RetryAfter = Storage.StorageFaults.RetryAfter };

    /// <summary>A table, queue or container is missing: the operator has not run <c>setup</c> (or deployed infra-bicep) on this account.</summary>
    public static ApiProblem StorageNotSetUp(IReadOnlyList<string>? missing = null) =>
        new(StatusCodes.Status503ServiceUnavailable, "storage_not_set_up", "服务尚未准备好，请稍后再试。",
            (missing is { Count: > 0 } ? $"Missing {string.Join(", ", missing)}. " : "") + "Run `Gongjian.Functions setup` (or deploy infra-bicep) on this storage account.")
        { RetryAfter = Storage.StorageFaults.RetryAfter };

    public static ApiProblem TooLarge(string code, string title, string? field = null) =>
        new(StatusCodes.Status413PayloadTooLarge, code, title, null, field);
}
