using Gongjian.Domain.GridReports;
using Gongjian.Domain.Workflow;
using Gongjian.Functions.Access;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;

namespace Gongjian.Functions.GridReports;

/// <summary>Report numbers (<c>GS261207-7KQ3MZ</c>), who may read a report, the staff view and rejections as problems.</summary>
public static class GridReportAccess
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewId(DateTimeOffset now) => $"GS{now.UtcDateTime:yyMMdd}-{OrderIds.NewTrackingCode().Replace("-", "")[..6]}";

    /// <summary>Checked before an id is used as a table key.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == 15 && id.StartsWith("GS", StringComparison.Ordinal) && id[8] == '-'
        && id.AsSpan(2, 6).IndexOfAnyExceptInRange('0', '9') < 0 && id[9..].All(c => Alphabet.Contains(c));

    /// <summary>The community's staff (dispatcher, the street's organizer, admin) and the grid's own worker read a report; staff triage it.</summary>
    public static bool MayRead(Caller? caller, GridReportState s) => GridAccess.MayRead(caller, s.CommunityId, s.StreetId, s.GridId);

    public static GridReportView ToView(GridReportState s, Caller? caller)
    {
        var triage = GridAccess.IsCommunityStaff(caller, s.CommunityId, s.StreetId) && s.Status == ReportStatus.Open;
        return new GridReportView
        {
            Id = s.Id, Status = s.Status.Code(), StatusText = s.Status.Chinese(), CommunityId = s.CommunityId, StreetId = s.StreetId, GridId = s.GridId,
            Category = s.Category, CategoryText = ReportCategory.NameOf(s.Category), Text = s.Text, Place = s.Place, Lat = s.Location?.Lat, Lon = s.Location?.Lon,
            Reporter = s.Reporter?.Name, PhotoIds = s.PhotoIds, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt, OrderId = s.OrderId, HandedTo = s.HandedTo,
            Note = s.Note, OutcomePhotoIds = s.OutcomePhotoIds, MergedInto = s.MergedInto, Duplicates = s.Duplicates, ClosedAt = s.ClosedAt,
            Actions = triage ? ["resolve", "order", "hand_over", "merge"] : [],
        };
    }

    public static ApiProblem ToProblem(Rejection r) => r.Kind switch
    {
        RejectionKind.Forbidden => ApiProblem.Forbidden(r.Code, r.Message),
        RejectionKind.Invalid => ApiProblem.BadRequest(r.Code, r.Message),
        _ when r.Code == "report_not_found" => ApiProblem.NotFound(r.Code, r.Message),
        _ => ApiProblem.Conflict(r.Code, r.Message),
    };

    public static ApiProblem NotFound() => ApiProblem.NotFound("report_not_found", "上报不存在，请检查编号。");
}

/// <summary>The shared steps of every triage action: find, authorize as the community's staff, decide and save (idempotent under its key), answer.</summary>
public sealed class GridReportCommandRunner(GridReportStore store, TimeProvider clock)
{
    public GridReportStore Store => store;

    public async Task<Gongjian.Engine.Loaded<GridReportState>> FindAsync(string id, CancellationToken ct) =>
        (GridReportAccess.IsWellFormed(id) ? await store.LoadAsync(id, ct) : null) ?? throw GridReportAccess.NotFound();

    public static Caller RequireTriage(HttpContext context, GridReportState s) => GridAccess.RequireCommunityStaff(context, s.CommunityId, s.StreetId);

    /// <param name="beforeSave">Work that must not happen for a refused command (storing photos, placing an order): runs only once the rules allowed it.</param>
    public async Task<IResult> RunAsync(HttpContext context, string id, Func<Caller, GridReportCommand> build,
        Func<GridReportCommand, Task<GridReportCommand>>? beforeSave = null)
    {
        var ct = context.RequestAborted;
        var loaded = await FindAsync(id, ct);
        var caller = RequireTriage(context, loaded.State);
        var command = build(caller);
        if (beforeSave is not null)
        {
            if (store.Module.Decide(loaded.State, command, clock.GetUtcNow()).Rejection is { } early) throw GridReportAccess.ToProblem(early);
            command = await beforeSave(command);
        }
        var outcome = await store.ExecuteAsync(id, command, ct, loaded, RequestMessageId.Of(context));
        if (outcome.Rejection is { } r) throw GridReportAccess.ToProblem(r);
        if (outcome.Replayed) context.Response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        return Results.Json(GridReportAccess.ToView(outcome.State, caller), GridReportApiJson.Web.GridReportView);
    }
}
