using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Storage;

namespace Gongjian.Bot.DirectLine;

/// <summary>Activities after a watermark, as stored JSON, and the new watermark; null when the conversation does not exist.</summary>
public sealed record ActivityPage(IReadOnlyList<string> Activities, long Watermark);

/// <summary>
/// Direct Line conversations in table <c>botconversations</c>, one partition each: a conversation
/// row (<c>c.{id}</c>) holding the next sequence number, and one row per activity
/// (<c>a.{seq:D8}.{id}</c>). Appending advances the counter and adds the rows in one entity-group
/// transaction guarded by the counter's ETag, so sequence numbers have no gaps and a reader that
/// saw watermark N never misses activity N+1.
/// </summary>
public sealed class TranscriptStore(BotTables tables, TimeProvider clock)
{
    private const int MaxAttempts = 10;
    private readonly TableClient _table = tables.Transcripts;

    /// <summary>False when the conversation exists already.</summary>
    public async Task<bool> CreateAsync(string conversationId, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(conversationId, ConversationKey(conversationId))
            {
                ["NextSeq"] = 1L, ["CreatedAt"] = clock.GetUtcNow(),
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken ct) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, ConversationKey(conversationId), ["NextSeq"], ct)).HasValue;

    /// <summary>Appends activities in order, giving each an id (<c>{conversation}|{seq:D7}</c>) and a server timestamp; returns the ids.</summary>
    public async Task<IReadOnlyList<string>> AppendAsync(string conversationId, IReadOnlyList<JsonObject> activities, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, ConversationKey(conversationId), cancellationToken: ct);
            if (!row.HasValue) throw new KeyNotFoundException($"Direct Line conversation {conversationId} does not exist.");
            var counter = row.Value!;
            var next = counter.GetInt64("NextSeq") ?? 1;
            var ids = new List<string>(activities.Count);
            var actions = new List<TableTransactionAction>(activities.Count + 1);
            foreach (var activity in activities)
            {
                var seq = next++;
                var id = $"{conversationId}|{seq:D7}";
                var stamped = (JsonObject)activity.DeepClone();
                stamped["id"] = id;
                stamped["timestamp"] = clock.GetUtcNow().ToString("O");
                ids.Add(id);
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(conversationId, ActivityKey(conversationId, seq)) { ["Json"] = stamped.ToJsonString() }));
            }
            counter["NextSeq"] = next;
            actions.Add(new(TableTransactionActionType.UpdateReplace, counter, counter.ETag));
            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                return ids;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another append won the counter: read it again and take the next numbers.
            }
        }
    }

    public async Task<ActivityPage?> ReadAsync(string conversationId, long watermark, CancellationToken ct)
    {
        var from = ActivityKey(conversationId, watermark + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conversationId} and RowKey ge {from}");
        var found = false;
        var activities = new List<string>();
        var last = watermark;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (row.RowKey == ConversationKey(conversationId)) { found = true; continue; }
            activities.Add(row.GetString("Json"));
            last = long.Parse(row.RowKey.AsSpan(2, 8));
        }
        return found ? new ActivityPage(activities, last) : null;
    }

    private static string ConversationKey(string conversationId) => "c." + conversationId;

    private static string ActivityKey(string conversationId, long seq) => $"a.{seq:D8}.{conversationId}";
}
