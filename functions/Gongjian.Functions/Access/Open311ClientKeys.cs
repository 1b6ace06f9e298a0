using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Access;

/// <summary>An Open311 client (a civic app) filing requests for residents of one street.</summary>
public sealed record Open311Client(string KeyId, string StreetId, string Name);

/// <summary>
/// Open311 <c>api_key</c>s, one per client app, kept like staff keys in table <c>keys</c> (only the
/// SHA-256 hash, Role <c>open311</c>, Scope = the street) and revoked with <c>keys revoke</c>. Their
/// own prefix <c>gjo_</c> and role keep the two apart: a client key is no staff key, and no staff key
/// is an api_key.
/// </summary>
public sealed class Open311ClientKeys(StorageClients storage, TimeProvider clock)
{
    public const string Role = "open311";
    private const string Prefix = "gjo_";
    private readonly TableClient _table = storage.Keys;
    private readonly ConcurrentDictionary<string, (Open311Client? Client, DateTimeOffset Until)> _cache = new();

    public sealed record Created(string Key, Open311Client Client);

    public async Task<Created> CreateAsync(string streetId, string name, CancellationToken ct)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = StaffKeys.Hash(key);
        var client = new Open311Client(hash[..12], streetId, name);
        await _table.AddEntityAsync(new TableEntity(hash, hash)
        {
            ["KeyId"] = client.KeyId, ["Role"] = Role, ["Scope"] = streetId, ["Name"] = name, ["CreatedAt"] = clock.GetUtcNow(),
        }, ct);
        return new Created(key, client);
    }

    public async Task<Open311Client?> FindAsync(string? key, CancellationToken ct)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 100) return null;
        var hash = StaffKeys.Hash(key);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(hash, out var hit) && hit.Until > now) return hit.Client;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(hash, hash, cancellationToken: ct);
        var client = row.HasValue && row.Value!.GetDateTimeOffset("RevokedAt") is null ? Read(row.Value) : null;
        _cache[hash] = (client, now + StaffKeys.CacheFor);
        return client;
    }

    public async Task<IReadOnlyList<(Open311Client Client, bool Revoked)>> ListAsync(CancellationToken ct)
    {
        var all = new List<(Open311Client, bool)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Role eq {Role}"), cancellationToken: ct))
            if (Read(row) is { } c) all.Add((c, row.GetDateTimeOffset("RevokedAt") is not null));
        return all;
    }

    private static Open311Client? Read(TableEntity row) =>
        row.GetString("Role") == Role ? new Open311Client(row.GetString("KeyId") ?? "", row.GetString("Scope") ?? "", row.GetString("Name") ?? "") : null;
}
