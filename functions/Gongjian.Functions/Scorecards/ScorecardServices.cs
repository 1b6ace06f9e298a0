namespace Gongjian.Functions.Scorecards;

public static class ScorecardServices
{
    /// <summary>年度评议: its storage, the year's figures and the scorecards, and their traces (ScoreTracer reads the order episodes from OrderTallyStore).</summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddSingleton<ScorecardStore>();
        services.AddSingleton<YearFigures>();
        services.AddSingleton<ScorecardBook>();
        services.AddSingleton<ScoreTracer>();
        services.AddSingleton<EvaluationExportLog>();
        return services;
    }
}
