using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Conversations;

namespace Gongjian.Bot.Storage;

/// <summary>A conversation's state as loaded: the data and the ETag it must still have when saved (null: new).</summary>
public sealed record LoadedConversation(string Key, ConversationData Data, ETag? ETag);

/// <summary>Raised when another turn saved the conversation first (HTTP 412/409): nothing was overwritten.</summary>
public sealed class ConversationConflictException(string key) : Exception($"Conversation {key} changed concurrently.");

/// <summary>
/// Conversation state in table <c>botstate</c>: PartitionKey = hash of channel and conversation
/// id, RowKey <c>s.{hash}</c>; saved with If-Match on its ETag (insert when new), so two turns
/// never silently overwrite each other.
/// </summary>
public sealed class ConversationStore(BotTables tables)
{
    private readonly TableClient _table = tables.State;

    public static string PartitionOf(string conversationKey) => TableKeys.Hash(conversationKey);

    public async Task<LoadedConversation> LoadAsync(string conversationKey, CancellationToken ct)
    {
        var pk = PartitionOf(conversationKey);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(pk, "s." + pk, cancellationToken: ct);
        if (!row.HasValue) return new(conversationKey, new ConversationData(), null);
        try
        {
            return new(conversationKey, JsonSerializer.Deserialize(row.Value!.GetString("Data"), BotJson.Default.ConversationData)!, row.Value.ETag);
        }
        catch (JsonException)
        {
            // State written by an incompatible version: start the conversation over rather than fail every turn.
            return new(conversationKey, new ConversationData(), row.Value!.ETag);
        }
    }

    public async Task<ETag> SaveAsync(LoadedConversation loaded, ConversationData next, CancellationToken ct)
    {
        var pk = PartitionOf(loaded.Key);
        var entity = new TableEntity(pk, "s." + pk) { ["Data"] = JsonSerializer.Serialize(next, BotJson.Default.ConversationData) };
        try
        {
            var response = loaded.ETag is { } etag
                ? await _table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct)
                : await _table.AddEntityAsync(entity, ct);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConversationConflictException(loaded.Key);
        }
    }

    /// <summary>
    /// Records that an inbound activity is being handled. False when it was seen before: a channel
    /// re-sent it (e.g. after a timeout) and it must not be processed again.
    /// </summary>
    public async Task<bool> TryMarkSeenAsync(string conversationKey, string activityId, CancellationToken ct)
    {
        var pk = PartitionOf(conversationKey);
        try
        {
            await _table.AddEntityAsync(new TableEntity(pk, "i." + TableKeys.Hash(activityId)), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a seen mark when the activity could not be taken on after all (so a retry is processed).</summary>
    public Task ForgetSeenAsync(string conversationKey, string activityId, CancellationToken ct) =>
        _table.DeleteEntityAsync(PartitionOf(conversationKey), "i." + TableKeys.Hash(activityId), ETag.All, ct);
}
