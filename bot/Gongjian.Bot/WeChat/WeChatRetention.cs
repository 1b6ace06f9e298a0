using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// Deletes residents' <c>botwechat</c> rows (the openid and consents) untouched for <see cref="RetentionOptions.Days"/>,
/// like the rest of the chat data (<see cref="Storage.ChatRetention"/>). A row is touched by every message of the
/// resident; one written while the job runs is kept (deleted with If-Match). The access token's row is not a resident's.
/// </summary>
public sealed class WeChatRetention(WeChatTables tables, IOptions<BotOptions> options, TimeProvider clock, ILogger<WeChatRetention> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.Retention.Days));
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WeChatUsers.Row} and Timestamp lt {cutoff}");
        await foreach (var row in tables.Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await tables.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { } // gone already, or the resident wrote meanwhile
        }
        if (deleted > 0) log.LogInformation("Deleted {Count} WeChat residents' rows untouched for the retention period", deleted);
        return deleted;
    }
}
