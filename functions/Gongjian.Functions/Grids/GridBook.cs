using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.GridReports;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Grids;

/// <summary>One grid (网格) of a community and its "3+X" team.</summary>
public sealed record Grid(string CommunityId, string Slug, string Name, string Area, GeoPoint Centre, int RadiusMetres, IReadOnlyList<GridMemberInput> Team)
{
    public string Id => GridIds.Of(CommunityId, Slug);
}

/// <summary>A grid's id is <c>{community}.{slug}</c>: the community reads off it without a lookup (a grid worker's key scope).</summary>
public static class GridIds
{
    public static string Of(string communityId, string slug) => $"{communityId}.{slug}";

    public static bool TryParse(string? id, out string communityId, out string slug)
    {
        (communityId, slug) = ("", "");
        if (id is null || id.Length > 81) return false;
        var dot = id.IndexOf('.');
        if (dot <= 0 || dot != id.LastIndexOf('.')) return false;
        (communityId, slug) = (id[..dot], id[(dot + 1)..]);
        return Communities.CreateUnitFunction.IsSlug(communityId) && Communities.CreateUnitFunction.IsSlug(slug);
    }

    public static string CommunityOf(string gridId) => TryParse(gridId, out var c, out _) ? c : "";
}

/// <summary>
/// The grids (table <c>grids</c>, PartitionKey = community, RowKey = slug): a plain table like the directory, edited by
/// the community's staff with If-Match. A community has a handful of grids: one partition query lists them.
/// </summary>
public sealed class GridBook(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(TableNames.Grids);

    public async Task<IReadOnlyList<Grid>> ListAsync(string communityId, CancellationToken ct)
    {
        var all = new List<Grid>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {communityId}"), cancellationToken: ct))
            all.Add(Read(row));
        return all;
    }

    public async Task<(Grid Grid, ETag ETag)?> GetAsync(string gridId, CancellationToken ct)
    {
        if (!GridIds.TryParse(gridId, out var community, out var slug)) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(community, slug, cancellationToken: ct);
        return row.HasValue ? (Read(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>False when the grid exists already.</summary>
    public async Task<bool> AddAsync(Grid grid, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(Write(grid), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the grid if it is still as read (<paramref name="expected"/>); null when someone changed it meanwhile.</summary>
    public async Task<ETag?> ReplaceAsync(Grid grid, ETag expected, CancellationToken ct)
    {
        try
        {
            return (await _table.UpdateEntityAsync(Write(grid), expected, TableUpdateMode.Replace, ct)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private static TableEntity Write(Grid g) => new(g.CommunityId, g.Slug)
    {
        ["Name"] = g.Name, ["Area"] = g.Area, ["CentreLat"] = g.Centre.Lat, ["CentreLon"] = g.Centre.Lon, ["RadiusMetres"] = g.RadiusMetres,
        ["Team"] = JsonSerializer.Serialize([.. g.Team], GridApiJson.Default.ListGridMemberInput),
    };

    private static Grid Read(TableEntity row) => new(row.PartitionKey, row.RowKey, row.GetString("Name") ?? "", row.GetString("Area") ?? "",
        new GeoPoint(row.GetDouble("CentreLat") ?? 0, row.GetDouble("CentreLon") ?? 0), row.GetInt32("RadiusMetres") ?? 0,
        JsonSerializer.Deserialize(row.GetString("Team") ?? "[]", GridApiJson.Default.ListGridMemberInput) ?? []);
}
