using Azure.Data.Tables;
using Gongjian.Domain.Workflow;

namespace Gongjian.Engine;

/// <summary>The query filter of one list (<see cref="ListAddress"/>): its partition, and its rows' key range when it shares the partition.</summary>
public static class ListQuery
{
    /// <summary>Live rows of <paramref name="list"/>, optionally only keys in [<paramref name="from"/>, <paramref name="to"/>] (sort keys, without the list's prefix).</summary>
    public static string Filter(string list, string? from = null, string? to = null)
    {
        var (partition, prefix) = ListAddress.Parse(list);
        var lower = prefix + (from ?? "");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false");
        if (lower.Length > 0) filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {lower}");
        if (to is not null) filter += " and " + TableClient.CreateQueryFilter($"RowKey le {prefix + to}");
        else if (prefix.Length > 0) filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {prefix[..^1] + ListAddress.RowEnd}");
        return filter;
    }
}
