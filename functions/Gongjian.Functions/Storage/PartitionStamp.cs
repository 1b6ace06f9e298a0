using Azure;
using Azure.Data.Tables;

namespace Gongjian.Functions.Storage;

/// <summary>
/// A partition's stamp row (row key <c>~~</c>): merged unconditionally (no If-Match, so writers never wait for each other
/// on it) in every transaction that changes what a reader of the partition keeps, so its ETag changes whenever any of
/// that does. A reader point-reads the stamp first and, while its ETag is the one it read before the query it kept, answers
/// from memory. A write that does not go through the partition's store must touch the stamp too, or readers keep the old answer.
/// Used by <see cref="Records.RecordCounter"/> (the module indicators' counters) and <see cref="Indicators.OrderTallyStore"/>.
/// </summary>
public static class PartitionStamp
{
    /// <summary>
    /// <c>~</c> is the highest printable ASCII character: <c>~~</c> sorts after every row key made of ASCII letters, digits,
    /// hyphens and underscores, with or without a leading <c>~</c>, and no prefix range <c>~{id}_</c> holds it.
    /// </summary>
    public const string RowKey = "~~";

    /// <summary>The stamp row of <paramref name="partition"/>; <paramref name="of"/> names what it stamps (the row needs a property).</summary>
    public static TableEntity Row(string partition, string of) => new(partition, RowKey) { ["Of"] = of };

    /// <summary>The stamp's merge, to add to a transaction on <paramref name="partition"/>: it costs no request of its own.</summary>
    public static TableTransactionAction Touch(string partition, string of) => new(TableTransactionActionType.UpsertMerge, Row(partition, of));

    /// <summary>The stamp's ETag (one point read of one property); null: no stamp yet (a partition written before it existed, or emptied).</summary>
    public static async Task<ETag?> ReadAsync(TableClient table, string partition, CancellationToken ct)
    {
        var stamp = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, ["Of"], ct);
        return stamp.HasValue ? stamp.Value!.ETag : null;
    }
}
