using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongjian.Functions.Tests.Engine;

/// <summary>
/// When every retry of the engine lost to another writer of the same instance, the transaction's 412 reaches the
/// HTTP pipeline: it answers 503 <c>instance_contended</c> with Retry-After (busy, nothing written), never a 500.
/// The 412 is a real one, from Azurite.
/// </summary>
public sealed class ContendedInstanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_transaction_that_lost_every_race_answers_503_instance_contended()
    {
        var table = new TableClient(azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        var first = await table.AddEntityAsync(new TableEntity("activity", "state") { ["Version"] = 1 });
        await table.UpdateEntityAsync(new TableEntity("activity", "state") { ["Version"] = 2 }, first.Headers.ETag!.Value, TableUpdateMode.Replace);
        var lost = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("activity", "state") { ["Version"] = 2 }, first.Headers.ETag!.Value)]));
        Assert.Equal(412, lost.Status);

        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await new ProblemMiddleware(_ => throw lost, NullLogger<ProblemMiddleware>.Instance).InvokeAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal("instance_contended", problem.GetProperty("code").GetString());
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("activity", "state")).Value.GetInt32("Version"));
    }
}
