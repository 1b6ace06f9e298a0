using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Engine;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Open311;

/// <summary>
/// GET requests: orders, anonymised, newest first. Public, like showcases. Read from the streets'
/// partitions of the order index: its RowKey orders by placement time, so the date range is a RowKey
/// range, and a page needs at most page × page_size rows of each street.
/// </summary>
public static class ListRequestsFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "open311/v2/requests.{format}");

    public static async Task<IResult> Run(HttpContext context, string format, StorageClients storage, OrderStore store,
        CommunityDirectory directory, SlaPolicy policy, TimeProvider clock)
    {
        var ct = context.RequestAborted;
        var fmt = Open311Formats.Parse(format);
        var snapshot = await directory.GetAsync(ct);
        var query = RequestQuery.Parse(context.Request.Query, clock.GetUtcNow(), snapshot);

        if (query.Ids is { } ids)
        {
            var found = new List<Open311Object>();
            foreach (var id in ids)
                if (OrderIds.IsWellFormed(id) && await store.LoadAsync(id, ct) is { } loaded)
                    found.Add(PublicRequestView.Of(PublicRequestView.Facts(loaded.State, policy), snapshot));
            return Open311Writer.Result(fmt, PublicRequestView.Document(found));
        }

        var wanted = query.Page * query.PageSize;
        var rows = new List<TableEntity>();
        foreach (var street in query.StreetIds)
        {
            var taken = 0;
            await foreach (var row in storage.OrderIndex.QueryAsync<TableEntity>(Filter(query, street), maxPerPage: Math.Min(wanted, 1000), cancellationToken: ct))
            {
                rows.Add(row);
                if (++taken >= wanted) break;
            }
        }
        var page = rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        return Open311Writer.Result(fmt, PublicRequestView.Document(page.Select(r => PublicRequestView.Of(Facts(r), snapshot))));
    }

    private static string Filter(RequestQuery q, string street)
    {
        // RowKey = (MaxTicks − placed ticks, 19 digits)-id: newest first, so [start, end] is [key(end), key(start)].
        var from = $"{DateTimeOffset.MaxValue.UtcTicks - q.End.UtcTicks:D19}";
        var to = $"{DateTimeOffset.MaxValue.UtcTicks - q.Start.UtcTicks:D19}~";
        var parts = new List<string>
        {
            ListQuery.Filter(OrderModule.StreetList(street), from, to),
        };
        if (q.ServiceCodes is { } codes)
            parts.Add("(" + string.Join(" or ", codes.Select(c => TableClient.CreateQueryFilter($"Category eq {c}"))) + ")");
        if (q.Closed is { } closed)
            parts.Add("(" + string.Join(" or ", PublicRequestView.StatusCodes(closed).Select(s => TableClient.CreateQueryFilter($"Status eq {s}"))) + ")");
        return string.Join(" and ", parts);
    }

    private static PublicOrderFacts Facts(TableEntity row)
    {
        OrderStatusNames.TryParse(row.GetString("Status"), out var status);
        return new PublicOrderFacts(row.GetString("OrderId") ?? "", status, row.GetString("Category"), row.GetString("CommunityId") ?? "",
            row.GetString("UnitName"), row.GetDateTimeOffset("PlacedAt") ?? default, row.GetDateTimeOffset("UpdatedAt") ?? default,
            row.GetDateTimeOffset("DueAt"), row.GetString("Summary") ?? "");
    }
}
