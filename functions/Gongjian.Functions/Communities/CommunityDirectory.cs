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
