using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>Computes a year's draft scorecard with the current scheme, or reads the published one.</summary>
public sealed class ScorecardBook(ScorecardStore store, YearFigures figures)
{
    public async Task<ScorecardView> ReadAsync(CommunityDirectory.Snapshot snapshot, string streetId, int year, DateTimeOffset now, CancellationToken ct) =>
        await store.PublishedAsync(streetId, year, ct) ?? await DraftAsync(snapshot, streetId, year, now, ct);

    public async Task<ScorecardView> DraftAsync(CommunityDirectory.Snapshot snapshot, string streetId, int year, DateTimeOffset now, CancellationToken ct)
    {
        var scheme = (await store.SchemesAsync(streetId, year, ct)).LastOrDefault()
            ?? throw ApiProblem.NotFound("scheme_not_found", "本年度还没有评议方案，请组织方先制定方案。");
        var lines = Scorecard.Score(scheme, await figures.ReadAsync(snapshot, streetId, year, now, ct), await store.ManualAsync(streetId, year, ct));
        return new ScorecardView(streetId, year, "draft", scheme.Version, scheme, now, null, null, lines, lines.Count, ScoringIndicators.Of(scheme));
    }

    /// <summary>The lines <paramref name="scope"/> may see: a liaison its own, a dispatcher the units serving its community.</summary>
    public static ScorecardView Scoped(ScorecardView card, EvaluationScope scope) =>
        card with { Lines = [.. card.Lines.Where(l => (scope.UnitId is null || l.UnitId == scope.UnitId) && scope.Sees(l.UnitId, null))] };
}

/// <summary>年度评议成绩: a year's scorecard (draft or published), ranked within the street, in the caller's scope.</summary>
public static class GetScorecardFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "evaluation/scorecard");

    public static async Task<IResult> Run(HttpContext context, ScorecardBook book, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        var year = PeriodQuery.Year(context, now);
        var snapshot = await directory.GetAsync(ct);
        var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), IndexPage.Param(context, "unit"), IndexPage.Param(context, "community"), "年度评议");
        var card = ScorecardBook.Scoped(await book.ReadAsync(snapshot, scope.StreetId, year, now, ct), scope);
        return Results.Json(card, ScorecardJson.Web.ScorecardView);
    }
}

/// <summary>发布成绩: the organizer freezes the year's scores with the scheme version used; later changes never rewrite them.</summary>
public static class PublishScorecardFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "evaluation/publish");

    public static async Task<IResult> Run(HttpContext context, ScorecardBook book, ScorecardStore store, ScoreTracer tracer, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ScorecardJson.Web.PublishRequest);
        var now = clock.GetUtcNow();
        var snapshot = await directory.GetAsync(ct);
        var street = ScorecardAccess.OrganizerStreet(caller, snapshot, request.Street);
        var year = ScorecardAccess.Year(request.Year, now);
        if (await store.PublishedAsync(street, year, ct) is not null) throw ScorecardStore.YearPublished();
        var card = await book.DraftAsync(snapshot, street, year, now, ct) with { Status = "published", PublishedAt = now, PublishedBy = caller.Name };
        await store.PublishAsync(card, await tracer.TraceAllAsync(card, now, ct), ct);
        return Results.Json(card, ScorecardJson.Web.ScorecardView);
    }
}

/// <summary>
/// 得分依据: the records (or dispatched orders) that make a unit's value of an indicator in a year, each with what it
/// adds — so a unit can see why it scored what it did. A published year answers the trace stored with its result (the
/// records as they were then); a draft year computes it now. Scoped as the scorecard; nothing personal (an order by its id and category).
/// </summary>
public static class TraceScoreFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "evaluation/trace");

    public static async Task<IResult> Run(HttpContext context, ScoreTracer tracer, ScorecardStore store, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var now = clock.GetUtcNow();
        var year = PeriodQuery.Year(context, now);
        var snapshot = await directory.GetAsync(ct);
        var unit = IndexPage.Param(context, "unit") ?? (caller.Role == ActorRole.Liaison ? caller.Scope : throw ApiProblem.BadRequest("unit_required", "请指明成员单位（unit）。", "unit"));
        var code = IndexPage.Param(context, "indicator") ?? throw ApiProblem.BadRequest("indicator_required", "请指明考核指标（indicator）。", "indicator");
        if (ScoringIndicators.Find(code) is null) throw ApiProblem.BadRequest("unknown_indicator", $"考核指标不存在：{code}。", "indicator");
        var scope = EvaluationScope.Resolve(caller, snapshot, IndexPage.Param(context, "street"), unit, null, "年度评议");
        var trace = await store.PublishedTraceAsync(scope.StreetId, year, unit, code, ct)
            ?? await tracer.TraceAsync(scope.StreetId, year, unit, snapshot.Units[unit].Name, code, now, ct);
        return Results.Json(trace, ScorecardJson.Web.TraceView);
    }
}
