using Gongjian.Functions.Orders;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// Records a published showcase on each of its orders (event <c>OrderShowcased</c>), then flags the
/// showcase as marked. Safe to run again: an order already marked, or no longer finished, is refused
/// by the rules and left as it is.
/// </summary>
public sealed class ShowcaseMarker(OrderStore orders, ShowcaseStore showcases, TimeProvider clock)
{
    /// <summary>How long a publication may take before the repair treats it as interrupted.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task MarkAsync(ShowcaseStore.Unmarked showcase, CancellationToken ct)
    {
        foreach (var id in showcase.OrderIds)
            await orders.ExecuteAsync(id, new IncludeInShowcase { By = showcase.By, ShowcaseId = showcase.Id }, ct);
        await showcases.SetMarkedAsync(showcase.Id, ct);
    }

    /// <summary>Finishes the showcases whose publication stopped part-way; returns how many.</summary>
    public async Task<int> RepairAsync(CancellationToken ct)
    {
        var unmarked = await showcases.UnmarkedAsync(clock.GetUtcNow() - Grace, ct);
        foreach (var showcase in unmarked) await MarkAsync(showcase, ct);
        return unmarked.Count;
    }
}
