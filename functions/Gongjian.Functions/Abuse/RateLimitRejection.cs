using System.Globalization;
using System.Threading.RateLimiting;
using Gongjian.Functions.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjian.Functions.Abuse;

/// <summary>
/// A refused request: <c>429</c>, <c>Retry-After</c> in whole seconds (rounded up, at least 1) and problem
/// details with the code <c>rate_limited</c> — the same on the API, the bot and Direct Line. Headers set
/// before (Direct Line's CORS) are kept, so Web Chat in a browser can read the answer.
/// </summary>
public static class RateLimitRejection
{
    public const string Code = "rate_limited";

    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // No address in the log: it is the resident's personal data (PIPL); the route tells what was flooded.
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection))
            .LogWarning("Rate limit reached on {Endpoint}; retry after {RetryAfter} s", context.GetEndpoint()?.DisplayName, seconds);
        await ProblemWriter.WriteBodyAsync(context, new ApiProblem(StatusCodes.Status429TooManyRequests, Code,
            "请求过于频繁，请稍后再试。", $"请在 {seconds} 秒后重试。"));
    }
}
