using Xunit;
using Gongjian.Domain.Evaluation;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>Module indicators counted by hand from a handful of records: per unit, in all, hours, and attendance credited to the host.</summary>
public sealed class ModuleIndicatorsTests
{
    private static readonly DateTimeOffset May = new(2026, 5, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static RecordFact R(string id, string kind, string source, string? unit, double? hours = null, string community = "dongqili") =>
        new(id, kind, source, community, unit, hours, May, "标题");

    private static readonly RecordFact[] Records =
    [
        R("1", "project_claim", "pj1", "a"), R("2", "project_claim", "pj2", "a"), R("3", "project_claim", "pj3", "b"),
        R("4", "service_hours", "p1", "a", 2.5), R("5", "service_hours", "p2", null, 4), R("6", "service_hours", "p3", "b", 1.25),
        R("7", "activity_hosted", "ac1", "a", 6), R("8", "activity_attended", "ac1", null, 3), R("9", "activity_attended", "ac1", null, 3),
        R("10", "activity_attended", "ac2", null, 2), // ac2: a community's own activity, no host unit
        R("11", "wish_fulfilled", "w1", null), R("12", "wish_fulfilled", "w2", "b"),
    ];

    private static ModuleIndicator I(string code) => ModuleIndicatorCatalog.Defined.Single(i => i.Code == code);

    [Fact]
    public void Each_indicator_counts_its_records_for_a_unit_and_in_all()
    {
        Assert.Equal((2.0, 1.0, 3.0), (ModuleIndicators.Value(I("projects_claimed"), Records, "a"), ModuleIndicators.Value(I("projects_claimed"), Records, "b"),
            ModuleIndicators.Value(I("projects_claimed"), Records, null)));
        Assert.Equal((2.5, 1.25, 7.75), (ModuleIndicators.Value(I("volunteer_hours"), Records, "a"), ModuleIndicators.Value(I("volunteer_hours"), Records, "b"),
            ModuleIndicators.Value(I("volunteer_hours"), Records, null)));
        // Attendance: two attended a's activity; in all three, the community's own activity included.
        Assert.Equal((2.0, 0.0, 3.0), (ModuleIndicators.Value(I("activity_attendance"), Records, "a"), ModuleIndicators.Value(I("activity_attendance"), Records, "b"),
            ModuleIndicators.Value(I("activity_attendance"), Records, null)));
        Assert.Equal(["8", "9"], ModuleIndicators.Contributing(I("activity_attendance"), Records, "a").Select(r => r.Id));
        Assert.Equal((1.0, 6.0), (ModuleIndicators.Value(I("activities_hosted"), Records, "a"), ModuleIndicators.Value(I("activity_hours"), Records, "a")));
        // A wish a person fulfilled counts in all, for no unit.
        Assert.Equal((0.0, 1.0, 2.0), (ModuleIndicators.Value(I("wishes_fulfilled"), Records, "a"), ModuleIndicators.Value(I("wishes_fulfilled"), Records, "b"),
            ModuleIndicators.Value(I("wishes_fulfilled"), Records, null)));
    }

    [Fact]
    public void A_kind_defined_nowhere_gets_a_count_of_its_records_and_codes_are_unique()
    {
        var catalog = ModuleIndicatorCatalog.For(["project_claim", "grid_report"], k => k == "grid_report" ? "网格上报" : k);
        Assert.Equal(["projects_claimed", "grid_report"], catalog.Select(i => i.Code));
        Assert.Equal(("网格上报", "本期「网格上报」的记录数。", RecordMeasure.Count), (catalog[1].Name, catalog[1].Definition, catalog[1].Measure));
        var codes = ModuleIndicatorCatalog.Defined.Select(i => i.Code).Concat(IndicatorCatalog.Orders.Select(i => i.Code)).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
