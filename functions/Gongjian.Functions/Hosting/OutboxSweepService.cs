using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Hosting;

/// <summary>Every minute, finishes the relays that a crash or a storage hiccup left in the outbox.</summary>
public sealed class OutboxSweepService(OrderOutbox outbox, ILogger<OutboxSweepService> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinAge = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var repaired = await outbox.SweepAsync(MinAge, stoppingToken);
                if (repaired > 0) log.LogInformation("Outbox sweep repaired {Count} orders", repaired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Outbox sweep failed; will retry");
            }
        }
    }
}
