using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Scorecards;

/// <summary>
/// Reads a unit's dispatch episodes of a year from the order projection's table <c>orderepisodes</c> (twelve
/// unit-month partitions), for tracing its order indicators to the orders. Read only: the projection writes them.
/// </summary>
public sealed class OrderEpisodeReader(StorageClients storage)
{
    private readonly TableClient _episodes = storage.Table(TableNames.OrderEpisodes);

    public async Task<List<DispatchEpisode>> ReadYearAsync(string streetId, string unitId, int year, CancellationToken ct)
    {
        var list = new List<DispatchEpisode>();
        var (from, to) = ($"{streetId}_{unitId}_{year:D4}01", $"{streetId}_{unitId}_{year:D4}12");
        await foreach (var r in _episodes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}"), cancellationToken: ct))
        {
            var text = new StringBuilder(r.GetString("Episode") ?? "");
            for (var n = 1; r.GetString($"Episode{n}") is { } more; n++) text.Append(more);
            if (JsonSerializer.Deserialize(text.ToString(), IndicatorJson.Web.DispatchEpisode) is { } e && e.UnitId == unitId) list.Add(e);
        }
        return [.. list.OrderBy(e => e.DispatchedAt).ThenBy(e => e.OrderId, StringComparer.Ordinal)];
    }
}
