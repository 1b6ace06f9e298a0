using Gongjian.Domain.GridReports;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Grids;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;
using Gongjian.Media;

namespace Gongjian.Functions.GridReports;

/// <summary>
/// 上报: a grid worker files a report for its own grid (community staff may file for any grid of theirs): category, text,
/// place, the location and 1–9 photos (already checked and stripped of EXIF/GPS by <see cref="PhotoStore.Prepare"/>),
/// stored under the report's id once the rules accept it. The phone page's HTTP function and the chat's desk both file
/// here. With a message id (an Idempotency-Key, a chat draft) a retry lands on the same report.
/// Refusals are thrown as <see cref="ApiProblem"/>s with their code and Chinese title.
/// </summary>
public sealed class GridReportFiling(GridReportStore store, GridBook grids, CommunityDirectory directory, PhotoStore photos, MessageInstanceIds ids, TimeProvider clock)
{
    /// <summary>The module name a message id's report id is reserved under (<see cref="MessageInstanceIds"/>).</summary>
    public const string Module = "gridreport";

    public sealed record Filed(GridReportState State, bool Replayed);

    public async Task<Filed> FileAsync(Caller caller, FileReportRequest request, IReadOnlyList<SanitizedPhoto> prepared, string? messageId, CancellationToken ct)
    {
        var grid = (await grids.GetAsync(request.GridId, ct))?.Grid ?? throw ApiProblem.BadRequest("unknown_grid", "网格不存在，请检查网格编号。", "gridId");
        var community = await GridAccess.CommunityAsync(directory, grid.CommunityId, "gridId", ct);
        if (!GridAccess.IsGridWorkerOf(caller, grid.Id) && !GridAccess.IsCommunityStaff(caller, community.Id, community.StreetId))
            throw caller.Role == Domain.Orders.ActorRole.GridWorker
                ? ApiProblem.Forbidden("outside_scope", "您只能上报自己网格的问题。")
                : ApiProblem.Forbidden("role_not_allowed", "只有本网格的网格员和本社区的工作人员可以上报。");
        var now = clock.GetUtcNow();
        var command = new FileReport
        {
            By = caller.AsActor(), ReportId = GridReportAccess.NewId(now), GridId = grid.Id, CommunityId = community.Id, StreetId = community.StreetId,
            Category = request.Category, Text = request.Text, Place = request.Place ?? "",
            Location = request.Lat is { } lat && request.Lon is { } lon ? new GeoPoint(lat, lon) : null,
            PhotoIds = [.. prepared.Select((_, i) => $"pending-{i}")],
        };
        if (store.Module.Decide(GridReportState.Initial, command, now).Rejection is { } early) throw GridReportAccess.ToProblem(early);
        // A retry (even past midnight) files under the id the first request reserved: one report, answered with the first result.
        var id = messageId is null ? command.ReportId : await ids.ReserveAsync(Module, messageId, command.ReportId, ct);
        command = command with { ReportId = id, PhotoIds = await photos.SaveAsync(id, prepared, ct) };
        var outcome = await store.ExecuteAsync(id, command, ct, messageId: messageId, expectNew: messageId is null);
        if (outcome.Rejection is { } r) throw GridReportAccess.ToProblem(r);
        return new Filed(outcome.State, outcome.Replayed);
    }
}
