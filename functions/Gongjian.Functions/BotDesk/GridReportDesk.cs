using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Desk;
using Gongjian.Domain.GridReports;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.GridReports;
using Gongjian.Functions.Http;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into 格事坊: a bound grid worker files through <see cref="GridReportFiling"/> as its own staff key (looked up
/// live on every call, so a revoked key or one moved to another grid files nothing), with the photos it staged in chat.
/// The same draft filed again answers with the report it already made.
/// </summary>
public sealed class GridReportDesk(GridReportFiling filing, GridReportStore store, MessageInstanceIds ids, StaffKeys keys, PhotoStaging staging) : IGridReportDesk
{
    public const string Retired = "您的网格员身份已停用或已调整，请联系社区工作人员重新获取绑定码。";

    public IReadOnlyList<GridReportCategory> Categories { get; } = [.. ReportCategory.All.Select(c => new GridReportCategory(c.Code, c.Name))];

    public async Task<DeskResult<FiledGridReport>> FileAsync(GridWorkerActor worker, GridReportDraft draft, CancellationToken ct)
    {
        if (await WorkerAsync(worker, ct) is not { } caller) return DeskResult<FiledGridReport>.Refused(Retired);
        var messageId = "c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.KeyId}\n{draft.DraftId}")))[..32];
        // Filed already (确认 twice, a reply lost): its photos have left the staging area, so answer from the report.
        if (await ids.FindAsync(GridReportFiling.Module, messageId, ct) is { } filedId && await store.LoadAsync(filedId, ct) is { } done
            && done.State.Reporter?.Id == caller.KeyId)
            return DeskResult<FiledGridReport>.Ok(new FiledGridReport(done.State.Id, done.State.Status.Chinese()));
        var photos = await staging.LoadAsync(draft.Photos, ct);
        var request = new FileReportRequest
        {
            GridId = worker.GridId, Category = draft.Category, Text = draft.Text, Place = draft.Place, Lat = draft.Lat, Lon = draft.Lon,
        };
        GridReportFiling.Filed filed;
        try { filed = await filing.FileAsync(caller, request, photos, messageId, ct); }
        catch (ApiProblem problem) { return DeskResult<FiledGridReport>.Refused(problem.Title); }
        if (!filed.Replayed) await staging.DeleteAsync(draft.Photos, ct);
        return DeskResult<FiledGridReport>.Ok(new FiledGridReport(filed.State.Id, filed.State.Status.Chinese()));
    }

    public async Task<DeskResult<IReadOnlyList<GridReportSummary>>> StatusAsync(GridWorkerActor worker, IReadOnlyList<string> reportIds, CancellationToken ct)
    {
        if (await WorkerAsync(worker, ct) is null) return DeskResult<IReadOnlyList<GridReportSummary>>.Refused(Retired);
        var loaded = await Task.WhenAll(reportIds.Where(GridReportAccess.IsWellFormed).Distinct().Take(20).Select(id => store.LoadAsync(id, ct)));
        return DeskResult<IReadOnlyList<GridReportSummary>>.Ok([.. loaded.Where(l => l is not null && l.State.GridId == worker.GridId)
            .Select(l => l!.State).OrderByDescending(s => s.CreatedAt)
            .Select(s => new GridReportSummary(s.Id, ReportCategory.NameOf(s.Category), Shorten(FreeTextRedactor.Redact(s.Text)), s.Status.Chinese(), s.CreatedAt))]);
    }

    /// <summary>The worker's key as it is now: live, a grid worker's, for the grid the chat was bound to.</summary>
    private async Task<Caller?> WorkerAsync(GridWorkerActor worker, CancellationToken ct) =>
        await keys.FindLiveByKeyIdAsync(worker.KeyId, ct) is { Role: ActorRole.GridWorker } caller && caller.Scope == worker.GridId ? caller : null;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
