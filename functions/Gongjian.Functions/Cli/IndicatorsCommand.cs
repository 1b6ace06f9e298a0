using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Cli;

/// <summary>
/// <c>indicators rebuild</c>: writes every order's dispatch episodes again and recomputes their unit-months (the order
/// indicators), then every street-year's record counters from its records (the module indicators). Also the migration of
/// a store whose episodes were still in the table <c>orderepisodes</c>: it writes them beside their tallies.
/// </summary>
public static class IndicatorsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var (orders, episodes) = await services.GetRequiredService<OrderIndicatorProjector>().RebuildAsync(ct);
        output.WriteLine($"Indicators: {orders} orders read, {episodes} dispatch episodes written.");
        var (years, records, counters) = await services.GetRequiredService<RecordBook>().RecountAllAsync(ct);
        output.WriteLine($"Module indicators: {years} street-years, {records} records counted in {counters} counters.");
        return 0;
    }
}
