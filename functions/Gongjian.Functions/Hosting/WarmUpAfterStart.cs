using Gongjian.Understanding;

namespace Gongjian.Functions.Hosting;

/// <summary>
/// Work that makes later requests fast but is not needed for the first one, done once the app serves
/// (cold start): training the chat's offline classifier, so the first resident does not wait for it.
/// A second's grace lets the requests that were waiting for the start go first; a chat message that
/// comes sooner trains it on demand.
/// </summary>
public sealed class WarmUpAfterStart(IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await AppStarted.WaitAsync(lifetime, stoppingToken)) return;
        try { await Task.Delay(Grace, stoppingToken); }
        catch (OperationCanceledException) { return; }
        OfflineWishUnderstanding.Warm();
    }
}
