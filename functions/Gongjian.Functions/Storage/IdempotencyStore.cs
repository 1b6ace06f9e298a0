using Azure;
using Azure.Data.Tables;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Idempotency-Key reservations in table <c>idempotency</c> (PartitionKey = RowKey = <see cref="IdempotencyKey.RowKey"/>):
/// the order id the key stands for, its sealed tracking code, the request's fingerprint and when it
/// was made. A reservation is an atomic insert — a 409 means an earlier request holds the key —
/// and one older than <see cref="Retention"/> counts as absent: it is replaced under its ETag.
/// </summary>
public sealed class IdempotencyStore(StorageClients storage, TimeProvider clock)
{
    /// <summary>How long a key is honoured, as the draft suggests: at least 24 h.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxAttempts = 4;
    private readonly TableClient _table = storage.Idempotency;

    /// <param name="Earlier">True when an earlier request made the reservation (the order may or may not be stored yet).</param>
    public sealed record Reservation(string OrderId, string TrackingCode, bool Earlier);

    /// <summary>
    /// Reserves <paramref name="key"/> for a new order, or returns what an earlier request with the
    /// same fingerprint reserved. The same key with another request is refused with 422.
    /// </summary>
    public async Task<Reservation> ReserveAsync(IdempotencyKey key, string fingerprint, string orderId, string trackingCode, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var row = Row(key, fingerprint, orderId, trackingCode, now);
            try
            {
                await _table.AddEntityAsync(row, ct);
                return new Reservation(orderId, trackingCode, Earlier: false);
            }
            catch (RequestFailedException e) when (e.Status == 409) { }

            var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.RowKey, key.RowKey, cancellationToken: ct);
            if (!found.HasValue) continue; // purged in between: insert again
            var earlier = found.Value!;
            if (IsExpired(earlier, now))
            {
                try
                {
                    await _table.UpdateEntityAsync(row, earlier.ETag, TableUpdateMode.Replace, ct);
                    return new Reservation(orderId, trackingCode, Earlier: false);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412) { continue; } // another request renewed or purged it first
            }
            if (earlier.GetString("Fingerprint") != fingerprint)
                throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                    "这个 Idempotency-Key 已用于内容不同的请求。", "重试时请原样重发第一次的请求；提交新的工单请使用新的 Idempotency-Key。");
            var earlierId = earlier.GetString("OrderId");
            return new Reservation(earlierId, key.Open(earlierId, earlier.GetString("TrackingCode")), Earlier: true);
        }
        throw new InvalidOperationException($"Idempotency key reservation did not settle after {MaxAttempts} attempts.");
    }

    /// <summary>The id <paramref name="key"/> was reserved for, unless nothing (or only an expired reservation) holds it.</summary>
    public async Task<string?> FindAsync(IdempotencyKey key, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.RowKey, key.RowKey, select: ["OrderId", "CreatedAt"], cancellationToken: ct);
        return found.HasValue && !IsExpired(found.Value!, clock.GetUtcNow()) ? found.Value!.GetString("OrderId") : null;
    }

    /// <summary>Deletes reservations past <see cref="Retention"/> (each under its ETag, so one renewed meanwhile stays). Returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"CreatedAt le {clock.GetUtcNow() - Retention}");
        var purged = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                purged++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
        return purged;
    }

    /// <summary>The reservation row; public so that tests can plant one as a crashed request would have left it.</summary>
    public static TableEntity Row(IdempotencyKey key, string fingerprint, string orderId, string trackingCode, DateTimeOffset createdAt) =>
        new(key.RowKey, key.RowKey)
        {
            ["OrderId"] = orderId,
            ["TrackingCode"] = key.Seal(orderId, trackingCode),
            ["Fingerprint"] = fingerprint,
            ["CreatedAt"] = createdAt,
        };

    private static bool IsExpired(TableEntity row, DateTimeOffset now) =>
        row.GetDateTimeOffset("CreatedAt") is not { } created || created + Retention <= now;
}
