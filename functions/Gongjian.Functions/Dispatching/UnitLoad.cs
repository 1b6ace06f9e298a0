using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Dispatching;

/// <summary>
/// How many open orders (待接单, 办理中, 重新办理) a unit holds now: one query of the unit's own list
/// list of the order index (<c>u-{unit}</c> in its street's partition), keys only — never a scan of the whole table.
/// </summary>
public sealed class UnitLoad(StorageClients storage)
{
    private static readonly string[] OpenStatuses = [OrderStatus.Dispatched.Code(), OrderStatus.Accepted.Code(), OrderStatus.Reopened.Code()];

    public async Task<int> OpenOrdersAsync(MemberUnit unit, CancellationToken ct)
    {
        var statuses = string.Join(" or ", OpenStatuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s}")));
        var filter = $"{ListQuery.Filter(OrderModule.UnitList(unit.StreetId, unit.Id))} and ({statuses})";
        var count = 0;
        await foreach (var _ in storage.OrderIndex.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: ct))
            count++;
        return count;
    }

    /// <summary>The load of each unit, read in parallel (one query each).</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenOrdersAsync(IEnumerable<MemberUnit> units, CancellationToken ct)
    {
        var distinct = units.DistinctBy(u => u.Id).ToList();
        var counts = await Task.WhenAll(distinct.Select(u => OpenOrdersAsync(u, ct)));
        return distinct.Zip(counts).ToDictionary(p => p.First.Id, p => p.Second);
    }
}
