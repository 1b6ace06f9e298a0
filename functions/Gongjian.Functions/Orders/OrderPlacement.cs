using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;
using Gongjian.Media;

namespace Gongjian.Functions.Orders;

/// <summary>
/// 居民点单, as both front doors do it (<c>POST /api/orders</c> and the bot's 确认提交): decide the
/// order before anything is stored, reserve the idempotency key if there is one, store the photos,
/// save. Under a key, a retry — after a timeout, a crash, or while the first attempt still runs —
/// answers with the order the key stands for instead of placing a second one.
/// </summary>
public sealed class OrderPlacement(OrderStore store, PhotoStore photos, IdempotencyStore idempotency, TimeProvider clock)
{
    /// <param name="Replayed">True when an earlier attempt under the same key placed this order.</param>
    public sealed record Placed(string OrderId, string TrackingCode, bool Replayed);

    public sealed record Outcome(Placed? Order, Rejection? Rejection);

    /// <param name="build">The command for a new order id and tracking-code hash (its photos are added here).</param>
    /// <param name="loadPhotos">The checked photos (their number is limited where they are checked), if any; only called once the order passed the rules.</param>
    /// <param name="key">The idempotency key and the fingerprint of the request it came with, if any.</param>
    public async Task<Outcome> PlaceAsync(
        Func<string, string, PlaceOrder> build, Func<CancellationToken, Task<IReadOnlyList<SanitizedPhoto>>>? loadPhotos,
        (IdempotencyKey Key, string Fingerprint)? key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = OrderIds.NewOrderId(now);
        var trackingCode = OrderIds.NewTrackingCode();
        var command = build(id, OrderAccess.HashTrackingCode(trackingCode));
        // Checked before any photo is stored or any key reserved, so a refused order leaves nothing behind.
        if (OrderDecider.Decide(OrderState.Initial, command, now).Rejection is { } invalid) return new Outcome(null, invalid);

        if (key is { } k)
        {
            var reservation = await idempotency.ReserveAsync(k.Key, k.Fingerprint, id, trackingCode, ct);
            (id, trackingCode) = (reservation.OrderId, reservation.TrackingCode);
            command = command with { OrderId = id, TrackingCodeHash = OrderAccess.HashTrackingCode(trackingCode) };
            if (reservation.Earlier && await store.LoadAsync(id, ct) is { } placed && IsPlacedBy(placed.State, command))
                return new Outcome(new Placed(id, trackingCode, Replayed: true), null);
            // Else the earlier attempt crashed or is still under way: place the reserved order; only one can.
        }
        if (loadPhotos is not null)
            command = command with { PhotoIds = await photos.SaveAsync(id, await loadPhotos(ct), ct, key is { } named ? i => named.Key.PhotoStem(id, i) : null) };

        // A fresh id (or a reservation whose order was not found above): no read before the insert.
        var outcome = await store.ExecuteAsync(id, command, ct, expectNew: true);
        if (key is not null && outcome.Rejection?.Code == "order_exists" && IsPlacedBy(outcome.State, command))
            return new Outcome(new Placed(id, trackingCode, Replayed: true), null);
        return outcome.Rejection is { } r ? new Outcome(null, r) : new Outcome(new Placed(id, trackingCode, Replayed: false), null);
    }

    /// <summary>The stored order is the one this key reserved (its tracking code), not an unrelated order that drew the same id.</summary>
    private static bool IsPlacedBy(OrderState stored, PlaceOrder command) => stored.TrackingCodeHash == command.TrackingCodeHash;
}
