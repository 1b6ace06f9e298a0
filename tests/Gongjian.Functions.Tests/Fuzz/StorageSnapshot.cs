using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>
/// Everything one app instance keeps in Azurite, read back as text: every row of every table under
/// its prefix (with ETag, so a rewrite with equal values shows too), every blob (name, ETag, MD5) and
/// every queue (approximate count and the peeked messages). Two snapshots are equal only if nothing was written.
/// </summary>
public static class StorageSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(string connectionString, string prefix)
    {
        var lines = new List<string>();
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var line = new StringBuilder($"table {table.Name} {row.PartitionKey}/{row.RowKey} {row.ETag}");
                foreach (var (k, v) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
                    if (k is not ("odata.etag" or "Timestamp")) line.Append(' ').Append(k).Append('=').Append(v is byte[] b ? Convert.ToBase64String(b) : v);
                lines.Add(line.ToString());
            }
        }
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
                lines.Add($"blob {container.Name}/{blob.Name} {blob.Properties.ETag} {Convert.ToBase64String(blob.Properties.ContentHash ?? [])}");
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
        {
            var client = queues.GetQueueClient(queue.Name);
            lines.Add($"queue {queue.Name} count={(await client.GetPropertiesAsync()).Value.ApproximateMessagesCount}");
            foreach (var m in (await client.PeekMessagesAsync(32)).Value)
                lines.Add($"queue {queue.Name} {m.MessageId} {m.InsertedOn:O} {m.Body}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
