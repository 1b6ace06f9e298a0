using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Notifications;
using Gongjian.Bot.Storage;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.StaffInbox;

/// <summary>
/// The staff inbox (table <c>staffnotices</c>): PartitionKey = the recipient (<c>dispatcher.{community}</c>,
/// <c>organizer.{street}</c>), RowKey = inverted ticks and a hash of the notification id, so a partition
/// reads newest first. Each notice is stored together with a marker row <c>n-{hash of id}</c> in one
/// transaction: a retried or repeated notice finds the marker (409) and is stored once. Texts are the
/// engine's (<c>NotificationTexts</c>: free text masked, no phone or address).
/// </summary>
public sealed class StaffNotices(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(TableNames.StaffNotices);

    /// <summary>Notice rows have digit RowKeys; markers start with 'n': everything below 'a' is a notice.</summary>
    private const string NoticesOnly = "RowKey lt 'a'";

    public sealed record Notice(string Id, string Kind, string Text, string? Title, string? OrderId, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool Read);

    public sealed record Page(IReadOnlyList<Notice> Items, string? ContinuationToken);

    /// <summary>Recipients that read their notices in the console, not in chat.</summary>
    public static bool IsStaff(RecipientKind kind) => kind is not (RecipientKind.Resident or RecipientKind.Unit);

    public static string Inbox(RecipientKind kind, string id) => $"{kind.ToString().ToLowerInvariant()}.{id}";

    /// <summary>The inbox of a signed-in staff member, or null when the role has none.</summary>
    public static string? InboxOf(ActorRole role, string scope) => role switch
    {
        ActorRole.Dispatcher => Inbox(RecipientKind.Dispatcher, scope),
        ActorRole.Organizer => Inbox(RecipientKind.Organizer, scope),
        ActorRole.GridWorker => Inbox(RecipientKind.GridWorker, scope),
        _ => null,
    };

    /// <summary>A notice id as the API shows it: its RowKey (19 digits, '-', 16 hex digits).</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length == 36 && id[19] == '-' && id.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0 && id.AsSpan(20).IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Stores the notice once; false when it was already there.</summary>
    public async Task<bool> StoreAsync(Notification n, CancellationToken ct)
    {
        var inbox = Inbox(n.Recipient.Kind, n.Recipient.Id);
        var hash = TableKeys.Hash(n.Id);
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - n.CreatedAt.UtcTicks:D19}-{hash[..16]}";
        var notice = new TableEntity(inbox, rowKey)
        {
            ["Kind"] = n.Kind, ["Text"] = n.Text, ["Title"] = n.Title, ["OrderId"] = n.OrderId, ["DueAt"] = n.DueAt,
            ["CreatedAt"] = n.CreatedAt, ["Read"] = false, ["NotificationId"] = n.Id,
        };
        var marker = new TableEntity(inbox, "n-" + hash) { ["Notice"] = rowKey };
        try
        {
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), new(TableTransactionActionType.Add, notice)], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Page> ListAsync(string inbox, int pageSize, string? continuation, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {inbox}") + " and " + NoticesOnly;
        var page = await _table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: ct).AsPages(continuation, pageSize).FirstAsync(ct);
        return new Page([.. page.Values.Select(ToNotice)], page.ContinuationToken);
    }

    /// <summary>The RowKeys of the inbox's unread notices (RowKey only; at most a few hundred in practice).</summary>
    public async Task<IReadOnlyList<string>> UnreadAsync(string inbox, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {inbox} and Read eq false") + " and " + NoticesOnly;
        var found = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct)) found.Add(row.RowKey);
        return found;
    }

    /// <summary>Marks the named notices read (ids not in this inbox are skipped); answers how many it found.</summary>
    public async Task<int> MarkReadAsync(string inbox, IEnumerable<string> ids, CancellationToken ct)
    {
        async Task<int> Mark(string id)
        {
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(inbox, id) { ["Read"] = true }, ETag.All, TableUpdateMode.Merge, ct);
                return 1;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return 0;
            }
        }
        return (await Task.WhenAll(ids.Distinct().Select(Mark))).Sum();
    }

    /// <summary>Marks every unread notice of the inbox read, in transactions of 100.</summary>
    public async Task<int> MarkAllReadAsync(string inbox, CancellationToken ct)
    {
        var unread = await UnreadAsync(inbox, ct);
        foreach (var chunk in unread.Chunk(100))
            await _table.SubmitTransactionAsync(chunk.Select(id =>
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(inbox, id) { ["Read"] = true }, ETag.All)), ct);
        return unread.Count;
    }

    private static Notice ToNotice(TableEntity row) => new(row.RowKey, row.GetString("Kind") ?? "", row.GetString("Text") ?? "", row.GetString("Title"),
        row.GetString("OrderId"), row.GetDateTimeOffset("DueAt"), row.GetDateTimeOffset("CreatedAt") ?? default, row.GetBoolean("Read") ?? false);
}
