using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.Notifications;

/// <summary>
/// Which notification went where (table <c>botdeliveries</c>): a row per (notification id, target),
/// added before sending. The insert is the check — 409 means it was delivered already — so a
/// notification the queue hands over twice reaches each person once.
/// </summary>
public sealed class DeliveryLedger(BotTables tables, TimeProvider clock)
{
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
}
