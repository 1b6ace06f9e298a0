using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Http;
using Gongjian.Functions.Needs;

namespace Gongjian.Functions.Indicators;

/// <summary>The <c>period</c> (or <c>year</c>) of an indicators or scorecard request: this year when absent, never one still to come.</summary>
public static class PeriodQuery
{
    public static EvaluationPeriod Period(HttpContext context, DateTimeOffset now)
    {
        var text = IndexPage.Param(context, "period");
        var period = text is null ? new EvaluationPeriod(PeriodKind.Year, now.ToOffset(EvaluationPeriod.Beijing).Year, 1)
            : EvaluationPeriod.TryParse(text) ?? throw ApiProblem.BadRequest("invalid_period", "统计期间格式不正确，请写成 2026、2026-Q3 或 2026-07。", "period");
        return NotFuture(period, now, "period");
    }

    public static int Year(HttpContext context, DateTimeOffset now) => Year(IndexPage.Param(context, "year"), now, "year");

    public static int Year(string? text, DateTimeOffset now, string field)
    {
        var year = text is null ? new EvaluationPeriod(PeriodKind.Year, now.ToOffset(EvaluationPeriod.Beijing).Year, 1)
            : EvaluationPeriod.TryParse(text) is { Kind: PeriodKind.Year } p ? p : throw ApiProblem.BadRequest("invalid_year", "年份格式不正确，请写成 2026。", field);
        return NotFuture(year, now, field).Year;
    }

    private static EvaluationPeriod NotFuture(EvaluationPeriod period, DateTimeOffset now, string field) =>
        period.Start > now ? throw ApiProblem.BadRequest("period_in_future", "统计期间还没有开始。", field) : period;
}
