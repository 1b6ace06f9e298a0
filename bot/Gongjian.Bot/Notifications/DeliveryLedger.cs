using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Notifications;

/// <summary>What the ledger says about a notice for a resident's chat.</summary>
public enum NoticeClaim
{
    /// <summary>Not sent yet: send it now.</summary>
    Claimed,
    /// <summary>Sent already (the queue handed it over again).</summary>
    Delivered,
    /// <summary>The chat already showed a newer notice of the same order: this one would read out of order.</summary>
    Superseded,
}

/// <summary>
/// Which notification went where (table <c>botdeliveries</c>): a row per (notification id, target),
/// added before sending. The insert is the check — 409 means it was delivered already — so a
/// notification the queue hands over twice reaches each person once.
/// A resident's chat has its own partition <c>r.{hash(conversation)}</c>: the claims of its notices
/// (<c>n.{hash(id)}</c>) and, per order, the sequence of the newest notice shown (<c>o.{orderId}</c>),
/// written together in one entity-group transaction.
/// </summary>
public sealed class DeliveryLedger(BotTables tables, TimeProvider clock)
{
    private const int Attempts = 5;
    private readonly TableClient _table = tables.Deliveries;

    public async Task<bool> TryClaimAsync(string notificationId, string target, CancellationToken ct)
    {
        var pk = TableKeys.Hash(notificationId);
        try
        {
            await _table.AddEntityAsync(new TableEntity(pk, $"{pk}.{target}") { ["NotificationId"] = notificationId, ["At"] = clock.GetUtcNow() }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives a claim back when sending failed, so the queue's retry sends it.</summary>
    public async Task ReleaseAsync(string notificationId, string target, CancellationToken ct)
    {
        var pk = TableKeys.Hash(notificationId);
        await _table.DeleteEntityAsync(pk, $"{pk}.{target}", ETag.All, ct);
    }

    /// <summary>
    /// Claims a notice of order <paramref name="orderId"/> for a resident's chat. A notice older than the
    /// newest one the chat was given for that order is <see cref="NoticeClaim.Superseded"/> and not
    /// claimed; otherwise the claim and the order's new high mark are written at once (If-Match on the
    /// mark read), so two notices racing for one chat cannot both pass a mark the other moved.
    /// A notice without a sequence (an older engine) is claimed like any other.
    /// </summary>
    public async Task<NoticeClaim> TryClaimNoticeAsync(string notificationId, string conversationKey, string orderId, int? sequence, CancellationToken ct)
    {
        var pk = NoticePartition(conversationKey);
        var claim = new TableEntity(pk, NoticeRow(notificationId)) { ["NotificationId"] = notificationId, ["At"] = clock.GetUtcNow() };
        if (sequence is not { } seq)
        {
            try { await _table.AddEntityAsync(claim, ct); return NoticeClaim.Claimed; }
            catch (RequestFailedException e) when (e.Status == 409) { return NoticeClaim.Delivered; }
        }
        for (var attempt = 1; ; attempt++)
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(pk, MarkRow(orderId), cancellationToken: ct);
            var mark = read.HasValue ? read.Value : null;
            var shown = mark?.GetInt32("Sequence");
            if (shown > seq) return NoticeClaim.Superseded;
            var next = new TableEntity(pk, MarkRow(orderId)) { ["Sequence"] = seq, ["NotificationId"] = notificationId, ["At"] = clock.GetUtcNow() };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, claim),
                mark is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, mark.ETag),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return NoticeClaim.Claimed;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                return NoticeClaim.Delivered;
            }
            // Another notice of the same order moved the mark in between: read it again and decide again.
            catch (TableTransactionFailedException e) when (attempt < Attempts && e.Status is 409 or 412)
            {
            }
        }
    }

    /// <summary>Gives a notice's claim back when sending failed; the order's mark stays (the retry has the same sequence).</summary>
    public async Task ReleaseNoticeAsync(string notificationId, string conversationKey, CancellationToken ct) =>
        await _table.DeleteEntityAsync(NoticePartition(conversationKey), NoticeRow(notificationId), ETag.All, ct);

    private static string NoticePartition(string conversationKey) => "r." + TableKeys.Hash(conversationKey);

    private static string NoticeRow(string notificationId) => "n." + TableKeys.Hash(notificationId);

    private static string MarkRow(string orderId) => "o." + orderId;
}
