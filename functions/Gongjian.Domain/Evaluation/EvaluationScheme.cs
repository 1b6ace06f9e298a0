using System.Globalization;

namespace Gongjian.Domain.Evaluation;

/// <summary>
/// One scored indicator of a scheme: <see cref="PointsPer"/> points for each unit of the indicator's value (a rate's
/// unit is 100 %, so 20 points per unit is 20 points at 100 %), never more than <see cref="Cap"/>. A negative
/// <see cref="PointsPer"/> deducts (督办: −1 each), never more than <see cref="Cap"/>. An indicator without a value
/// (its base is empty) scores 0.
/// </summary>
public sealed record SchemeItem(string Indicator, double PointsPer, double Cap);

/// <summary>The part the organizer enters per unit (e.g. 居民代表评议), from 0 to <see cref="Max"/> points.</summary>
public sealed record ManualPart(string Name, double Max);

/// <summary>The lowest totals of 优秀, 良好 and 合格; below <see cref="Pass"/> is 不合格.</summary>
public sealed record GradeThresholds(double Excellent, double Good, double Pass);

/// <summary>
/// 年度评议方案: a street's scheme for a year, version by version. The full marks of the indicators that add points
/// plus the manual part must come to <see cref="Total"/>; a published year keeps the version it was scored with.
/// </summary>
public sealed record EvaluationScheme
{
    public required string StreetId { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }
    public required double Total { get; init; }
    public required IReadOnlyList<SchemeItem> Items { get; init; }
    public ManualPart? Manual { get; init; }
    public required GradeThresholds Grades { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>Full marks of the indicators that add points (deductions excluded) and of the manual part.</summary>
    public double FullMarks => Items.Where(i => i.PointsPer > 0).Sum(i => i.Cap) + (Manual?.Max ?? 0);
}

/// <summary>A scheme's flaw, with its stable code, Chinese title and the field it is about.</summary>
public sealed record SchemeError(string Code, string Title, string Field);

public static class SchemeRules
{
    private const double Tolerance = 0.005;

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The scheme's first flaw, or null when it can be used. <paramref name="known"/>: the indicator codes that exist.</summary>
    public static SchemeError? Check(EvaluationScheme s, IReadOnlySet<string> known)
    {
        if (!double.IsFinite(s.Total) || s.Total <= 0 || s.Total > 1000) return new("invalid_total", "方案总分须大于 0、不超过 1000 分。", "total");
        if (s.Items.Count == 0) return new("scheme_items_required", "请至少选择一项考核指标。", "items");
        if (s.Items.Count > 60) return new("too_many_items", "考核指标最多 60 项。", "items");
        for (var n = 0; n < s.Items.Count; n++)
        {
            var i = s.Items[n];
            if (!known.Contains(i.Indicator)) return new("unknown_indicator", $"考核指标不存在：{i.Indicator}。", $"items[{n}].indicator");
            if (s.Items.Take(n).Any(x => x.Indicator == i.Indicator)) return new("duplicate_indicator", $"考核指标重复：{i.Indicator}。", $"items[{n}].indicator");
            if (!double.IsFinite(i.PointsPer) || i.PointsPer == 0 || Math.Abs(i.PointsPer) > 1000) return new("invalid_weight", "每项指标的分值须为非零数，绝对值不超过 1000。", $"items[{n}].pointsPer");
            if (!double.IsFinite(i.Cap) || i.Cap <= 0 || i.Cap > s.Total) return new("invalid_cap", "每项指标的封顶分须大于 0、不超过方案总分。", $"items[{n}].cap");
        }
        if (s.Manual is { } m && (string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 30 || !double.IsFinite(m.Max) || m.Max <= 0 || m.Max > s.Total))
            return new("invalid_manual", "评议分须有名称（30 字以内），满分大于 0、不超过方案总分。", "manual");
        if (Math.Abs(s.FullMarks - s.Total) > Tolerance)
            return new("weights_do_not_sum", $"各项满分之和为 {N(s.FullMarks)} 分，与方案总分 {N(s.Total)} 分不一致。", "items");
        var g = s.Grades;
        if (!(g.Pass > 0 && g.Pass < g.Good && g.Good < g.Excellent && g.Excellent <= s.Total))
            return new("invalid_grades", "等级分数线须满足：0 < 合格 < 良好 < 优秀 ≤ 总分。", "grades");
        return null;
    }
}
