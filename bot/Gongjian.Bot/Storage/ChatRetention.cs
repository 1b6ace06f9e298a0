using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Bot.Conversations;
using Gongjian.Bot.DirectLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Storage;

/// <summary>What one retention run removed, and how many storage requests it took.</summary>
public sealed record RetentionReport(
    int Requests, int TranscriptRows, int ConversationsEnded, int StateRows, int SeenMarks, int BindingsRefreshed,
    int Deliveries, int BindingCodes);

/// <summary>
/// Deletes chat data nobody has touched for <see cref="RetentionOptions.Days"/> (PIPL: residents type
/// phone numbers and addresses in chat). Every table is read with one filtered query on the
/// server-kept <c>Timestamp</c> (only keys come back, except the state rows it must look into) and
/// cleaned in entity-group batches per partition:
/// <list type="bullet">
/// <item><c>botconversations</c>: activity rows older than the cut-off; a conversation whose counter row
/// is older too (nothing appended since) ends — its counter goes, so Direct Line answers 404 — unless
/// it is bound to a unit.</item>
/// <item><c>botstate</c>: stale conversation state and inbound dedupe marks. A liaison's stale state is
/// not deleted but cut down to the binding (unit, accepted orders) and saved again, so the binding keeps
/// working and is looked at again only after another retention period.</item>
/// <item><c>botdeliveries</c>: ledger rows older than the cut-off (a queue never redelivers that late).</item>
/// <item><c>botlinks</c>: binding codes older than the cut-off (long expired). Unit bindings stay until
/// 解除绑定; order links stay while the order may still notify its resident.</item>
/// </list>
/// A row written while the job runs is never lost: state and counter rows are deleted with If-Match.
/// </summary>
public sealed class ChatRetention(BotTables tables, IOptions<BotOptions> options, TimeProvider clock, ILogger<ChatRetention> log)
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    public DateTimeOffset Cutoff => clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.Retention.Days));

    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var cutoff = Cutoff;
        var requests = 0;
        var (boundDirectLine, linkPages) = await BoundDirectLineConversationsAsync(ct);
        requests += linkPages;

        var transcripts = new PartitionBatcher(tables.Transcripts);
        var (transcriptRows, ended, pages) = (0, 0, 0);
        await foreach (var page in tables.Transcripts.QueryAsync<TableEntity>(StaleFilter(cutoff), select: KeysOnly, cancellationToken: ct).AsPages())
        {
            pages++;
            foreach (var row in page.Values)
            {
                if (row.RowKey.StartsWith("c.", StringComparison.Ordinal))
                {
                    // The counter moves with every append: older than the cut-off means the whole conversation is.
                    if (boundDirectLine.Contains(row.PartitionKey)) continue;
                    await transcripts.AddAsync(new(TableTransactionActionType.Delete, row, row.ETag), ct);
                    ended++;
                }
                else
                {
                    await transcripts.AddAsync(new(TableTransactionActionType.Delete, row, ETag.All), ct);
                    transcriptRows++;
                }
            }
        }
        await transcripts.FlushAsync(ct);
        requests += pages + transcripts.Requests;

        var state = new PartitionBatcher(tables.State);
        var (stateRows, seenMarks, refreshed) = (0, 0, 0);
        pages = 0;
        await foreach (var page in tables.State.QueryAsync<TableEntity>(StaleFilter(cutoff), select: [.. KeysOnly, "Data"], cancellationToken: ct).AsPages())
        {
            pages++;
            foreach (var row in page.Values)
            {
                if (!row.RowKey.StartsWith("s.", StringComparison.Ordinal))
                {
                    await state.AddAsync(new(TableTransactionActionType.Delete, row, ETag.All), ct);
                    seenMarks++;
                }
                else if (Binding(row) is { } kept)
                {
                    var slim = new TableEntity(row.PartitionKey, row.RowKey) { ["Data"] = JsonSerializer.Serialize(kept, BotJson.Default.ConversationData) };
                    await state.AddAsync(new(TableTransactionActionType.UpdateReplace, slim, row.ETag), ct);
                    refreshed++;
                }
                else
                {
                    await state.AddAsync(new(TableTransactionActionType.Delete, row, row.ETag), ct);
                    stateRows++;
                }
            }
        }
        await state.FlushAsync(ct);
        requests += pages + state.Requests;

        var (deliveries, deliveryRequests) = await DeleteAllAsync(tables.Deliveries, StaleFilter(cutoff), ct);
        var codesFilter = TableClient.CreateQueryFilter($"PartitionKey ge {"b."} and PartitionKey lt {"b/"} and Timestamp lt {cutoff}");
        var (codes, codeRequests) = await DeleteAllAsync(tables.Links, codesFilter, ct);
        requests += deliveryRequests + codeRequests;

        var report = new RetentionReport(requests, transcriptRows, ended, stateRows, seenMarks, refreshed, deliveries, codes);
        log.LogInformation(
            "Chat retention (cut-off {Cutoff:O}): {Activities} transcript activities, {Ended} conversations ended, {States} conversation states, " +
            "{Marks} dedupe marks, {Refreshed} liaison bindings refreshed, {Deliveries} delivery records, {Codes} binding codes; {Requests} storage requests",
            cutoff, transcriptRows, ended, stateRows, seenMarks, refreshed, deliveries, codes, requests);
        return report;
    }

    private static string StaleFilter(DateTimeOffset cutoff) => TableClient.CreateQueryFilter($"Timestamp lt {cutoff}");

    /// <summary>Direct Line conversations bound to a unit or a grid worker: their transcript must go on existing, or the unit's cards could not be delivered.</summary>
    private async Task<(HashSet<string> Ids, int Pages)> BoundDirectLineConversationsAsync(CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        var filter = TableClient.CreateQueryFilter($"(PartitionKey ge {"u."} and PartitionKey lt {"u/"}) or (PartitionKey ge {"g."} and PartitionKey lt {"g/"})");
        await foreach (var page in tables.Links.QueryAsync<TableEntity>(filter, select: ["Reference"], cancellationToken: ct).AsPages())
        {
            pages++;
            foreach (var row in page.Values)
                if (row.GetString("Reference") is { } json && JsonSerializer.Deserialize(json, BotJson.Default.ConversationReference) is { } reference
                    && DirectLineChannel.IsLocal(reference))
                    ids.Add(reference.ConversationId);
        }
        return (ids, pages);
    }

    /// <summary>The part of a bound liaison's or grid worker's stale state worth keeping; null for everyone else (their state is deleted).</summary>
    private ConversationData? Binding(TableEntity row)
    {
        try
        {
            var data = JsonSerializer.Deserialize(row.GetString("Data") ?? "", BotJson.Default.ConversationData);
            if (data?.GridWorker is { } worker) return new ConversationData { Reference = data.Reference, GridWorker = worker, GridReports = data.GridReports };
            return data?.Unit is null ? null : new ConversationData { Reference = data.Reference, Unit = data.Unit, AcceptedOrders = data.AcceptedOrders };
        }
        catch (JsonException)
        {
            log.LogInformation("Conversation state {Partition} is unreadable; deleting it", row.PartitionKey);
            return null;
        }
    }

    private static async Task<(int Deleted, int Requests)> DeleteAllAsync(TableClient table, string filter, CancellationToken ct)
    {
        var batcher = new PartitionBatcher(table);
        var pages = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, select: KeysOnly, cancellationToken: ct).AsPages())
        {
            pages++;
            foreach (var row in page.Values) await batcher.AddAsync(new(TableTransactionActionType.Delete, row, ETag.All), ct);
        }
        await batcher.FlushAsync(ct);
        return (batcher.Done, pages + batcher.Requests);
    }
}
