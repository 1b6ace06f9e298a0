using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Gongjian.Functions.Storage;

/// <summary>
/// How the app's storage clients retry and time out. The SDK's defaults (3 retries up to a minute
/// apart, 100 s per try) can hold an HTTP request for minutes while storage is down or throttling;
/// these keep the retry that rides out a single transient failure, then give up within seconds
/// so the caller gets <c>503 storage_unavailable</c> with <c>Retry-After</c> instead of a hang.
/// Worst case per call: 3 tries × the network timeout + ~1.5 s of back-off (a refused connection fails at once).
/// </summary>
public static class StorageClientPolicy
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    /// <summary>Per try, for table and queue calls (small bodies).</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(10);
    /// <summary>Per try, for blobs: a photo is up to 10 MB.</summary>
    public static readonly TimeSpan BlobNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <param name="networkTimeout">Per try, when configured (<see cref="StorageOptions.NetworkTimeout"/>); blobs keep at least theirs.</param>
    public static TableClientOptions Tables(TimeSpan? networkTimeout = null) => Apply(new TableClientOptions(), networkTimeout ?? NetworkTimeout);

    public static BlobClientOptions Blobs(TimeSpan? networkTimeout = null) =>
        Apply(new BlobClientOptions(), networkTimeout > BlobNetworkTimeout ? networkTimeout.Value : BlobNetworkTimeout);

    public static QueueClientOptions Queues(TimeSpan? networkTimeout = null) =>
        Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, networkTimeout ?? NetworkTimeout);

    private static T Apply<T>(T options, TimeSpan networkTimeout) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = FirstRetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }
}
