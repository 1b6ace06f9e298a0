using Azure.Data.Tables;
using Azure.Storage.Queues;
using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>
/// The relay that counts the app's storage requests (the "storage requests per cycle" figure), in front of
/// real Azurite: every request is counted once by kind, and forwarded unchanged (signed requests still succeed).
/// </summary>
public sealed class CountingRelayTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Table_requests_are_counted_by_operation_and_table_without_the_prefix()
    {
        var prefix = NewPrefix();
        await using var relay = Relay("table", prefix, out var relayed);
        var table = new TableClient(relayed, prefix + "orders");

        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(new TableEntity("dongqili", "o1") { ["Text"] = "三楼楼道灯坏了一个星期了" }, Ct);
        var read = await table.GetEntityAsync<TableEntity>("dongqili", "o1", cancellationToken: Ct);
        var found = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == "dongqili", cancellationToken: Ct)) found++;
        await table.SubmitTransactionAsync(
            new[] { "o2", "o3" }.Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("sanlian", row))), Ct);

        Assert.Equal("三楼楼道灯坏了一个星期了", read.Value.GetString("Text"));
        Assert.Equal(1, found);
        Assert.Equal(2, await CountRowsAsync(new TableClient(azurite.ConnectionString, prefix + "orders"), "sanlian")); // the batch reached Azurite
        Assert.Equal(new Dictionary<string, long>
        {
            ["table create-table"] = 1, ["table insert orders"] = 1, ["table point-read orders"] = 1,
            ["table query orders"] = 1, ["table batch orders"] = 1, // a batch is named by the table of the requests inside it
        }, relay.Snapshot());
    }

    [Fact]
    public async Task Queue_requests_are_counted_by_operation_and_queue_without_the_prefix()
    {
        var prefix = NewPrefix();
        await using var relay = Relay("queue", prefix, out var relayed);
        var queue = new QueueClient(relayed, prefix + AppQueues.Notifications);

        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        await queue.SendMessageAsync("""{"type":"placed"}""", Ct);
        var peeked = await queue.PeekMessagesAsync(cancellationToken: Ct);
        var received = await queue.ReceiveMessagesAsync(cancellationToken: Ct);
        await queue.DeleteMessageAsync(received.Value[0].MessageId, received.Value[0].PopReceipt, Ct);
        var left = (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;

        Assert.Single(peeked.Value);
        Assert.Equal("""{"type":"placed"}""", received.Value[0].MessageText);
        Assert.Equal(0, left);
        Assert.Equal(new Dictionary<string, long>
        {
            ["queue create notifications"] = 1, ["queue send notifications"] = 1, ["queue peek notifications"] = 1,
            ["queue receive notifications"] = 1, ["queue delete notifications"] = 1, ["queue properties notifications"] = 1,
        }, relay.Snapshot());
    }

    private static string NewPrefix() => $"bt{Guid.NewGuid():N}"[..10];

    /// <summary>A relay in front of one of Azurite's endpoints, and the connection string that sends that service through it.</summary>
    private CountingRelay Relay(string service, string prefix, out string relayedConnectionString)
    {
        var endpoint = StorageOpsCount.Endpoint(azurite.ConnectionString, service)!;
        var relay = new CountingRelay(service, endpoint.Port, prefix);
        relayedConnectionString = azurite.ConnectionString.Replace(
            endpoint.GetLeftPart(UriPartial.Authority) + "/", $"http://127.0.0.1:{relay.Port}/", StringComparison.Ordinal);
        return relay;
    }

    private static async Task<int> CountRowsAsync(TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: Ct)) count++;
        return count;
    }
}
