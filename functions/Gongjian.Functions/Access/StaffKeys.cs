using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Access;

/// <summary>
/// Staff API keys. Only a SHA-256 hash of each key is stored (PartitionKey = RowKey = hash); the key
/// itself is shown once, when it is created. Lookups are cached briefly to save a storage read per
/// request; a revocation reaches other instances within <see cref="CacheFor"/>.
/// </summary>
public sealed class StaffKeys(StorageClients storage, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string Prefix = "gjk_";
    private readonly TableClient _table = storage.Keys;
    private readonly ConcurrentDictionary<string, (Caller? Caller, DateTimeOffset Until)> _cache = new();

    public sealed record Created(string Key, Caller Caller);

    public async Task<Created> CreateAsync(ActorRole role, string scope, string name, CancellationToken ct)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Hash(key);
        var caller = new Caller(role, scope, hash[..12], name);
        await _table.AddEntityAsync(new TableEntity(hash, hash)
        {
            ["KeyId"] = caller.KeyId, ["Role"] = Caller.RoleCode(role), ["Scope"] = scope, ["Name"] = name,
            ["CreatedAt"] = clock.GetUtcNow(),
        }, ct);
        return new Created(key, caller);
    }

    public async Task<Caller?> FindAsync(string key, CancellationToken ct)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 100) return null;
        return await FindByHashAsync(Hash(key), ct);
    }

    /// <summary>The live key stored under this hash (a console session keeps only the hash of its key).</summary>
    public async Task<Caller?> FindByHashAsync(string hash, CancellationToken ct)
    {
        if (hash.Length != 64) return null;
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(hash, out var hit) && hit.Until > now) return hit.Caller;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(hash, hash, cancellationToken: ct);
        var caller = row.HasValue && row.Value!.GetDateTimeOffset("RevokedAt") is null ? Read(row.Value) : null;
        _cache[hash] = (caller, now + CacheFor);
        return caller;
    }

    /// <summary>The live key with this key id (a chat bound to a grid worker names its key by id); null once it is revoked.</summary>
    public async Task<Caller?> FindLiveByKeyIdAsync(string keyId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"KeyId eq {keyId}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            if (row.GetDateTimeOffset("RevokedAt") is null && Read(row) is { } caller) return caller;
        return null;
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"KeyId eq {keyId}");
        var revoked = false;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            row["RevokedAt"] = clock.GetUtcNow();
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
            _cache.TryRemove(row.PartitionKey, out _);
            revoked = true;
        }
        return revoked;
    }

    public async Task<IReadOnlyList<(Caller Caller, bool Revoked)>> ListAsync(CancellationToken ct)
    {
        var all = new List<(Caller, bool)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: ct))
            if (Read(row) is { } c) all.Add((c, row.GetDateTimeOffset("RevokedAt") is not null));
        return all;
    }

    public sealed record Listed(Caller Caller, DateTimeOffset? CreatedAt, DateTimeOffset? RevokedAt);

    /// <summary>Every staff key, live and revoked, with when it was made and revoked (never the key nor its hash).</summary>
    public async Task<IReadOnlyList<Listed>> ListWithDatesAsync(CancellationToken ct)
    {
        var all = new List<Listed>();
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["KeyId", "Role", "Scope", "Name", "CreatedAt", "RevokedAt"], cancellationToken: ct))
            if (Read(row) is { } c) all.Add(new(c, row.GetDateTimeOffset("CreatedAt"), row.GetDateTimeOffset("RevokedAt")));
        return all;
    }

    private static Caller? Read(TableEntity row) =>
        Caller.TryParseStaffRole(row.GetString("Role"), out var role)
            ? new Caller(role, row.GetString("Scope") ?? "", row.GetString("KeyId"), row.GetString("Name") ?? "")
            : null;

    /// <summary>How every key in table <c>keys</c> is stored (Open311 client keys too).</summary>
    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
