namespace Gongjian.Functions.Scorecards;

public static class ScorecardServices
{
    /// <summary>年度评议: its storage, the year's figures, the scorecards and the order episodes read for tracing.</summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddSingleton<ScorecardStore>();
        services.AddSingleton<YearFigures>();
        services.AddSingleton<ScorecardBook>();
        services.AddSingleton<OrderEpisodeReader>();
        return services;
    }
}
