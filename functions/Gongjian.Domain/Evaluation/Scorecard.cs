namespace Gongjian.Domain.Evaluation;

/// <summary>A unit's indicator values for the year (order and module indicators by code; null: no value).</summary>
public sealed record UnitFigures(string UnitId, string UnitName, IReadOnlyDictionary<string, double?> Values);

/// <summary>How one indicator scored: its value, the scheme's rule and the points (capped when the cap cut them).</summary>
public sealed record ItemScore(string Indicator, double? Value, double PointsPer, double Cap, double Points, bool Capped);

/// <summary>A unit's line of the scorecard: its items, its manual points (null: not entered), total, grade and rank in the street.</summary>
public sealed record UnitScore(string UnitId, string UnitName, IReadOnlyList<ItemScore> Items, double? Manual, double Total, string Grade, int Rank);

/// <summary>
/// 年度评议 scoring, pure: each item is value × points-per-unit, held within its cap (a deduction within −cap); the
/// manual points are added as entered (none: 0); the total decides the grade by the scheme's thresholds; units rank
/// by total, equal totals share a rank (1, 1, 3) and list by unit id. Points are rounded to two places, item by item.
/// </summary>
public static class Scorecard
{
    public const string Excellent = "优秀", Good = "良好", Pass = "合格", Fail = "不合格";

    public static ItemScore Item(SchemeItem item, double? value)
    {
        if (value is not { } v) return new(item.Indicator, null, item.PointsPer, item.Cap, 0, false);
        var raw = v * item.PointsPer;
        var held = item.PointsPer > 0 ? Math.Clamp(raw, 0, item.Cap) : Math.Clamp(raw, -item.Cap, 0);
        return new(item.Indicator, v, item.PointsPer, item.Cap, Round(held), held != raw);
    }

    public static string GradeOf(GradeThresholds g, double total) =>
        total >= g.Excellent ? Excellent : total >= g.Good ? Good : total >= g.Pass ? Pass : Fail;

    public static IReadOnlyList<UnitScore> Score(EvaluationScheme scheme, IEnumerable<UnitFigures> units, IReadOnlyDictionary<string, double> manual)
    {
        var lines = units.Select(u =>
        {
            var items = scheme.Items.Select(i => Item(i, u.Values.GetValueOrDefault(i.Indicator))).ToList();
            double? entered = scheme.Manual is null ? null : manual.TryGetValue(u.UnitId, out var m) ? m : null;
            var total = Round(items.Sum(i => i.Points) + (entered ?? 0));
            return new UnitScore(u.UnitId, u.UnitName, items, entered, total, GradeOf(scheme.Grades, total), 0);
        }).OrderByDescending(l => l.Total).ThenBy(l => l.UnitId, StringComparer.Ordinal).ToList();
        for (var n = 0; n < lines.Count; n++)
            lines[n] = lines[n] with { Rank = n > 0 && lines[n].Total == lines[n - 1].Total ? lines[n - 1].Rank : n + 1 };
        return lines;
    }

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
