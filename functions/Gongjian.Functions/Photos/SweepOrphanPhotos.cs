using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Photos;

/// <summary>Timer function, 03:30 Beijing time: deletes photo blobs no order references (see <see cref="OrphanPhotoSweeper"/>).</summary>
public static class SweepOrphanPhotos
{
    public static readonly TimerTrigger Trigger = new("0 30 19 * * *");

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var result = await services.GetRequiredService<OrphanPhotoSweeper>().SweepAsync(ct);
        if (result.Checked > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SweepOrphanPhotos)).LogInformation(
                "Orphan photo sweep checked {Checked} uploads, deleted {Deleted} blobs, {Failed} orders left for the next run",
                result.Checked, result.Deleted, result.Failed);
    }
}
