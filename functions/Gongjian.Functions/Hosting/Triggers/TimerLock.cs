using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// Makes one instance, once, run a timer occurrence when several share the storage account (like
/// the Functions host's singleton lock): a lease on blob <c>timers/{function}</c> in the locks
/// container guards the run, and the blob's metadata records the last occurrence done, so an
/// instance that gets the lease later — or a restarted one — skips it.
/// </summary>
public sealed class TimerLock(BlobContainerClient container, ILogger log)
{
    private const string LastKey = "lastoccurrence";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="run"/> unless another instance holds the lock or, for an
    /// <paramref name="occurrence"/>, it is already recorded as done. Null: a start-up run, not recorded.
    /// <paramref name="run"/> handles its own failures: a failed run still counts as done (timers are not retried).
    /// </summary>
    public async Task<bool> TryRunAsync(string functionName, DateTimeOffset? occurrence, Func<Task> run, CancellationToken ct)
    {
        var blob = container.GetBlobClient($"timers/{functionName}");
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseTime, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // First run of this timer on this account: make its blob, then compete for it as usual.
            await EnsureBlobAsync(blob, ct);
            return await TryRunAsync(functionName, occurrence, run, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // another instance is running this timer now
        }
        var conditions = new BlobRequestConditions { LeaseId = lease.LeaseId };
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(lease, renewing.Token);
        try
        {
            var metadata = (await blob.GetPropertiesAsync(conditions, ct)).Value.Metadata;
            if (occurrence is { } due && metadata.TryGetValue(LastKey, out var last)
                && DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var done) && done >= due)
                return false;
            await run();
            if (occurrence is { } ran)
            {
                metadata[LastKey] = ran.ToString("O", CultureInfo.InvariantCulture);
                await blob.SetMetadataAsync(metadata, conditions, CancellationToken.None);
            }
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            try { await lease.ReleaseAsync(cancellationToken: CancellationToken.None); }
            catch (Exception e) when (e is RequestFailedException || Storage.StorageFaults.IsUnavailable(e))
            {
                log.LogWarning(e, "Could not release the timer lock of {Function}", functionName); // it lapses by itself in 30 s
            }
        }
    }

    private async Task EnsureBlobAsync(BlobClient blob, CancellationToken ct)
    {
        var create = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await blob.UploadAsync(BinaryData.Empty, create, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound.ToString())
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            await EnsureBlobAsync(blob, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already there (409 if another instance holds its lease right now).
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTime / 3, ct);
                try { await lease.RenewAsync(cancellationToken: CancellationToken.None); }
                catch (Exception e) when (e is RequestFailedException || Storage.StorageFaults.IsUnavailable(e)) { log.LogWarning(e, "Could not renew a timer lock"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
