using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Hosting;

/// <summary>
/// Tells when the app runs on storage that <c>setup</c> (or infra-bicep) never prepared, since the app
/// no longer creates its tables, queues and containers when it starts. Once Kestrel listens — off the
/// start path, a second later so the first requests go first — it lists what exists (three requests) and
/// logs one error naming every missing resource;
/// /api/health then answers 503 <c>storage_not_set_up</c> naming them until they exist.
/// </summary>
public sealed class StorageSetupCheck(StorageClients storage, IHostApplicationLifetime lifetime, ILogger<StorageSetupCheck> log) : BackgroundService
{
    private volatile IReadOnlyList<string> _missing = [];

    /// <summary>The resources found missing by the last check (empty until it ran, or when all exist).</summary>
    public IReadOnlyList<string> Missing => _missing;

    /// <summary>Checks again; the health probe calls it while resources are missing, so running setup later clears it.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken ct)
    {
        var missing = await storage.MissingAsync(ct);
        if (missing.Count > 0 && _missing.Count == 0)
            log.LogError("Storage is not set up: missing {Missing}. Run `Gongjian.Functions setup` (or deploy infra-bicep); until then requests that need them answer 503 storage_not_set_up",
                string.Join(", ", missing));
        else if (missing.Count == 0 && _missing.Count > 0)
            log.LogInformation("Storage is set up now: every table, queue and container exists");
        return _missing = missing;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await AppStarted.WaitAsync(lifetime, stoppingToken)) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            await CheckAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            // Storage unreachable: the health probe and the triggers report that themselves.
            log.LogWarning("Could not check the storage setup ({Error})", e.GetType().Name);
        }
    }
}
