using Xunit;
using Gongjian.Domain.Evaluation;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>年度评议 scoring by hand: points per unit held within caps, deductions, the manual part, grades, shared ranks; and the scheme's rules.</summary>
public sealed class ScorecardTests
{
    private static readonly HashSet<string> Known = ["response_rate", "projects_claimed", "volunteer_hours", "escalations"];

    private static EvaluationScheme Scheme(double total = 100, ManualPart? manual = null, GradeThresholds? grades = null, params SchemeItem[] items) => new()
    {
        StreetId = "caiyuan", Year = 2026, Version = 1, Total = total, CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "财源街道党工委",
        Items = items.Length > 0 ? items : [new("response_rate", 40, 40), new("projects_claimed", 5, 20), new("volunteer_hours", 0.5, 20), new("escalations", -2, 10)],
        Manual = manual ?? new ManualPart("居民代表评议", 20), Grades = grades ?? new GradeThresholds(90, 75, 60),
    };

    private static UnitFigures U(string id, double? rate, double claims, double hours, double escalations) =>
        new(id, id.ToUpperInvariant(), new Dictionary<string, double?> { ["response_rate"] = rate, ["projects_claimed"] = claims, ["volunteer_hours"] = hours, ["escalations"] = escalations });

    [Fact]
    public void Points_are_held_within_caps_and_the_total_decides_grade_and_rank()
    {
        var lines = Scorecard.Score(Scheme(), [
            U("a", 0.95, 5, 30, 1),     // 38 + 20 (25 capped) + 15 − 2 + 18 = 89 → 良好
            U("b", 1, 3, 50, 0),        // 40 + 15 + 20 (25 capped) + 0 + 19.5 = 94.5 → 优秀
            U("c", null, 1, 3.3, 7),    // 0 (no value) + 5 + 1.65 − 10 (−14 capped) + 0 (not entered) = −3.35 → 不合格
            U("d", 0.8, 2, 10, 0),      // 32 + 10 + 5 + 0 + 17 = 64 → 合格
            U("e", 0.8, 2, 10, 0),      // the same as d, and 17 too: shares d's rank
        ], new Dictionary<string, double> { ["a"] = 18, ["b"] = 19.5, ["d"] = 17, ["e"] = 17 });
        Assert.Equal([("b", 94.5, "优秀", 1), ("a", 89, "良好", 2), ("d", 64, "合格", 3), ("e", 64, "合格", 3), ("c", -3.35, "不合格", 5)],
            lines.Select(l => (l.UnitId, l.Total, l.Grade, l.Rank)));
        var a = lines.Single(l => l.UnitId == "a");
        Assert.Equal([(38.0, false), (20.0, true), (15.0, false), (-2.0, false)], a.Items.Select(i => (i.Points, i.Capped)));
        var c = lines.Single(l => l.UnitId == "c");
        Assert.Equal((null, 0.0), (c.Items[0].Value, c.Items[0].Points));
        Assert.Equal((-10.0, true, (double?)null), (c.Items[3].Points, c.Items[3].Capped, c.Manual));
    }

    [Fact]
    public void Grade_thresholds_are_inclusive()
    {
        var g = new GradeThresholds(90, 75, 60);
        Assert.Equal(["优秀", "良好", "良好", "合格", "不合格"], new[] { 90, 89.99, 75, 60, 59.99 }.Select(t => Scorecard.GradeOf(g, t)));
    }

    [Fact]
    public void A_scheme_whose_full_marks_do_not_make_its_total_is_refused_and_so_are_its_other_flaws()
    {
        Assert.Null(SchemeRules.Check(Scheme(), Known));
        var e = SchemeRules.Check(Scheme(total: 110), Known)!;
        Assert.Equal(("weights_do_not_sum", "各项满分之和为 100 分，与方案总分 110 分不一致。", "items"), (e.Code, e.Title, e.Field));
        Assert.Equal("unknown_indicator", SchemeRules.Check(Scheme(items: [new("bogus", 1, 80)]), Known)!.Code);
        Assert.Equal("duplicate_indicator", SchemeRules.Check(Scheme(items: [new("response_rate", 40, 40), new("response_rate", 40, 40)]), Known)!.Code);
        Assert.Equal("invalid_weight", SchemeRules.Check(Scheme(items: [new("response_rate", 0, 80)]), Known)!.Code);
        Assert.Equal("invalid_cap", SchemeRules.Check(Scheme(items: [new("response_rate", 80, -1)]), Known)!.Code);
        Assert.Equal("invalid_grades", SchemeRules.Check(Scheme(grades: new GradeThresholds(70, 75, 60)), Known)!.Code);
        Assert.Equal("invalid_grades", SchemeRules.Check(Scheme(grades: new GradeThresholds(101, 75, 60)), Known)!.Code);
        Assert.Equal("invalid_manual", SchemeRules.Check(Scheme(manual: new ManualPart("", 20)), Known)!.Code);
        Assert.Equal("scheme_items_required", SchemeRules.Check(Scheme() with { Items = [] }, Known)!.Code);
    }
}
