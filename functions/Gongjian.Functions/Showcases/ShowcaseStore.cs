using System.Text.Json;
using Azure.Data.Tables;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Showcases;

/// <summary>Published showcases (table <c>showcases</c>, PartitionKey = RowKey = id). Few and read often.</summary>
public sealed class ShowcaseStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Showcases;

    public Task SaveAsync(ShowcaseView view, IReadOnlyList<ShowcasePhotoSource> photos, CancellationToken ct) =>
        _table.AddEntityAsync(new TableEntity(view.Id, view.Id)
        {
            ["StreetId"] = view.StreetId,
            ["PublishedAt"] = view.PublishedAt,
            ["View"] = JsonSerializer.Serialize(view, ApiJson.Web.ShowcaseView),
            ["Photos"] = JsonSerializer.Serialize(photos, ApiJson.Web.IReadOnlyListShowcasePhotoSource),
        }, ct);

    public async Task<(ShowcaseView View, IReadOnlyList<ShowcasePhotoSource> Photos)?> GetAsync(string id, CancellationToken ct)
    {
        if (!IsWellFormed(id)) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, id, cancellationToken: ct);
        if (!row.HasValue) return null;
        return (JsonSerializer.Deserialize(row.Value!.GetString("View"), ApiJson.Web.ShowcaseView)!,
            JsonSerializer.Deserialize(row.Value.GetString("Photos"), ApiJson.Web.IReadOnlyListShowcasePhotoSource)!);
    }

    public async Task<IReadOnlyList<ShowcaseView>> ListAsync(string? streetId, CancellationToken ct)
    {
        var filter = streetId is null ? null : TableClient.CreateQueryFilter($"StreetId eq {streetId}");
        var views = new List<ShowcaseView>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["View"], cancellationToken: ct))
            views.Add(JsonSerializer.Deserialize(row.GetString("View"), ApiJson.Web.ShowcaseView)!);
        return views.OrderByDescending(v => v.PublishedAt).ToList();
    }

    public static bool IsWellFormed(string id) => id.Length is > 2 and <= 32 && id.StartsWith("SC", StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
}
