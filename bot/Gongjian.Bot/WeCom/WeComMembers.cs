using Azure.Data.Tables;
using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// Members of the WeCom app who wrote to it, one row per conversation in <c>botwechat</c> (PartitionKey = conversation id,
/// RowKey <c>wecom</c>): the WeCom userid, kept only here, so a card or a reply can be addressed to them.
/// </summary>
public sealed class WeComMembers(WeChatTables tables)
{
    public const string Row = "wecom";
    private readonly TableClient _table = tables.Table;

    public Task TouchAsync(string conversationId, string userId, DateTimeOffset at, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(conversationId, Row) { ["UserId"] = userId, ["LastInboundAt"] = at }, TableUpdateMode.Merge, ct);

    public async Task<string?> UserIdAsync(string conversationId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, Row, cancellationToken: ct);
        return row.HasValue && row.Value!.GetString("UserId") is { Length: > 0 } userId ? userId : null;
    }
}
