using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// A received message is hidden from other receivers only for the lease given at receive time.
/// While its handler runs, the lease is renewed at half-time so a long handler is not raced by a
/// second copy; every renewal returns a new pop receipt, which delete and release must use.
/// </summary>
public sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly TimeSpan _lease;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private string _popReceipt;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease, ILogger log)
    {
        (_queue, _lease, _log, MessageId, _popReceipt) = (queue, lease, log, message.MessageId, message.PopReceipt);
        _renewals = RenewAsync();
    }

    public string MessageId { get; }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 2, _stop.Token);
                try
                {
                    // Not cancelled midway: a renewal the service applied but we never heard of would
                    // leave us with a stale pop receipt. Stopping waits for it instead.
                    var asked = DateTimeOffset.UtcNow;
                    var receipt = await _queue.UpdateMessageAsync(MessageId, _popReceipt, visibilityTimeout: _lease, cancellationToken: CancellationToken.None);
                    _popReceipt = receipt.Value.PopReceipt;
                    _log.LogDebug("Renewed the lease of message {Id} on {Queue} until {NextVisibleOn:O} (asked at {AskedAt:O})",
                        MessageId, _queue.Name, receipt.Value.NextVisibleOn, asked);
                }
                catch (Exception e) when (e is RequestFailedException || StorageFaults.IsUnavailable(e))
                {
                    _log.LogWarning(e, "Could not renew the lease of message {Id} on {Queue}", MessageId, _queue.Name);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Done: the message is deleted.</summary>
    public Task DeleteAsync(CancellationToken ct) =>
        FinishAsync(() => _queue.DeleteMessageAsync(MessageId, _popReceipt, ct));

    /// <summary>Not done: the message becomes visible again after <paramref name="delay"/> (zero: at once).</summary>
    public Task ReleaseAsync(TimeSpan delay, CancellationToken ct) =>
        FinishAsync(() => _queue.UpdateMessageAsync(MessageId, _popReceipt, visibilityTimeout: delay, cancellationToken: ct));

    private async Task FinishAsync(Func<Task> action)
    {
        await StopRenewingAsync();
        try { await action(); }
        catch (RequestFailedException e) when (e.Status is 404 || e.ErrorCode == "PopReceiptMismatch")
        {
            // The lease ran out and another receiver owns the message now (or already deleted it).
            _log.LogWarning("Message {Id} on {Queue} was no longer ours to finish ({Code})", MessageId, _queue.Name, e.ErrorCode);
        }
    }

    private async Task StopRenewingAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        await _renewals;
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        _stop.Dispose();
    }
}
