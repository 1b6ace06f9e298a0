using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Photos;

/// <summary>
/// Deletes photo blobs that no order references, found through the <see cref="PhotoUploads"/> ledger
/// once they are more than a day old (a placement or completion takes seconds, so by then every
/// photo an order was going to name is named). Costs one query, one point read per order and one
/// delete per orphan; referenced photos only lose their ledger row.
/// </summary>
public sealed class OrphanPhotoSweeper(PhotoUploads uploads, PhotoStore photos, OrderStore orders, TimeProvider clock, ILogger<OrphanPhotoSweeper> log,
    Projects.ProjectStore? projects = null)
{
    public sealed record Result(int Checked, int Deleted, int Failed);

    public async Task<Result> SweepAsync(CancellationToken ct)
    {
        var before = PhotoUploads.Day(clock.GetUtcNow().AddDays(-1));
        var pending = new List<PhotoUploads.Upload>();
        await foreach (var upload in uploads.BeforeAsync(before, ct)) pending.Add(upload);

        int deleted = 0, failed = 0;
        var done = new List<PhotoUploads.Upload>();
        foreach (var order in pending.GroupBy(u => u.OrderId))
        {
            // Another module's photos (a wish's fulfilment) are not the orders' to judge: they only leave the ledger.
            if (!Orders.OrderIds.IsWellFormed(order.Key))
            {
                done.AddRange(order);
                continue;
            }
            try
            {
                HashSet<string> named;
                if (projects is not null && Projects.ProjectAccess.IsWellFormed(order.Key))
                    named = (await projects.LoadAsync(order.Key, ct))?.State.Reports.SelectMany(r => r.PhotoIds).ToHashSet() ?? [];
                else
                {
                    var state = (await orders.LoadAsync(order.Key, ct))?.State;
                    named = state is null ? [] : state.BeforePhotoIds.Concat(state.AfterPhotoIds).ToHashSet();
                }
                foreach (var upload in order.Where(u => !named.Contains(u.PhotoId)))
                    if (await photos.DeleteAsync(upload.OrderId, upload.PhotoId, ct)) deleted++;
                done.AddRange(order);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left in the ledger: the next sweep tries this order again; the others go on.
                failed++;
                log.LogWarning(e, "Orphan photo sweep could not check order {OrderId}", order.Key);
            }
        }
        await uploads.ForgetAsync(done, ct);
        return new Result(pending.Count, deleted, failed);
    }
}
