using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Engine;

/// <summary>
/// Timer function, every hour: deletes Idempotency-Key reservations older than 24 h. Azure Tables
/// has no per-row expiry, and an expired reservation is already treated as absent when a request
/// meets it, so this only keeps the table from growing; an hourly scan of one day's keys is cheap.
/// </summary>
public static class PurgeIdempotencyKeys
{
    public static readonly TimerTrigger Trigger = new("0 17 * * * *");

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var purged = await services.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(ct);
        if (purged > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PurgeIdempotencyKeys)).LogInformation("Purged {Count} expired idempotency keys", purged);
    }
}
