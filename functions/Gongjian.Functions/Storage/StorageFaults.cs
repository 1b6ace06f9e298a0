using System.Net.Sockets;
using Azure;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Tells storage that is down, throttling or too slow (worth trying again later) from a request
/// storage refused on its merits (404, 409, 412: the caller's business). What the SDK throws once
/// its own retries are spent: a <see cref="RequestFailedException"/> with the last status (0 when
/// no answer came), or an <see cref="AggregateException"/> of every try's failure.
/// </summary>
public static class StorageFaults
{
    /// <summary>What clients are told to wait before trying again: storage outages and throttling usually last seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsUnavailable(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsUnavailable),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        // Azure.Core reports its network timeout as a cancellation ("…exceeded the configured timeout…").
        TaskCanceledException t => t.InnerException is TimeoutException || t.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
