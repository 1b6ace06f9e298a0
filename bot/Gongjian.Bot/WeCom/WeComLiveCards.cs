using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// The 接单/婉拒 cards still live in liaisons' WeCom apps, so every card follows its order. Sending a template card returns a
/// <c>response_code</c> that updates that card once within 72 hours (WeCom's rule); it is kept here per (order, liaison):
/// table <c>botwechat</c>, PartitionKey <c>wecard.{order id}</c>, RowKey = the liaison's conversation id. When the order moves
/// on by any path (accepted, declined, withdrawn, cancelled — the engine's notices, <see cref="OutcomeOf"/>) each kept card
/// is updated once to say so. A liaison who taps their own card is forgotten here first, and one who types the command
/// takes their card's code for that turn: either way their card shows their own outcome (<see cref="WeComOutbox"/>). A row is taken (deleted with If-Match) before its
/// code is used, so two paths never spend one code. Nothing is logged with the userid.
/// </summary>
public sealed class WeComLiveCards(WeChatTables tables, WeComApi api, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComLiveCards> log)
{
    public const string TakenByOther = "已被他人接单", DeclinedByOther = "已被他人婉拒", Withdrawn = "已撤回", Cancelled = "已取消";

    /// <summary>How long WeCom honours a response code.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(72);

    private readonly TableClient _table = tables.Table;

    /// <summary>The button's new label for a notice of <paramref name="kind"/> about an order; null when the order has not moved on.</summary>
    public static string? OutcomeOf(string kind) => kind switch
    {
        "accepted" => TakenByOther,
        "declined" => DeclinedByOther,
        "withdrawn" => Withdrawn,
        "cancelled" or "rejected" => Cancelled,
        _ => null,
    };

    public Task KeepAsync(string orderId, string conversationId, string userId, string responseCode, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(Partition(orderId), conversationId)
        {
            ["UserId"] = userId, ["ResponseCode"] = responseCode, ["SentAt"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, ct);

    /// <summary>
    /// The liaison types the card's command instead of tapping: the card's own code, once (null: no live card of theirs), so the
    /// card shows their outcome like a tap's.
    /// </summary>
    public async Task<string?> TakeAsync(string orderId, string conversationId, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(orderId), conversationId, cancellationToken: ct);
        if (!found.HasValue) return null;
        try { await _table.DeleteEntityAsync(found.Value!.PartitionKey, found.Value.RowKey, found.Value.ETag, ct); }
        catch (RequestFailedException e) when (e.Status is 404 or 412) { return null; }
        return clock.GetUtcNow() - (found.Value.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue) < CodeLifetime
            ? found.Value.GetString("ResponseCode") : null;
    }

    /// <summary>The liaison answers the card themselves: it is no longer theirs to be told about.</summary>
    public async Task ForgetAsync(string orderId, string conversationId, CancellationToken ct)
    {
        try { await _table.DeleteEntityAsync(Partition(orderId), conversationId, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    /// <summary>Every card of <paramref name="orderId"/> still live now shows <paramref name="outcome"/>; each code is used once.</summary>
    public async Task SettleAsync(string orderId, string outcome, CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return;
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(orderId)}"), cancellationToken: ct)) rows.Add(row);
        foreach (var row in rows)
        {
            try { await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct); }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { continue; } // another path took it
            if (clock.GetUtcNow() - (row.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue) >= CodeLifetime) continue;
            try
            {
                var code = await api.PostAsync(WeComApi.UpdateTemplateCard, new JsonObject
                {
                    ["userids"] = new JsonArray(row.GetString("UserId")), ["agentid"] = options.Value.Agent,
                    ["response_code"] = row.GetString("ResponseCode"), ["button"] = new JsonObject { ["replace_name"] = outcome },
                }, ct);
                if (code != 0) log.LogWarning("WeCom card of order {OrderId} not updated to follow it (errcode {ErrCode})", orderId, code);
            }
            catch (WeChatApiException e)
            {
                // The code is spent or unusable either way: the card keeps its buttons, and a tap on them is answered "已被他人处理".
                log.LogWarning("WeCom card of order {OrderId} not updated to follow it (errcode {ErrCode})", orderId, e.ErrCode);
            }
        }
    }

    private static string Partition(string orderId) => "wecard." + orderId;
}
