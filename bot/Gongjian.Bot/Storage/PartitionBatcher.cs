using Azure;
using Azure.Data.Tables;

namespace Gongjian.Bot.Storage;

/// <summary>
/// Collects deletes (and replaces) of rows read in table order and submits them as entity-group
/// transactions: one per partition, at most 100 operations each. When a batch fails because a row
/// changed or vanished since it was read (a turn saved the conversation meanwhile), its operations
/// are retried one by one and the changed row is left as it is.
/// </summary>
public sealed class PartitionBatcher(TableClient table)
{
    public const int MaxBatch = 100;
    private readonly List<TableTransactionAction> _pending = [];

    /// <summary>Storage requests made: batches plus single retries.</summary>
    public int Requests { get; private set; }
    /// <summary>Operations that took effect.</summary>
    public int Done { get; private set; }

    public async Task AddAsync(TableTransactionAction action, CancellationToken ct)
    {
        if (_pending.Count > 0 && (_pending.Count == MaxBatch || _pending[0].Entity.PartitionKey != action.Entity.PartitionKey))
            await FlushAsync(ct);
        _pending.Add(action);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        var batch = _pending.ToList();
        _pending.Clear();
        try
        {
            Requests++;
            await table.SubmitTransactionAsync(batch, ct);
            Done += batch.Count;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            foreach (var action in batch)
            {
                try
                {
                    Requests++;
                    if (action.ActionType == TableTransactionActionType.Delete)
                        await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, ct);
                    else
                        await table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, ct);
                    Done++;
                }
                catch (RequestFailedException single) when (single.Status is 404 or 412)
                {
                    // Gone already, or touched since it was read: it is not stale any more.
                }
            }
        }
    }
}
