using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// 上报记录: every step of the report from the engine's history, who and when, with the outcome's note (masked). For the
/// community's staff and the grid's worker; the location is not repeated here.
/// </summary>
public static class GridReportTimelineFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "grid-reports/{id}/timeline");

    public static async Task<IResult> Run(HttpContext context, string id, GridReportStore store)
    {
        var caller = context.RequireStaff();
        var history = (GridReportAccess.IsWellFormed(id) ? await store.LoadWithHistoryAsync(id, context.RequestAborted) : null) ?? throw GridReportAccess.NotFound();
        if (!GridReportAccess.MayRead(caller, history.State)) throw ApiProblem.Forbidden("outside_scope", "这条上报不属于您的管辖范围。");
        var entries = new List<GridReportTimelineEntry>();
        foreach (var e in history.Events)
        {
            var (type, description, note) = e switch
            {
                ReportFiled f => ("filed", $"上报：{ReportCategory.NameOf(f.Category)}，照片 {f.PhotoIds.Count} 张", (string?)null),
                ReportResolved r => ("resolved", "就地解决", FreeTextRedactor.Redact(r.Note)),
                ReportTurnedIntoOrder o => ("ordered", $"转为派单 {o.OrderId}", null),
                ReportHandedOver h => ("handed_over", $"转交{h.Body}", FreeTextRedactor.Redact(h.Note)),
                ReportMerged m => ("merged", $"合并到上报 {m.TargetId}", null),
                DuplicateAttached d => ("duplicate", $"上报 {d.SourceId} 并入本条", null),
                ReportClosedByOrder c => ("closed", $"派单 {c.OrderId} 已办结，上报随之关闭", null),
                ReportReturnedFromOrder b => ("returned", $"派单 {b.OrderId} 未办理，退回待处置", b.Reason),
                _ => ("unknown", "", null),
            };
            entries.Add(new GridReportTimelineEntry(entries.Count + 1, type, e.OccurredAt, By(e.By), description, note));
        }
        return Results.Json(new GridReportTimeline(history.State.Id, entries), GridReportApiJson.Web.GridReportTimeline);
    }

    private static ActorView By(Actor by) => by.Role switch
    {
        ActorRole.System => new ActorView("system", "系统"),
        _ => new ActorView(Caller.RoleCode(by.Role), by.Name),
    };
}
