using Azure.Data.Tables;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Photos;

/// <summary>
/// A ledger of photo uploads (table <c>photouploads</c>, PartitionKey = upload day in UTC, RowKey =
/// <c>{orderId}_{photoId}</c>), written before the blobs. A photo is stored before the order that
/// names it is saved, so a crash, a refused command or a replayed request can leave a blob no order
/// references; the ledger lets <see cref="OrphanPhotoSweeper"/> find those without listing the container.
/// </summary>
public sealed class PhotoUploads(StorageClients storage)
{
    private const int BatchMax = 100;
    private readonly TableClient _table = storage.Table(TableNames.PhotoUploads);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd");

    /// <summary>One entity-group transaction for the photos of one request (at most 9, all in the same day).</summary>
    public async Task RecordAsync(string orderId, IReadOnlyList<string> photoIds, DateTimeOffset now, CancellationToken ct)
    {
        if (photoIds.Count == 0) return;
        var day = Day(now);
        var actions = photoIds.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(day, $"{orderId}_{p}") { ["OrderId"] = orderId, ["PhotoId"] = p }));
        await _table.SubmitTransactionAsync(actions, ct);
    }

    public sealed record Upload(string Day, string OrderId, string PhotoId);

    /// <summary>Uploads recorded on days before <paramref name="day"/> (yyyyMMdd), oldest first.</summary>
    public async IAsyncEnumerable<Upload> BeforeAsync(string day, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {day}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "OrderId", "PhotoId"], cancellationToken: ct))
            yield return new Upload(row.PartitionKey, row.GetString("OrderId"), row.GetString("PhotoId"));
    }

    /// <summary>Removes ledger rows once their photos were checked, in batches per day.</summary>
    public async Task ForgetAsync(IEnumerable<Upload> uploads, CancellationToken ct)
    {
        foreach (var day in uploads.GroupBy(u => u.Day))
            foreach (var chunk in day.Chunk(BatchMax))
                await _table.SubmitTransactionAsync(chunk.Select(u => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(u.Day, $"{u.OrderId}_{u.PhotoId}"), Azure.ETag.All)), ct);
    }
}
