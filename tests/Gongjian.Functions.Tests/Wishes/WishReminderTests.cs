using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Workflow;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Functions.Wishes;
using Microsoft.Extensions.DependencyInjection;
using static Gongjian.Functions.Tests.Wishes.WishClient;

namespace Gongjian.Functions.Tests.Wishes;

/// <summary>The wish timers on the engine's consumer: an unclaimed wish reminds the community's staff; once claimed, that timer is stale.</summary>
public sealed class WishReminderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Publishing_arms_a_claim_reminder_that_reaches_the_staff_inbox_and_a_claim_makes_it_stale()
    {
        var dispatcher = await _app.DispatcherAsync();
        var (id, _) = await PublishedAsync(_app, dispatcher);
        var state = (await _app.Services.GetRequiredService<WishStore>().LoadAsync(id, CancellationToken.None))!.State;
        var module = _app.Services.GetRequiredService<Gongjian.Domain.Wishes.WishModule>();
        var spec = Assert.Single(module.Timers(state));
        Assert.Equal(state.StatusSince.AddDays(7), spec.FireAt);
        // Armed on the wish-timers queue when the publication committed (invisible until it is due, a week ahead).
        Assert.True((await _app.Storage.Queue(QueueNames.WishTimers).GetPropertiesAsync()).Value.ApproximateMessagesCount >= 1);

        // The reminder as the queue hands it over once due.
        TimerMessage Due(TimerSpec t) => new()
        {
            Id = $"{id}:{t.Key}", InstanceId = id, Step = t.Step, Stage = t.Stage, StepStartedAt = t.StartedAt, FireAt = DateTimeOffset.UtcNow.AddSeconds(-1),
        };
        await Run(Due(spec));
        Assert.Equal(1, await RemindersAsync());

        await (await PostAsync(_app, $"/api/wishes/{id}/claim", new { kind = "unit" }, await _app.LiaisonAsync())).ReadJsonAsync(200);
        await Run(Due(spec) with { Id = $"{id}:{spec.Key}:again" });
        Assert.Equal(1, await RemindersAsync());
    }

    private Task Run(TimerMessage timer) => OnWishTimer.Run(new FunctionInvocation
    {
        FunctionName = "OnWishTimer", Message = JsonSerializer.Serialize(timer, EngineJson.Default.TimerMessage), InvocationId = "test",
    }, _app.Services, CancellationToken.None);

    private async Task<int> RemindersAsync()
    {
        var n = 0;
        await foreach (var row in _app.Storage.Table(TableNames.StaffNotices).QueryAsync<TableEntity>(r => r.PartitionKey == "dispatcher.dongqili"))
            if (row.GetString("Kind") == "wish_reminder") n++;
        return n;
    }
}
