using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Bot.Storage;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Storage;

/// <summary>
/// The app no longer creates its tables, queues and containers when it starts (cold start): the
/// <c>setup</c> verb does, at deploy time. It must create every one the app uses, be safe to run
/// again, and an app on storage that was never set up must say so instead of failing with 500s.
/// </summary>
public sealed class SetupVerbTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Setup_creates_every_table_queue_and_container_the_app_uses_and_a_second_run_changes_nothing()
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..12];
        await using var app = AppBuilder.Build([$"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:Prefix={prefix}", "--Host:Triggers=true"]);
        var storage = app.Services.GetRequiredService<StorageClients>();
        var all = StorageResources.Tables.Count + StorageResources.Queues.Count + StorageResources.Containers.Count;
        Assert.Equal(all, (await storage.MissingAsync(CancellationToken.None)).Count); // a fresh prefix: nothing yet

        var env = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Storage__Prefix"] = prefix };
        var first = await AppProcess.RunVerbAsync(env, "setup");
        Assert.Contains($"created all {all}", first);
        var second = await AppProcess.RunVerbAsync(env, "setup");
        Assert.Contains($"all {all} tables, queues and containers exist", second);
        Assert.Empty(await storage.MissingAsync(CancellationToken.None));

        // Every handle the running app holds, taken from the app itself rather than from the setup list.
        var tables = typeof(StorageClients).GetProperties().Where(p => p.PropertyType == typeof(TableClient)).Select(p => (TableClient)p.GetValue(storage)!)
            .Concat(typeof(BotTables).GetProperties().Where(p => p.PropertyType == typeof(TableClient)).Select(p => (TableClient)p.GetValue(app.Services.GetRequiredService<BotTables>())!))
            .Concat(TableNames.All.Select(storage.Table)).ToList();
        Assert.True(tables.Count >= TableNames.All.Length + 4, $"only {tables.Count} table clients found");
        foreach (var table in tables)
            Assert.True(await TableExistsAsync(table.Name), $"table {table.Name} missing after setup");

        var triggers = app.Services.GetRequiredService<TriggerStorage>();
        var queueFunctions = app.Services.GetRequiredService<FunctionCatalog>().All.Select(f => f.Trigger).OfType<QueueTrigger>().ToList();
        Assert.NotEmpty(queueFunctions);
        foreach (var queue in queueFunctions.SelectMany(q => new[] { triggers.Queue(q.QueueName), triggers.Poison(q.QueueName) })
                     .Concat(QueueNames.All.Select(storage.Queue)))
            Assert.True((await queue.ExistsAsync()).Value, $"queue {queue.Name} missing after setup");
        Assert.True((await storage.Photos.ExistsAsync()).Value, "photos container missing after setup");
        Assert.True((await triggers.Locks.ExistsAsync()).Value, "timer locks container missing after setup");
    }

    [Fact]
    public async Task An_app_on_storage_never_set_up_answers_503_storage_not_set_up_naming_what_is_missing_until_setup_runs()
    {
        var prefix = "n" + Guid.NewGuid().ToString("N")[..12];
        await using var app = AppBuilder.Build([
            "--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:Prefix={prefix}",
            "--Logging:LogLevel:Default=Warning", "--Host:Triggers=false", "--RateLimits:Enabled=false",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        // The check runs once Kestrel listens, off the start path; the health probe reports it from then on.
        JsonElement problem = default;
        await Eventually.TrueAsync(async () =>
        {
            using var health = await http.GetAsync("/api/health");
            if (health.StatusCode != HttpStatusCode.ServiceUnavailable) return false;
            problem = await health.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, "/api/health answers 503 on storage that was never set up");
        Assert.Equal("storage_not_set_up", problem.GetProperty("code").GetString());
        Assert.Contains("table orders", problem.GetProperty("detail").GetString());
        Assert.Contains("queue order-timers", problem.GetProperty("detail").GetString());
        Assert.Contains("setup", problem.GetProperty("detail").GetString());

        // A request that needs a missing table is a 503 with the same code, never a 500.
        using var place = await http.PostAsync("/api/orders", JsonContent.Create(TestApp.NewOrder()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, place.StatusCode);
        Assert.Equal("storage_not_set_up", (await place.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(place.Headers.RetryAfter is not null, "no Retry-After");

        // Once the operator runs setup, the same process recovers without a restart.
        await app.Services.GetRequiredService<StorageClients>().CreateIfMissingAsync([], CancellationToken.None);
        using var healthy = await http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    private async Task<bool> TableExistsAsync(string name)
    {
        await foreach (var _ in new TableServiceClient(azurite.ConnectionString).QueryAsync($"TableName eq '{name}'")) return true;
        return false;
    }
}
