using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Needs;

/// <summary>
/// One page of one list partition (needs, resources), newest first, with the filters every list of the
/// two 清单 shares: <c>year</c>, <c>pageSize</c> (1–100, 20) and a <c>pageToken</c> bound to the partition.
/// </summary>
public static class IndexPage
{
    private const int DefaultPageSize = 20, MaxPageSize = 100;

    public static string? Param(HttpContext context, string name) => context.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;

    public static async Task<(IReadOnlyList<TableEntity> Rows, string? Next)> ReadAsync(HttpContext context, StorageClients storage, string table, string partition,
        IEnumerable<string> filters)
    {
        var all = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Removed eq false") };
        all.AddRange(filters);
        if (Param(context, "year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                throw ApiProblem.BadRequest("invalid_year", "年份取值不正确。", "year");
            all.Add(TableClient.CreateQueryFilter($"Year eq {year}"));
        }
        var pageSize = Param(context, "pageSize") is { } size
            ? int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPageSize ? n
                : throw ApiProblem.BadRequest("invalid_page_size", $"每页条数应在 1 到 {MaxPageSize} 之间。", "pageSize")
            : DefaultPageSize;
        try
        {
            var page = await storage.Table(table).QueryAsync<TableEntity>(string.Join(" and ", all), pageSize, cancellationToken: context.RequestAborted)
                .AsPages(ListPageTokens.Decode(Param(context, "pageToken"), partition), pageSize).FirstAsync(context.RequestAborted);
            return (page.Values, ListPageTokens.Encode(page.ContinuationToken, partition));
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw ListPageTokens.Invalid();
        }
    }
}
