using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Http;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Needs;
using Gongjian.Functions.Records;

namespace Gongjian.Functions.Scorecards;

/// <summary>评议方案: any staff of the street reads a year's scheme and its versions; the organizer writes a new version.</summary>
public static class GetSchemesFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "evaluation/schemes");

    public static async Task<IResult> Run(HttpContext context, ScorecardStore store, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var year = PeriodQuery.Year(context, clock.GetUtcNow());
        var scope = EvaluationScope.Resolve(caller, await directory.GetAsync(ct), IndexPage.Param(context, "street"), null, null, "年度评议");
        var versions = await store.SchemesAsync(scope.StreetId, year, ct);
        var published = await store.PublishedAsync(scope.StreetId, year, ct);
        return Results.Json(new SchemesView(scope.StreetId, year, versions.LastOrDefault(), [.. versions.Select(v => new SchemeVersionInfo(v.Version, v.CreatedAt, v.CreatedBy))],
            published?.SchemeVersion, ScoringIndicators.All), ScorecardJson.Web.SchemesView);
    }
}

/// <summary>
/// A new version of a street's scheme for a year: checked whole (indicators exist, full marks make the total, grade
/// thresholds in order), refused once the year is published — its result keeps the version it was scored with.
/// </summary>
public static class CreateSchemeFunction
{
    public static readonly HttpTrigger Trigger = new("POST", "evaluation/schemes");

    public static async Task<IResult> Run(HttpContext context, ScorecardStore store, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ScorecardJson.Web.SchemeRequest);
        var now = clock.GetUtcNow();
        var street = ScorecardAccess.OrganizerStreet(caller, await directory.GetAsync(ct), request.Street);
        var year = ScorecardAccess.Year(request.Year, now);
        var scheme = new EvaluationScheme
        {
            StreetId = street, Year = year, Version = 0, Total = request.Total, Items = request.Items, Manual = request.Manual, Grades = request.Grades,
            CreatedAt = now, CreatedBy = caller.Name,
        };
        if (SchemeRules.Check(scheme, ScoringIndicators.Codes) is { } error) throw ApiProblem.BadRequest(error.Code, error.Title, error.Field);
        if (await store.PublishedAsync(street, year, ct) is not null) throw ScorecardStore.YearPublished();
        var versions = await store.SchemesAsync(street, year, ct);
        scheme = scheme with { Version = (versions.LastOrDefault()?.Version ?? 0) + 1 };
        await store.AddSchemeAsync(scheme, ct);
        return Results.Json(scheme, ScorecardJson.Web.EvaluationScheme, statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>评议分: the organizer enters a unit's manual points for a year, within the scheme's manual part, until the year is published.</summary>
public static class SetManualScoreFunction
{
    public static readonly HttpTrigger Trigger = new("PUT", "evaluation/manual");

    public static async Task<IResult> Run(HttpContext context, ScorecardStore store, CommunityDirectory directory, TimeProvider clock)
    {
        var caller = context.RequireStaff();
        var ct = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, ScorecardJson.Web.ManualScoreRequest);
        var now = clock.GetUtcNow();
        var snapshot = await directory.GetAsync(ct);
        if (!snapshot.Units.TryGetValue(request.UnitId, out var unit)) throw ApiProblem.BadRequest("unknown_unit", "成员单位不存在，请检查单位编号。", "unitId");
        var street = ScorecardAccess.OrganizerStreet(caller, snapshot, caller.Role == Domain.Orders.ActorRole.Admin ? unit.StreetId : null);
        if (unit.StreetId != street) throw ApiProblem.Forbidden("outside_scope", "只能为本街道的成员单位录入评议分。");
        var year = ScorecardAccess.Year(request.Year, now);
        if (await store.PublishedAsync(street, year, ct) is not null) throw ScorecardStore.YearPublished();
        var manual = (await store.SchemesAsync(street, year, ct)).LastOrDefault() is { } scheme
            ? scheme.Manual ?? throw ApiProblem.Conflict("no_manual_part", "本年度的评议方案没有评议分，无需录入。")
            : throw ApiProblem.Conflict("scheme_required", "请先制定本年度的评议方案。");
        if (!double.IsFinite(request.Score) || request.Score < 0 || request.Score > manual.Max)
            throw ApiProblem.BadRequest("manual_out_of_range", $"{manual.Name}须在 0 到 {manual.Max:0.##} 分之间。", "score");
        await store.SetManualAsync(street, year, unit.Id, request.Score, caller.Name, now, ct);
        return Results.Json(new ManualScoreView(street, year, unit.Id, request.Score, now), ScorecardJson.Web.ManualScoreView);
    }
}
