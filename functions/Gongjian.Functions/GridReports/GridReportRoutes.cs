using Gongjian.Functions.Abuse;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Http.Contract;
using E = Gongjian.Functions.GridReports.GridReportExamples;

namespace Gongjian.Functions.GridReports;

/// <summary>The grids (网格管理) and 格事坊 API: staff keys only, a grid worker's key for its own grid.</summary>
public static class GridReportRoutes
{
    public static void MapGridReportFunctions(this WebApplication app)
    {
        app.MapFunction("CreateGrid", CreateGridFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CreateGridFunction.Run))
            .Describe(E.GridTag, "新建网格 Create a grid", "本社区派单员、街道组织方或管理员为社区新建网格：名称、范围、中心点和半径（米，50–5000）、团队成员（leader 网格长、instructor 网格指导员、worker 网格员、volunteer 志愿者；姓名电话只给工作人员）。" +
                "The community's staff add a grid with its centre, radius and team (names and phones: staff only).", ApiAccess.Staff)
            .Takes(E.CreateGrid).Gives(201, E.Grid).Refuses(400, 401, 403, 409, 415, 429).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListGrids", ListGridsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListGridsFunction.Run))
            .Describe(E.GridTag, "网格列表 List grids", "一个社区的网格及团队（派单员默认本社区）；网格员只看到自己的网格。A community's grids; a grid worker sees its own.", ApiAccess.Staff)
            .Query("community", "社区编号 Community id").Gives(200, E.Grids).Refuses(400, 401, 403);
        app.MapFunction("GetGrid", GetGridFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetGridFunction.Run))
            .Describe(E.GridTag, "查看网格 Get a grid", "网格及团队，带 ETag（修改时作 If-Match）。The grid with its ETag.", ApiAccess.Staff)
            .Gives(200, E.Grid).Refuses(401, 403, 404);
        app.MapFunction("UpdateGrid", UpdateGridFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, UpdateGridFunction.Run))
            .Describe(E.GridTag, "修改网格 Update a grid", "修改名称、范围、中心、半径和团队；带 `If-Match` 时若已被他人修改则为 412 `grid_changed`。" +
                "Rename, move or change the team; a stale `If-Match` is `412 grid_changed`.", ApiAccess.Staff)
            .Takes(E.UpdateGrid).Gives(200, E.Grid).Refuses(400, 401, 403, 404, 412, 415, 429).RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GridCheckIn", CheckInFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, CheckInFunction.Run))
            .Describe(E.GridTag, "网格员签到 Check in", "本网格的网格员签到：时间和位置（必填）。离网格中心超过半径的签到照样记录，并标记 `far`。" +
                "The grid's worker checks in with the phone's location; one beyond the grid's radius is kept and flagged `far`.", ApiAccess.Staff)
            .Takes(E.CheckIn).Gives(201, E.CheckedIn).Refuses(400, 401, 403, 404, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListGridCheckIns", ListCheckInsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListCheckInsFunction.Run))
            .Describe(E.GridTag, "签到记录 Check-ins", "网格最近的签到（最多 100 条），含位置和离中心的距离，只给本社区工作人员。" +
                "The grid's latest check-ins with location and distance, for the community's staff only.", ApiAccess.Staff)
            .Gives(200, E.CheckIns).Refuses(401, 403, 404);

        app.MapFunction("FileGridReport", FileReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, FileReportFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "上报问题 File a report", "网格员上报本网格发现的问题：类别、描述、地点、位置（lat/lon，必填）和 1–9 张照片（base64 JPEG/PNG/WebP，去除 EXIF/GPS）。" +
                "A grid worker reports a problem of its grid: category, text, place, the location (required) and 1–9 photos (EXIF/GPS stripped).", ApiAccess.Staff)
            .Takes(E.File).Gives(201, E.Report).Refuses(400, 401, 403, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("ListGridReports", ListGridReportsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ListGridReportsFunction.Run))
            .Describe(E.Tag, "上报列表 List reports", "一个社区、网格或派单对应的上报，最新的在前；描述已打码，不含位置和上报人。" +
                "A community's, grid's or order's reports, newest first; masked text, no location or reporter.", ApiAccess.Staff)
            .Query("community", "社区编号 Community id").Query("grid", "网格编号 Grid id").Query("order", "派单编号 Order id")
            .Query("status", "状态 Status (open, resolved, ordered, closed, handed_over, merged)").Gives(200, E.Page).Refuses(400, 401, 403);
        app.MapFunction("GetGridReport", GetGridReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetGridReportFunction.Run))
            .Describe(E.Tag, "查看上报 Get a report", "上报详情（含位置和上报人，只给本社区工作人员和本网格网格员）。The report with location and reporter, for staff only.", ApiAccess.Staff)
            .Gives(200, E.Report).Refuses(401, 403, 404);
        app.MapFunction("ResolveGridReport", ResolveReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ResolveReportFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "就地解决 Resolve", "本社区工作人员说明处理情况（可附照片），上报办结，网格员收到通知。The community's staff resolve it with a note (and photos).", ApiAccess.Staff)
            .Takes(E.Resolve).Gives(200, E.Report).Refuses(400, 401, 403, 404, 409, 413, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GridReportToOrder", ReportToOrderFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, ReportToOrderFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "转为派单 Turn into an order", "本社区派单员把上报转为工单进入派单流程（联系人为网格团队）；工单办结后上报自动关闭，工单取消则退回待处置。" +
                "The dispatcher turns the report into an order; the order's completion closes the report, its cancellation sends it back.", ApiAccess.Staff)
            .Takes(E.ToOrder).Gives(200, E.Report).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("HandOverGridReport", HandOverReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, HandOverReportFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "转交 Hand over", "转交其他部门（如街道城管办、交警）并说明情况。Hand the report to another body with a note.", ApiAccess.Staff)
            .Takes(E.HandOver).Gives(200, E.Report).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("MergeGridReport", MergeReportFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, MergeReportFunction.Run)).WithIdempotencyKey()
            .Describe(E.Tag, "合并上报 Merge", "并入本社区同一地点（300 米内）、同一类别、尚未办结的上报。Merge into an open report of the same place and kind.", ApiAccess.Staff)
            .Takes(E.Merge).Gives(200, E.Report).Refuses(400, 401, 403, 404, 409, 415, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
        app.MapFunction("GridReportDuplicates", DuplicateReportsFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, DuplicateReportsFunction.Run))
            .Describe(E.Tag, "疑似重复 Duplicate suggestions", "附近（300 米内）且同类或描述相近的未办结上报，只作提示，从不自动合并。" +
                "Open reports nearby and alike; suggestions only, never merged automatically.", ApiAccess.Staff)
            .Gives(200, E.Duplicates).Refuses(401, 403, 404);
        app.MapFunction("GetGridReportPhoto", GetGridReportPhotoFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GetGridReportPhotoFunction.Run))
            .Describe(E.Tag, "上报照片 Report photo", "上报或处置的照片（已去除 EXIF/GPS），只给本社区工作人员和本网格网格员。A report's photo, staff only.", ApiAccess.Staff)
            .GivesContent(200, "照片。The photo.", "image/jpeg", "image/png", "image/webp").Refuses(401, 403, 404);
        app.MapFunction("GetGridReportTimeline", GridReportTimelineFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, GridReportTimelineFunction.Run))
            .Describe(E.Tag, "上报记录 Report timeline", "上报从提交到办结的每一步、谁、何时和说明。Every step of the report, who and when.", ApiAccess.Staff)
            .Gives(200, E.Timeline).Refuses(401, 403, 404);
        app.MapFunction("ListGridWorkers", BotDesk.ListGridWorkersFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, BotDesk.ListGridWorkersFunction.Run))
            .Describe(E.GridTag, "网格员 Grid workers", "网格在用的网格员密钥（编号、名称、创建时间，最早的在前），供本社区工作人员选择为哪一位发放绑定码；不含密钥本身。" +
                "The grid's live grid-worker keys (id, name, since), for choosing whom a binding code is for; never a key.", ApiAccess.Staff)
            .Gives(200, E.GridWorkers).Refuses(401, 403, 404);
        app.MapFunction("IssueGridBindingCode", BotDesk.IssueGridBindingCodeFunction.Trigger, t => app.MapMethods(t.Pattern, t.Methods, BotDesk.IssueGridBindingCodeFunction.Run))
            .Describe(E.GridTag, "网格员绑定码 Issue a grid worker's binding code", "本社区工作人员为网格员发放一次性绑定码（24 小时内有效）：网格员在共建小助手中发送“绑定 123456”后即可随手拍上报。" +
                "取网格唯一在用的网格员密钥；有多位时用 `keyId` 指明（见“网格员”）。A one-time code that binds a grid worker's chat to the worker and grid (`keyId` when the grid has several).",
                ApiAccess.Staff)
            .Query("keyId", "网格员密钥编号 The grid worker's key id").Gives(201, E.GridBindingCode).Refuses(400, 401, 403, 404, 409, 429)
            .RequireRateLimiting(RateLimitPolicies.StaffWrites);
    }
}
