using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Photos;

/// <summary>
/// Deletes photo blobs that no order, project report, wish fulfilment or activity's attendance references, found through the <see cref="PhotoUploads"/> ledger
/// once they are more than a day old (a placement or completion takes seconds, so by then every
/// photo an order was going to name is named). Costs one query, one point read per order and one
/// delete per orphan; referenced photos only lose their ledger row.
/// </summary>
public sealed class OrphanPhotoSweeper(PhotoUploads uploads, PhotoStore photos, OrderStore orders, TimeProvider clock, ILogger<OrphanPhotoSweeper> log,
    Projects.ProjectStore? projects = null, Wishes.WishStore? wishes = null, Activities.ActivityStore? activities = null,
    GridReports.GridReportStore? gridReports = null)
{
    public sealed record Result(int Checked, int Deleted, int Failed);

    public async Task<Result> SweepAsync(CancellationToken ct)
    {
        var before = PhotoUploads.Day(clock.GetUtcNow().AddDays(-1));
        var pending = new List<PhotoUploads.Upload>();
        await foreach (var upload in uploads.BeforeAsync(before, ct)) pending.Add(upload);

        int deleted = 0, failed = 0;
        var done = new List<PhotoUploads.Upload>();
        foreach (var owner in pending.GroupBy(u => u.OrderId))
        {
            try
            {
                // An id no module knows (a staged chat photo's, say) is not this sweep's to judge: it only leaves the ledger.
                if (await NamedAsync(owner.Key, ct) is { } named)
                    foreach (var upload in owner.Where(u => !named.Contains(u.PhotoId)))
                        if (await photos.DeleteAsync(upload.OrderId, upload.PhotoId, ct)) deleted++;
                done.AddRange(owner);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left in the ledger: the next sweep tries this owner again; the others go on.
                failed++;
                log.LogWarning(e, "Orphan photo sweep could not check {OwnerId}", owner.Key);
            }
        }
        await uploads.ForgetAsync(done, ct);
        return new Result(pending.Count, deleted, failed);
    }

    /// <summary>
    /// The photos the owner (an order, a project, a wish, an activity) names now: one point read. An owner never saved names none, so all
    /// its uploads go; null for an id of no module.
    /// </summary>
    private async Task<HashSet<string>?> NamedAsync(string id, CancellationToken ct)
    {
        if (Orders.OrderIds.IsWellFormed(id))
            return (await orders.LoadAsync(id, ct))?.State is { } order ? order.BeforePhotoIds.Concat(order.AfterPhotoIds).ToHashSet() : [];
        if (projects is not null && Projects.ProjectAccess.IsWellFormed(id))
            return (await projects.LoadAsync(id, ct))?.State.Reports.SelectMany(r => r.PhotoIds).ToHashSet() ?? [];
        if (wishes is not null && Wishes.WishAccess.IsWellFormed(id))
            return (await wishes.LoadAsync(id, ct))?.State.PhotoIds.ToHashSet() ?? [];
        if (activities is not null && Activities.ActivityAccess.IsWellFormed(id))
            return (await activities.LoadAsync(id, ct))?.State.PhotoIds.ToHashSet() ?? [];
        if (gridReports is not null && GridReports.GridReportAccess.IsWellFormed(id))
            return (await gridReports.LoadAsync(id, ct))?.State is { } report ? report.PhotoIds.Concat(report.OutcomePhotoIds).ToHashSet() : [];
        return null;
    }
}
