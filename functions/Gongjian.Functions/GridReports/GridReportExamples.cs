using Gongjian.Functions.Grids;
using Gongjian.Functions.Http.Contract;

namespace Gongjian.Functions.GridReports;

/// <summary>The examples of the grid and 格事坊 API in the contract (OpenAPI), serialized as the app reads and writes them.</summary>
public static class GridReportExamples
{
    public static readonly ApiTag GridTag = new("网格管理 Grids",
        "社区划分网格，每个网格有“3+X”团队（网格长、网格指导员、网格员和志愿者）；网格员每天到网格签到（位置只给本社区工作人员看）。" +
        "A community's grids with their team; grid workers check in at their grid (the location is for the community's staff only).");

    public static readonly ApiTag Tag = new("格事坊 Grid reports",
        "网格员巡查时拍照上报问题（带位置），社区工作人员处置：就地解决、转为派单（派单办结后上报随之关闭）、转交其他部门（如城管办）或与同一地点同类上报合并。" +
        "Grid workers report problems with located photos; staff resolve them on the spot, turn them into orders, hand them over or merge duplicates.");

    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
    private const string Id = "GS260302-7KQ3MZ";
    private const string GridId = "dongqili.baosheng";

    public static readonly SaveGridRequest CreateGrid = new()
    {
        CommunityId = "dongqili", Slug = "baosheng", Name = "宝盛网格", Area = "阳光花园小区、宝盛里", CentreLat = 32.0472, CentreLon = 112.1431, RadiusMetres = 400,
        Team = [new() { Role = "leader", Name = "李红梅", Phone = "13807101234" }, new() { Role = "worker", Name = "王建国", Phone = "13907105678" },
            new() { Role = "instructor", Name = "张志强" }, new() { Role = "volunteer", Name = "刘桂兰" }],
    };

    public static readonly SaveGridRequest UpdateGrid = CreateGrid with { CommunityId = null, Slug = null, RadiusMetres = 450 };

    public static readonly GridView Grid = new(GridId, "dongqili", "东七里社区", "caiyuan", "宝盛网格", "阳光花园小区、宝盛里", 32.0472, 112.1431, 400,
        [new("leader", "网格长", "李红梅", "13807101234"), new("worker", "网格员", "王建国", "13907105678"), new("instructor", "网格指导员", "张志强", null),
            new("volunteer", "志愿者", "刘桂兰", null)]);

    public static readonly GridPage Grids = new([Grid]);
    public static readonly GridCheckInRequest CheckIn = new() { Lat = 32.0475, Lon = 112.1436, Note = "早班巡查" };
    public static readonly GridCheckInView CheckedIn = new(GridId, At, "王建国", 32.0475, 112.1436, 57, false, "早班巡查");
    public static readonly GridCheckInPage CheckIns = new([CheckedIn]);

    public static readonly FileReportRequest File = new()
    {
        GridId = GridId, Category = "vehicle", Text = "阳光花园小区3栋旁一辆轿车长期停放，车身积灰、轮胎漏气，疑似僵尸车。", Place = "阳光花园小区3栋旁",
        Lat = 32.0478, Lon = 112.1440, Photos = ["/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=="],
    };

    public static readonly GridReportView Report = new()
    {
        Id = Id, Status = "open", StatusText = "待处置", CommunityId = "dongqili", StreetId = "caiyuan", GridId = GridId, Category = "vehicle",
        CategoryText = "车辆停放（含僵尸车）", Text = File.Text, Place = File.Place!, Lat = 32.0478, Lon = 112.1440, Reporter = "王建国",
        PhotoIds = ["3f9a1c2b7d4e5f60.jpg"], CreatedAt = At, UpdatedAt = At, OutcomePhotoIds = [], Duplicates = [], Actions = ["resolve", "order", "hand_over", "merge"],
    };

    public static readonly GridReportPage Page = new([new GridReportListItem(Id, "open", "待处置", "vehicle", "车辆停放（含僵尸车）", GridId,
        File.Text, File.Place!, 1, null, null, null, At, At)]);

    public static readonly ResolveReportRequest Resolve = new() { Note = "已联系车主挪走车辆。" };
    public static readonly ReportToOrderRequest ToOrder = new() { Address = "阳光花园小区3栋旁", Category = "environment" };
    public static readonly HandOverReportRequest HandOver = new() { Body = "街道城管办", Note = "已联系交警，无人认领，转交城管办依法处置。" };
    public static readonly MergeReportRequest Merge = new() { TargetId = "GS260301-H4TB9X" };
    public static readonly DuplicatePage Duplicates = new([new DuplicateSuggestion("GS260301-H4TB9X", "open", "vehicle", "3栋旁有辆车很久没动过，轮胎瘪了。",
        "阳光花园小区", 35, 0.62, At.AddDays(-1))]);
    public static readonly GridReportTimeline Timeline = new(Id,
    [
        new(1, "filed", At, new Orders.ActorView("gridworker", "王建国"), "上报：车辆停放（含僵尸车），照片 1 张", null),
        new(2, "handed_over", At.AddDays(3), new Orders.ActorView("dispatcher", "东七里社区派单员"), "转交街道城管办", "已联系交警，无人认领，转交城管办依法处置。"),
    ]);
    public static readonly BotDesk.GridWorkersView GridWorkers = new(GridId,
        [new("k7Qp3mXd", "王建国", At.AddMonths(-6)), new("R2tV9cWb", "刘桂兰", At.AddDays(-10))]);
    public static readonly BotDesk.GridBindingCodeView GridBindingCode = new("482915", GridId, "东七里社区·宝盛网格", "王建国", At.AddDays(1),
        "请网格员在共建小助手中发送“绑定 482915”。绑定码只能使用一次，3月3日 09:30 前有效。");
}
