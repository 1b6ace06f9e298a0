using Gongjian.Engine;
using System.Diagnostics;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;

namespace Gongjian.Functions.Observability;

/// <summary>
/// Gives every HTTP request one correlation id: the caller's <c>X-Correlation-Id</c> when it is a
/// valid id, else the request's trace id. It becomes <see cref="Correlation.Current"/> (so the outbox
/// stamps it on every message the request causes), a log scope <c>CorrelationId</c> on every line
/// the pipeline writes, a tag on the request span, and the <c>X-Correlation-Id</c> response header.
/// Runs before routing and ProblemMiddleware, so their lines and problem answers carry it too.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> log, FunctionCatalog catalog, TriggerSettings triggers)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // POST /{FunctionName} from the Functions host: the invocation takes its id from the message.
        if (IsBackgroundInvocation(context.Request))
        {
            await next(context);
            return;
        }
        var given = context.Request.Headers[Correlation.Header] is [var header] ? CorrelationIds.ValidOrNull(header) : null;
        using var correlation = Correlation.Begin(given ?? TraceId());
        var id = Correlation.Current!; // Begin made one up if there was neither
        Activity.Current?.SetTag(Telemetry.CorrelationTag, id);
        // Set when the headers go out, not now: ProblemWriter clears the response before writing a problem.
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[Correlation.Header] = value;
            return Task.CompletedTask;
        }, (context.Response, id));
        using var scope = log.BeginScope("CorrelationId:{CorrelationId}", id);
        await next(context);
    }

    /// <summary>Decided by path, as routing has not run yet: a one-segment POST naming a queue or timer function.</summary>
    private bool IsBackgroundInvocation(HttpRequest request) =>
        triggers.InvocationEndpoints && HttpMethods.IsPost(request.Method)
        && request.Path.Value is ['/', .. var name] && name.Length > 0 && !name.Contains('/')
        && catalog.All.Any(f => f.Trigger is QueueTrigger or TimerTrigger && f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string? TraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;
}
