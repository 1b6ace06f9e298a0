using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// 导出记录: a street's evaluation exports, newest first — who (name and role), when, what, which period and scope, the
/// file's name. For the street's organizer (or an admin naming the street): the audit of what left the console.
/// </summary>
public static class ListEvaluationExportsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "evaluation/exports");

    public const int MaxTake = 200;

    public static async Task<IResult> Run(HttpContext context, EvaluationExportLog exports, CommunityDirectory directory)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var snapshot = await directory.GetAsync(ct);
        var street = ScorecardAccess.OrganizerStreet(caller, snapshot, IndexPage.Param(context, "street"), "只有街道组织方可以查看导出记录。");
        var take = Take(IndexPage.Param(context, "take"));
        var items = (await exports.ReadAsync(street, take, ct)).Select(e => new ExportRecordView(e.What, e.What == "scorecard" ? "评议成绩" : "考核指标", e.Period,
            Domain.Evaluation.EvaluationPeriod.TryParse(e.Period) is { } p ? (e.What == "scorecard" ? $"{p.Year}年度" : p.Chinese) : e.Period,
            e.FileName.EndsWith(".csv", StringComparison.Ordinal) ? "csv" : "xlsx", e.UnitId, e.UnitId is { } u && snapshot.Units.TryGetValue(u, out var unit) ? unit.Name : null,
            e.CommunityId, e.CommunityId is { } c && snapshot.Communities.TryGetValue(c, out var community) ? community.Name : null,
            e.Role, Caller.TryParseStaffRole(e.Role, out var role) ? Caller.RoleName(role) : "工作人员", e.By, e.FileName, e.At)).ToList();
        return Results.Json(new ExportRecordsView(street, items), ScorecardJson.Web.ExportRecordsView);
    }

    private static int Take(string? text)
    {
        if (text is null) return 50;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxTake
            ? n : throw ApiProblem.BadRequest("invalid_take", $"条数应为 1 到 {MaxTake} 之间的整数。", "take");
    }
}
