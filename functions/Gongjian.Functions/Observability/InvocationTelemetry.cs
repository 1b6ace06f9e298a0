using Gongjian.Engine;
using System.Diagnostics;
using Gongjian.Functions.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Observability;

/// <summary>
/// What surrounds one queue or timer invocation, in the standalone trigger host and under the
/// Functions host alike: a span, the correlation id found in the message (else the span's trace id)
/// as <see cref="Correlation.Current"/>, a log scope naming the invocation, and the queue lag.
/// </summary>
public sealed class InvocationTelemetry : IDisposable
{
    private readonly Activity? _activity;
    private readonly IDisposable _correlation;
    private readonly IDisposable? _scope;
    private readonly ILogger _log;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _failed;

    private InvocationTelemetry(FunctionInvocation invocation, FunctionDeclaration function, ILogger log)
    {
        _log = log;
        var queue = (function.Trigger as QueueTrigger)?.QueueName;
        var header = MessageHeader.Read(invocation.Message);
        _activity = Telemetry.Source.StartActivity(function.Name, queue is null ? ActivityKind.Internal : ActivityKind.Consumer,
            parentContext: default, links: LinkTo(header.CorrelationId));
        _correlation = Correlation.Begin(header.CorrelationId ?? _activity?.TraceId.ToHexString());
        var correlation = Correlation.Current!;
        if (_activity is not null) Tag(_activity, invocation, queue, correlation);
        _scope = queue is null
            ? log.BeginScope("{FunctionName} invocation {InvocationId} CorrelationId:{CorrelationId}", function.Name, invocation.InvocationId, correlation)
            : log.BeginScope("{FunctionName} invocation {InvocationId} message {MessageId} try {DequeueCount} CorrelationId:{CorrelationId}",
                function.Name, invocation.InvocationId, invocation.MessageId, invocation.DequeueCount, correlation);
        if (queue is not null && invocation.InsertedAt is { } inserted)
            OrderMetrics.QueueMessageStarted(queue, inserted, header.FireAt, DateTimeOffset.UtcNow);
        // Debug: under the Functions host, the host already logs "Executing"/"Executed" per invocation.
        log.LogDebug("Executing {FunctionName}", function.Name);
    }

    public static InvocationTelemetry Start(FunctionInvocation invocation, FunctionDeclaration function, ILogger log) =>
        new(invocation, function, log);

    /// <summary>Marks the span failed; only the exception's type, as messages may quote data.</summary>
    public void Failed(Exception e)
    {
        _failed = true;
        _activity?.SetTag("error.type", e.GetType().FullName);
        _activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
    }

    public void Dispose()
    {
        _log.LogDebug("Executed ({Result}) in {ElapsedMs:F0} ms", _failed ? "Failed" : "Succeeded", Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        _scope?.Dispose();
        _correlation.Dispose();
        _activity?.Dispose();
    }

    private static void Tag(Activity activity, FunctionInvocation invocation, string? queue, string correlation)
    {
        activity.SetTag("faas.trigger", queue is null ? "timer" : "pubsub");
        activity.SetTag("faas.invocation_id", invocation.InvocationId);
        activity.SetTag(Telemetry.CorrelationTag, correlation);
        if (queue is null) return;
        activity.SetTag("messaging.destination.name", queue);
        activity.SetTag("messaging.message.id", invocation.MessageId);
        activity.SetTag("messaging.message.dequeue_count", invocation.DequeueCount);
    }

    /// <summary>
    /// A correlation id that is a W3C trace id (the default: the originating request's) links this span
    /// to that trace, so Application Insights can go from a queue hop back to the request. The message
    /// carries no span id, so the link names the trace only.
    /// </summary>
    private static ActivityLink[]? LinkTo(string? correlation) =>
        correlation is { Length: 32 } && correlation.All(char.IsAsciiHexDigitLower) && correlation.Any(c => c != '0')
            ? [new ActivityLink(new ActivityContext(ActivityTraceId.CreateFromString(correlation), default, ActivityTraceFlags.Recorded))]
            : null;
}
