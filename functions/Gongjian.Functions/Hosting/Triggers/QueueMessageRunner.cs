using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Gongjian.Functions.Observability;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// Runs one received message through its function and settles it as the Functions host does:
/// success deletes it; failure hides it for visibilityTimeout so it is retried; the failure of
/// try number maxDequeueCount moves its text to <c>{queue}-poison</c> instead.
/// </summary>
public sealed class QueueMessageRunner(
    FunctionDeclaration function, QueueClient queue, QueueClient poison, QueueHostOptions options, TimeSpan lease,
    IServiceProvider services, ILogger log, Action<TimeSpan>? retryExpected = null)
{
    public async Task RunAsync(QueueMessage message, CancellationToken stopping)
    {
        var invocation = Invocation(message);
        using var telemetry = InvocationTelemetry.Start(invocation, function, log); // span, correlation, scope: poison moves included
        await using var held = new MessageLease(queue, message, lease, log);
        // Received more often than allowed: an earlier try never settled (the process died mid-run).
        // Running it again could kill the process again, so it goes straight to the poison queue.
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            await PoisonAsync(message, held);
            return;
        }
        try
        {
            await using var scope = services.CreateAsyncScope();
            await function.Run!(invocation, scope.ServiceProvider, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: let another instance (or the next start) take it right away.
            log.LogInformation("{Function} stopped mid-message {Id}; it is visible again", function.Name, message.MessageId);
            await held.ReleaseAsync(TimeSpan.Zero, CancellationToken.None);
            return;
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            log.LogError(e, "{Function} failed on message {Id} (try {Try} of {Max})",
                function.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
            if (message.DequeueCount >= options.MaxDequeueCount) await PoisonAsync(message, held);
            else
            {
                var delay = RetryDelay(e, message.DequeueCount);
                await held.ReleaseAsync(delay, CancellationToken.None);
                retryExpected?.Invoke(delay); // the listener wakes for the retry instead of polling for it
            }
            return;
        }
        await held.DeleteAsync(CancellationToken.None);
    }

    /// <summary>
    /// visibilityTimeout, as the Functions host waits; but when storage itself failed (down, throttling),
    /// twice as long after every such try (capped at 5 min), so an outage does not spend the message's tries at once.
    /// </summary>
    private TimeSpan RetryDelay(Exception failure, long dequeueCount)
    {
        if (!Storage.StorageFaults.IsUnavailable(failure)) return options.VisibilityTimeout;
        var doubled = options.VisibilityTimeout * Math.Pow(2, Math.Min(dequeueCount - 1, 10));
        return doubled < MaxStorageRetryDelay ? doubled : MaxStorageRetryDelay;
    }

    private static readonly TimeSpan MaxStorageRetryDelay = TimeSpan.FromMinutes(5);

    private FunctionInvocation Invocation(QueueMessage message) => new()
    {
        FunctionName = function.Name,
        Message = message.Body.ToString(),
        MessageId = message.MessageId,
        DequeueCount = message.DequeueCount,
        InsertedAt = message.InsertedOn,
        InvocationId = Guid.NewGuid().ToString(),
    };

    private async Task PoisonAsync(QueueMessage message, MessageLease held)
    {
        try
        {
            await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await poison.CreateIfNotExistsAsync();
            await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        }
        log.LogError("{Function}: message {Id} moved to {Poison} after {Tries} tries", function.Name, message.MessageId, poison.Name, message.DequeueCount);
        await held.DeleteAsync(CancellationToken.None);
    }
}
