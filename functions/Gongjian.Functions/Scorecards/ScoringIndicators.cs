using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;

namespace Gongjian.Functions.Scorecards;

/// <summary>What a 年度评议 scheme can score: the order indicators, then the module indicators (both catalogues, as defined).</summary>
public static class ScoringIndicators
{
    public static readonly IReadOnlyList<IndicatorDefinition> All =
        [.. OrderIndicatorsFunction.Definitions, .. ModuleIndicatorSet.Definitions];

    public static readonly IReadOnlySet<string> Codes = All.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>The definitions of the scheme's indicators, in the scheme's order.</summary>
    public static IReadOnlyList<IndicatorDefinition> Of(EvaluationScheme scheme) =>
        [.. scheme.Items.Select(i => Find(i.Indicator) ?? new IndicatorDefinition(i.Indicator, i.Indicator, "count", ""))];
}
