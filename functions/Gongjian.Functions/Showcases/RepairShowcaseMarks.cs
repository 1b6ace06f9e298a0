using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Showcases;

/// <summary>Timer function, every 5 minutes: marks the orders of showcases whose publication was cut short (see <see cref="ShowcaseMarker"/>).</summary>
public static class RepairShowcaseMarks
{
    public static readonly TimerTrigger Trigger = new("0 */5 * * * *");

    public static async Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var repaired = await services.GetRequiredService<ShowcaseMarker>().RepairAsync(ct);
        if (repaired > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RepairShowcaseMarks)).LogInformation("Marked the orders of {Count} interrupted showcases", repaired);
    }
}
