using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Functions.GridReports;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Photos;

namespace Gongjian.Functions.Seed;

/// <summary>
/// 格事坊 from seed 001: 东七里社区 is divided into 5 grids, 宝盛网格 the third, each with its "3+X" team (网格长 from the
/// community's 两委, 网格指导员 from the street's office, 网格员 from the community's staff, and volunteers: the area's
/// police officer, the property company, resident party members). A 宝盛 worker checks in and reports the 僵尸车 in
/// 阳光花园小区, which staff hand to the street's 城管办 after the traffic police found nobody claiming it; another
/// report (cigarette ends and litter below a building) waits for triage. Names and phones are made up.
/// </summary>
public static class DemoGrids
{
    private const string Community = "dongqili";

    /// <summary>A small real PNG (a dark car on a grey road) standing in for a worker's photo.</summary>
    private const string Photo = "iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAKklEQVR42mOYtu8ZVRDDqEF0NGjBgtloyC0gniDC1DVq0MAaRB4axgYBAJPyvV/ljUulAAAAAElFTkSuQmCC";

    private sealed record Demo(string Slug, string Name, string Area, double Lat, double Lon, (string Role, string Name, string? Phone)[] Team);

    private static readonly Demo[] Grids =
    [
        new("diyi", "第一网格", "东七里新村1–8号楼", 36.2031, 117.1402,
            [("leader", "孙丽华", "13805386701"), ("instructor", "陈光明", null), ("worker", "吴晓燕", "13805386702"), ("volunteer", "片区民警 马警官", null)]),
        new("dier", "第二网格", "东七里新村9–16号楼、沿街商铺", 36.2018, 117.1431,
            [("leader", "周建平", "13805386703"), ("instructor", "郑海涛", null), ("worker", "冯雪", "13805386704"), ("volunteer", "刘大爷（居民党员）", null)]),
        new("baosheng", "宝盛网格", "阳光花园小区、宝盛里、宝盛网格驿站", 36.2004, 117.1458,
            [("leader", "李红梅", "13805386705"), ("instructor", "张志强", null), ("worker", "王建国", "13805386706"),
                ("volunteer", "宝盛物业 赵经理", null), ("volunteer", "学雷锋志愿服务队 老李", null)]),
        new("disi", "第四网格", "泰山幸福苑小区", 36.1990, 117.1420,
            [("leader", "何静", "13805386707"), ("instructor", "许文斌", null), ("worker", "韩磊", "13805386708")]),
        new("diwu", "第五网格", "东七里路以东平房片区", 36.1978, 117.1475,
            [("leader", "高春燕", "13805386709"), ("instructor", "罗建华", null), ("worker", "田野", "13805386710"), ("volunteer", "片区民警 马警官", null)]),
    ];

    public static async Task<(int Grids, int Reports)> SeedAsync(GridBook grids, GridReportStore reports, PhotoStore photos, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var g in Grids)
            await grids.AddAsync(new Grid(Community, g.Slug, g.Name, g.Area, new GeoPoint(g.Lat, g.Lon), 350,
                [.. g.Team.Select(m => new GridMemberInput { Role = m.Role, Name = m.Name, Phone = m.Phone })]), ct);

        var gridId = GridIds.Of(Community, "baosheng");
        var worker = new Actor(ActorRole.GridWorker, "seed-baosheng", "王建国");
        var dispatcher = new Actor(ActorRole.Dispatcher, "seed-dongqili", "东七里社区派单员");
        var prepared = PhotoStore.Prepare([Photo], "photos");

        async Task<string> FileAsync(string category, string text, string place, double lat, double lon, DateTimeOffset at)
        {
            var id = GridReportAccess.NewId(at);
            var ids = await photos.SaveAsync(id, prepared, ct);
            (await reports.ExecuteAsync(id, new FileReport
            {
                By = worker, ReportId = id, GridId = gridId, CommunityId = Community, StreetId = DemoData.Caiyuan.Id, Category = category,
                Text = text, Place = place, Location = new GeoPoint(lat, lon), PhotoIds = ids,
            }, ct, expectNew: true)).Require("grid report " + place);
            return id;
        }

        var zombie = await FileAsync("vehicle", "阳光花园小区5号楼东侧一辆银色轿车长期停放，车身积灰、轮胎漏气，疑似“僵尸车”，占用消防通道。",
            "阳光花园小区5号楼东侧", 36.2008, 117.1461, now.AddDays(-3));
        (await reports.ExecuteAsync(zombie, new HandOverReport
        {
            By = dispatcher, Body = "财源街道城管办", Note = "已联系交警查询车辆信息，张贴告知单后无人认领，转交街道城管办依法处置。",
        }, ct)).Require("hand-over of the 僵尸车");
        await FileAsync("environment", "宝盛里3号楼楼下经常有人乱扔烟头、垃圾，建议增设垃圾桶并张贴文明提示。", "宝盛里3号楼楼下", 36.2001, 117.1455, now.AddHours(-5));
        return (Grids.Length, 2);
    }
}
