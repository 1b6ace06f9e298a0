using Gongjian.Functions.Indicators;

namespace Gongjian.Functions.Cli;

/// <summary><c>indicators rebuild</c>: writes every order's dispatch episodes again and recomputes their unit-months.</summary>
public static class IndicatorsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var (orders, episodes) = await services.GetRequiredService<OrderIndicatorProjector>().RebuildAsync(ct);
        output.WriteLine($"Indicators: {orders} orders read, {episodes} dispatch episodes written.");
        return 0;
    }
}
