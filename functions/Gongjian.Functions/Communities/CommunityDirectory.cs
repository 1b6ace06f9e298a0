using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Community;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Communities;

/// <summary>
/// Streets, communities and member units (table <c>directory</c>, PartitionKey = kind, RowKey = id).
/// The whole directory is a few hundred rows, so it is read in one query and kept for a minute;
/// writes on this instance refresh it at once.
/// </summary>
public sealed class CommunityDirectory(StorageClients storage, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    private readonly TableClient _table = storage.Directory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyDictionary<string, Street> Streets,
        IReadOnlyDictionary<string, CommunityArea> Communities,
        IReadOnlyDictionary<string, MemberUnit> Units,
        DateTimeOffset LoadedAt)
    {
        /// <summary>The community's name as people read it, or <paramref name="fallback"/> for an unknown id.</summary>
        public string CommunityName(string? id, string fallback = "") =>
            id is not null && Communities.TryGetValue(id, out var c) ? c.Name : fallback;
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < CacheFor) return current;
        await _gate.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (current is not null && clock.GetUtcNow() - current.LoadedAt < CacheFor) return current;
            try
            {
                return _snapshot = await LoadAsync(ct);
            }
            catch (Exception e) when (current is not null && StorageFaults.IsUnavailable(e))
            {
                // Storage down: the last directory read (it changes rarely) beats failing an answer, perhaps of a command already stored.
                return current;
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Adds a new entry; false when one with that id exists already.</summary>
    public Task<bool> AddAsync(Street street, CancellationToken ct) => AddAsync("street", street.Id, JsonSerializer.Serialize(street, DirectoryJson.Default.Street), ct);

    public Task<bool> AddAsync(CommunityArea community, CancellationToken ct) => AddAsync("community", community.Id, JsonSerializer.Serialize(community, DirectoryJson.Default.CommunityArea), ct);

    public Task<bool> AddAsync(MemberUnit unit, CancellationToken ct) => AddAsync("unit", unit.Id, JsonSerializer.Serialize(unit, DirectoryJson.Default.MemberUnit), ct);

    private async Task<bool> AddAsync(string kind, string id, string json, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(kind, id) { ["Data"] = json }, ct);
            _snapshot = null;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>A unit as stored now (not the cached snapshot), with its row's ETag for a conditional write; null when unknown.</summary>
    public async Task<(MemberUnit Unit, ETag ETag)?> GetUnitAsync(string id, CancellationToken ct) =>
        await GetRowAsync("unit", id, ct) is { } row ? (JsonSerializer.Deserialize(row.Json, DirectoryJson.Default.MemberUnit)!, row.ETag) : null;

    /// <summary>A community as stored now, with its row's ETag; null when unknown.</summary>
    public async Task<(CommunityArea Community, ETag ETag)?> GetCommunityAsync(string id, CancellationToken ct) =>
        await GetRowAsync("community", id, ct) is { } row ? (JsonSerializer.Deserialize(row.Json, DirectoryJson.Default.CommunityArea)!, row.ETag) : null;

    /// <summary>Replaces a unit if its row still has <paramref name="etag"/>; null when another writer changed it first, else the new ETag.</summary>
    public Task<ETag?> ReplaceAsync(MemberUnit unit, ETag etag, CancellationToken ct) =>
        ReplaceAsync("unit", unit.Id, JsonSerializer.Serialize(unit, DirectoryJson.Default.MemberUnit), etag, ct);

    public Task<ETag?> ReplaceAsync(CommunityArea community, ETag etag, CancellationToken ct) =>
        ReplaceAsync("community", community.Id, JsonSerializer.Serialize(community, DirectoryJson.Default.CommunityArea), etag, ct);

    private async Task<(string Json, ETag ETag)?> GetRowAsync(string kind, string id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(kind, id, select: ["Data"], cancellationToken: ct);
        return row.HasValue ? (row.Value!.GetString("Data"), row.Value.ETag) : null;
    }

    private async Task<ETag?> ReplaceAsync(string kind, string id, string json, ETag etag, CancellationToken ct)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(new TableEntity(kind, id) { ["Data"] = json }, etag, TableUpdateMode.Replace, ct);
            _snapshot = null;
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var streets = new Dictionary<string, Street>();
        var communities = new Dictionary<string, CommunityArea>();
        var units = new Dictionary<string, MemberUnit>();
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Data"], cancellationToken: ct))
        {
            var json = row.GetString("Data");
            switch (row.PartitionKey)
            {
                case "street": streets[row.RowKey] = JsonSerializer.Deserialize(json, DirectoryJson.Default.Street)!; break;
                case "community": communities[row.RowKey] = JsonSerializer.Deserialize(json, DirectoryJson.Default.CommunityArea)!; break;
                case "unit": units[row.RowKey] = JsonSerializer.Deserialize(json, DirectoryJson.Default.MemberUnit)!; break;
            }
        }
        return new Snapshot(streets, communities, units, clock.GetUtcNow());
    }
}
