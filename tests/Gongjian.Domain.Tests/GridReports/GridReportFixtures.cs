using Xunit;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;

namespace Gongjian.Domain.Tests.GridReports;

internal static class GridReportFixtures
{
    public static readonly GridReportModule Module = new();
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
    public static readonly Actor Worker = new(ActorRole.GridWorker, "key-worker", "王建国");
    public static readonly Actor Dispatcher = new(ActorRole.Dispatcher, "key-dispatcher", "派单员");
    public static readonly Actor Liaison = new(ActorRole.Liaison, "unit-1", "联络员");
    public static readonly Actor Resident = new(ActorRole.Resident, "resident");
    public static readonly GeoPoint Here = new(32.0478, 112.1440);

    public static FileReport File(string id = "GS260302-AAAAAA", Actor? by = null, string category = "vehicle", GeoPoint? at = null) => new()
    {
        By = by ?? Worker, ReportId = id, GridId = "dongqili.baosheng", CommunityId = "dongqili", StreetId = "caiyuan", Category = category,
        Text = "阳光花园小区3栋旁一辆车长期停放，疑似僵尸车。", Place = "阳光花园小区3栋旁", Location = at ?? Here, PhotoIds = ["a.jpg"],
    };

    public static GridReportState Filed(string id = "GS260302-AAAAAA", string category = "vehicle", GeoPoint? at = null) =>
        Apply(GridReportState.Initial, File(id, category: category, at: at));

    public static GridReportState Apply(GridReportState s, GridReportCommand c, DateTimeOffset? at = null)
    {
        var v = Module.Decide(s, c, at ?? T0);
        Assert.True(v.IsAccepted, v.Rejection?.Code);
        return v.Events.Aggregate(s, Module.Evolve);
    }

    public static MergeTarget TargetOf(GridReportState s) => new(s.Id, s.Status, s.CommunityId, s.Category, s.Location!);
}
