using Azure;
using Azure.Data.Tables;

namespace Gongjian.Bot.WeChat;

/// <summary>The WeChat channel's table (<c>botwechat</c>): residents' rows and the shared access token's row.</summary>
public sealed record WeChatTables(TableClient Table)
{
    public const string Name = "botwechat";
}

/// <summary>What the channel knows of a resident: the openid (personal data, kept only here), when they last wrote, and their 订阅 consents.</summary>
public sealed record WeChatUser(string ConversationId, string OpenId, DateTimeOffset LastInboundAt, string? ConsentTemplate, int Consents, ETag ETag);

/// <summary>
/// Residents of the Official Account, one row per conversation (PartitionKey = conversation id, RowKey <c>u</c>).
/// The row goes when the resident unfollows (取消关注): nothing can be sent to them any more.
/// </summary>
public sealed class WeChatUsers(WeChatTables tables)
{
    public const string Row = "u";
    private readonly TableClient _table = tables.Table;

    /// <summary>Records a message from the resident (opens the 48-hour window).</summary>
    public Task TouchAsync(string conversationId, string openId, DateTimeOffset at, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(conversationId, Row) { ["OpenId"] = openId, ["LastInboundAt"] = at }, TableUpdateMode.Merge, ct);

    public async Task<WeChatUser?> GetAsync(string conversationId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, Row, cancellationToken: ct);
        if (!row.HasValue || row.Value!.GetString("OpenId") is not { Length: > 0 } openId) return null;
        var e = row.Value;
        return new(conversationId, openId, e.GetDateTimeOffset("LastInboundAt") ?? DateTimeOffset.MinValue,
            e.GetString("ConsentTemplate"), e.GetInt32("Consents") ?? 0, e.ETag);
    }

    /// <summary>
    /// The passive answer just given to a message (its dedupe id), kept in the resident's row so WeChat's retry of that
    /// message gets the same answer on whichever instance it lands (the retry of a response lost on the way).
    /// </summary>
    public Task RememberPassiveAsync(string conversationId, string dedupeId, IReadOnlyList<string> messages, DateTimeOffset at, CancellationToken ct) =>
        _table.UpsertEntityAsync(new TableEntity(conversationId, Row)
        {
            ["PassiveFor"] = dedupeId, ["PassiveAt"] = at,
            ["Passive"] = System.Text.Json.JsonSerializer.Serialize(messages, WeChatJson.Default.IReadOnlyListString),
        }, TableUpdateMode.Merge, ct);

    /// <summary>The passive answer given to this message no longer than <paramref name="kept"/> ago, if any.</summary>
    public async Task<IReadOnlyList<string>?> RecallPassiveAsync(string conversationId, string dedupeId, DateTimeOffset now, TimeSpan kept, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(conversationId, Row, ["PassiveFor", "PassiveAt", "Passive"], ct);
        if (!row.HasValue) return null;
        var e = row.Value!;
        if (e.GetString("PassiveFor") != dedupeId || e.GetDateTimeOffset("PassiveAt") is not { } at || now - at > kept || e.GetString("Passive") is not { } json) return null;
        return System.Text.Json.JsonSerializer.Deserialize(json, WeChatJson.Default.IReadOnlyListString);
    }

    /// <summary>取消关注: the resident's row (and with it the openid) is deleted.</summary>
    public Task ForgetAsync(string conversationId, CancellationToken ct) => _table.DeleteEntityAsync(conversationId, Row, ETag.All, ct);

    /// <summary>The resident agreed (once more) to a 订阅通知 template: one more update may be sent outside the window.</summary>
    public Task AddConsentAsync(string conversationId, string templateId, CancellationToken ct) =>
        ChangeAsync(conversationId, u => u.ConsentTemplate == templateId ? (templateId, Math.Min(u.Consents + 1, 50)) : (templateId, 1), ct);

    /// <summary>Takes one consent for the template; false when there is none.</summary>
    public async Task<bool> UseConsentAsync(string conversationId, string templateId, CancellationToken ct)
    {
        var used = false;
        await ChangeAsync(conversationId, u =>
        {
            used = u.ConsentTemplate == templateId && u.Consents > 0;
            return used ? (templateId, u.Consents - 1) : (u.ConsentTemplate, u.Consents);
        }, ct);
        return used;
    }

    public Task ClearConsentAsync(string conversationId, CancellationToken ct) => ChangeAsync(conversationId, u => (u.ConsentTemplate, 0), ct);

    private async Task ChangeAsync(string conversationId, Func<WeChatUser, (string? Template, int Consents)> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetAsync(conversationId, ct) is not { } user) return;
            var (template, consents) = change(user);
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(conversationId, Row) { ["ConsentTemplate"] = template, ["Consents"] = consents },
                    user.ETag, TableUpdateMode.Merge, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404 && attempt < 5) { }
        }
    }
}
