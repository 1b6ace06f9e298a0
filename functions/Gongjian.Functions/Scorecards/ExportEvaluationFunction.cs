using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// 导出 Excel: the indicators of a period (<c>what=indicators</c>) or a year's scorecard (<c>what=scorecard</c>) as .xlsx,
/// in the caller's scope (another street is 403). Each export is recorded before the file is answered (table <c>evalexports</c>, <see cref="EvaluationExportLog"/>) and logged: who (key id, role, name), when, what, which street, period and scope.
/// </summary>
public static class ExportEvaluationFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "evaluation/export");

    public static async Task<IResult> Run(HttpContext context, ScorecardBook book, OrderTallyStore tallies, RecordBook records, CommunityDirectory directory,
        EvaluationExportLog exports, TimeProvider clock, ILoggerFactory loggers)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        var snapshot = await directory.GetAsync(ct);
        var what = IndexPage.Param(context, "what") ?? "indicators";
        if (what is not ("indicators" or "scorecard")) throw ApiProblem.BadRequest("invalid_export", "导出内容只能是 indicators（考核指标）或 scorecard（评议成绩）。", "what");
        var format = IndexPage.Param(context, "format") ?? "xlsx";
        if (format is not ("xlsx" or "csv")) throw ApiProblem.BadRequest("invalid_format", "导出格式只能是 xlsx（Excel）或 csv。", "format");
        var csv = format == "csv";
        var community = IndexPage.Param(context, "community");
        byte[] file;
        string name, period;
        if (what == "scorecard")
        {
            var year = PeriodQuery.Year(context, now);
            var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), IndexPage.Param(context, "unit"), community, "年度评议");
            var card = ScorecardBook.Scoped(await book.ReadAsync(snapshot, scope.StreetId, year, now, ct), scope);
            (file, name, period) = (csv ? await EvaluationWorkbook.ScorecardCsvAsync(card, ct) : await EvaluationWorkbook.ScorecardAsync(card, ct),
                $"{scope.StreetId}-{year}-年度评议.{format}", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await LogAsync(scope.StreetId, scope.UnitId);
        }
        else
        {
            var p = PeriodQuery.Period(context, now);
            var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), IndexPage.Param(context, "unit"), community, "考核指标");
            var months = p.Months().Select(m => m.Number).ToHashSet();
            var rows = (await tallies.ReadYearAsync(scope.StreetId, p.Year, ct))
                .Where(r => months.Contains(r.Month) && (scope.UnitId is null || r.UnitId == scope.UnitId) && scope.Sees(r.UnitId, null)).ToList();
            var units = rows.GroupBy(r => r.UnitId)
                .Select(g => OrderIndicatorsFunction.View(g.Key, snapshot.Units.TryGetValue(g.Key, out var u) ? u.Name : g.Last().UnitName, OrderTally.Sum(g.Select(r => r.Tally)), now))
                .OrderByDescending(u => u.Received).ThenBy(u => u.UnitId, StringComparer.Ordinal).ToList();
            var total = OrderIndicatorsFunction.View("", "合计", OrderTally.Sum(rows.Select(r => r.Tally)), now);
            var modules = ModuleIndicatorsFunction.Compute(snapshot, scope, community, p, now, await records.FactsAsync(scope.StreetId, p, ct));
            (file, name, period) = (csv ? await EvaluationWorkbook.IndicatorsCsvAsync(p.Chinese, units, total, modules, ct)
                : await EvaluationWorkbook.IndicatorsAsync(p.Chinese, units, total, modules, ct), $"{scope.StreetId}-{p.Code}-考核指标.{format}", p.Code);
            await LogAsync(scope.StreetId, scope.UnitId);
        }
        return Results.File(file, csv ? EvaluationWorkbook.CsvType + "; charset=utf-8" : EvaluationWorkbook.ContentType, name);

        async Task LogAsync(string street, string? unit)
        {
            await exports.WriteAsync(EvaluationExportLog.Of(caller, street, what, period, unit, community, name, now), ct);
            loggers.CreateLogger("Gongjian.Evaluation.Export").LogInformation(
                "Evaluation export {What} of street {Street} for {Period} by {Role} key {KeyId} at {At:o}", what, street, period, caller.Role, caller.KeyId, now);
        }
    }
}
