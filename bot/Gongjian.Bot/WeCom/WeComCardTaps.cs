using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.WeCom;

/// <summary>A tap on a card's button: which order, which command (<see cref="Accept"/> or <see cref="Decline"/>), and the code that updates that card once.</summary>
public sealed record WeComCardTap(string OrderId, string Command, string ResponseCode)
{
    public const string Accept = "accept";
    public const string Decline = "decline";
}

/// <summary>
/// The response codes of card taps waiting for the turn's outcome (table <c>botwechat</c>, PartitionKey = conversation id):
/// <c>tap.{activity id hash}</c> until the bot answers that tap, then for a 婉拒 <c>tap.declining</c> until the reason is in.
/// A code updates its card once (WeCom's rule): taking a row deletes it with If-Match, so only one sender uses it.
/// </summary>
public sealed class WeComCardTaps(WeChatTables tables)
{
    private const string Declining = "tap.declining";
    private readonly TableClient _table = tables.Table;

    public Task SaveAsync(string conversationId, string activityId, WeComCardTap tap, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(conversationId, RowOf(activityId), tap), TableUpdateMode.Replace, ct);

    /// <summary>The tap this activity was, once (null: not a tap, or taken already).</summary>
    public Task<WeComCardTap?> TakeAsync(string conversationId, string activityId, CancellationToken ct) => TakeRowAsync(conversationId, RowOf(activityId), ct);

    /// <summary>A 婉拒 whose reason the liaison is asked for: its card is updated when the reason has been taken.</summary>
    public Task AwaitReasonAsync(string conversationId, WeComCardTap tap, CancellationToken ct) =>
        _table.UpsertEntityAsync(Row(conversationId, Declining, tap), TableUpdateMode.Replace, ct);

    public Task<WeComCardTap?> TakeDecliningAsync(string conversationId, CancellationToken ct) => TakeRowAsync(conversationId, Declining, ct);

    private async Task<WeComCardTap?> TakeRowAsync(string conversationId, string rowKey, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, rowKey, cancellationToken: ct);
        if (!found.HasValue) return null;
        var row = found.Value!;
        try { await _table.DeleteEntityAsync(conversationId, rowKey, row.ETag, ct); }
        catch (RequestFailedException e) when (e.Status is 404 or 412) { return null; } // another sender took it
        return new WeComCardTap(row.GetString("OrderId") ?? "", row.GetString("Command") ?? "", row.GetString("ResponseCode") ?? "");
    }

    private static TableEntity Row(string conversationId, string rowKey, WeComCardTap tap) =>
        new(conversationId, rowKey) { ["OrderId"] = tap.OrderId, ["Command"] = tap.Command, ["ResponseCode"] = tap.ResponseCode };

    private static string RowOf(string activityId) => "tap." + Storage.TableKeys.Hash(activityId);
}
