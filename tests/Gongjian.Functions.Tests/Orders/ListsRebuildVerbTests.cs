using Azure.Data.Tables;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Orders;

/// <summary>
/// <c>lists rebuild</c> on the real app: an order's list rows lost (or left in the earlier layout) come back where the
/// module places them, and the dispatcher's list shows the order again; an unknown module is refused, not guessed.
/// </summary>
public sealed class ListsRebuildVerbTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Lists_rebuild_restores_the_lists_of_an_order_and_refuses_an_unknown_module()
    {
        var (id, _) = await _app.PlaceAsync();
        var dispatcher = await _app.DispatcherAsync();
        Assert.Contains(id, await ListedAsync(dispatcher));
        await foreach (var row in _app.Storage.OrderIndex.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"OrderId eq {id}")))
            await _app.Storage.OrderIndex.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        Assert.DoesNotContain(id, await ListedAsync(dispatcher));

        var output = new StringWriter();
        Assert.Equal(0, await Cli.ListsCommand.RunAsync(_app.Services, ["order"], output, CancellationToken.None));
        Assert.Matches(@"^Lists of order: [1-9]\d* instances listed, \d+ stray rows hidden\.", output.ToString());
        Assert.Contains(id, await ListedAsync(dispatcher));

        var refused = new StringWriter();
        Assert.Equal(2, await Cli.ListsCommand.RunAsync(_app.Services, ["orders"], refused, CancellationToken.None));
        Assert.StartsWith("Unknown module 'orders'. Modules: ", refused.ToString());
        Assert.Contains("order", refused.ToString());
    }

    private async Task<string> ListedAsync(string key) => (await (await _app.GetAsync("/api/orders?pageSize=100", key)).ReadJsonAsync(200)).ToString();
}
