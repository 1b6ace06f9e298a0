using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Scorecards;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 年度评议 for the demo: 财源街道's scheme for this year (the contract's example, 100 points with 20 of 居民代表评议) and
/// the representatives' points of two units, so the console's 评议 page has a ranked draft to read, trace and publish.
/// </summary>
public static class DemoEvaluation
{
    public static async Task<int> SeedAsync(ScorecardStore store, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(EvaluationPeriod.Beijing).Year;
        if ((await store.SchemesAsync(DemoData.Caiyuan.Id, year, ct)).Count > 0) return 0;
        var s = ScorecardExamples.Scheme;
        await store.AddSchemeAsync(new EvaluationScheme
        {
            StreetId = DemoData.Caiyuan.Id, Year = year, Version = 1, Total = s.Total, Items = s.Items, Manual = s.Manual, Grades = s.Grades,
            CreatedAt = now, CreatedBy = "财源街道党工委",
        }, ct);
        await store.SetManualAsync(DemoData.Caiyuan.Id, year, "caiyuan-health-centre", 18.5, "财源街道党工委", now, ct);
        await store.SetManualAsync(DemoData.Caiyuan.Id, year, "baosheng-property", 16, "财源街道党工委", now, ct);
        return 1;
    }
}
