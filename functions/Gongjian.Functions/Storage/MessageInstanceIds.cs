namespace Gongjian.Functions.Storage;

/// <summary>
/// Which instance a creating command's message id made: the first request reserves a fresh id under the message id
/// (<see cref="IdempotencyStore"/>, kept 24 h), and a retry — after a lost answer, a crash between the reservation and the
/// instance, or past midnight — gets that same id, so the engine's per-instance idempotency answers it with the first
/// result. Ids that were derived from the message id and the day instead split a retry across midnight into two instances.
/// </summary>
public sealed class MessageInstanceIds(IdempotencyStore store)
{
    /// <summary>The id this message id stands for in <paramref name="module"/>: <paramref name="fresh"/> unless an earlier request reserved one.</summary>
    public async Task<string> ReserveAsync(string module, string messageId, string fresh, CancellationToken ct) =>
        (await store.ReserveAsync(IdempotencyKey.ForMessage(module, messageId), module, fresh, "", ct)).OrderId;

    /// <summary>The id an earlier request reserved under this message id, or null.</summary>
    public Task<string?> FindAsync(string module, string messageId, CancellationToken ct) =>
        store.FindAsync(IdempotencyKey.ForMessage(module, messageId), ct);
}
