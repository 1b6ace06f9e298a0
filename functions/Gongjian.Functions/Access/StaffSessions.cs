using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.Access;

/// <summary>
/// Console sign-in sessions, one row per session in table <c>sessions</c>. The browser holds only a
/// random session id in an HttpOnly cookie; the row is keyed by the id's SHA-256 hash (a stolen
/// table dump signs nobody in) and names the staff key by its hash, so a revoked key ends its
/// sessions. Idle sessions expire after <see cref="IdleFor"/> (sliding), every session after <see cref="AtMost"/>.
/// </summary>
public sealed class StaffSessions(StorageClients storage, StaffKeys keys, TimeProvider clock)
{
    public const string TableName = "sessions";
    public static readonly TimeSpan IdleFor = TimeSpan.FromHours(12);
    public static readonly TimeSpan AtMost = TimeSpan.FromDays(7);
    // A request refreshes the idle deadline only when it is this stale: one write per few minutes, not per request.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);
    private readonly TableClient _table = storage.Table(TableName);
    private Task? _created;

    public sealed record Session(string Id, string CsrfToken, Caller Caller, DateTimeOffset ExpiresAt);

    public enum Failure { None, Unknown, Expired, Revoked }

    public sealed record Lookup(Session? Session, Failure Failure);

    /// <summary>Starts a session for a valid staff key; null when the key is unknown or revoked.</summary>
    public async Task<Session?> StartAsync(string key, CancellationToken ct)
    {
        if (await keys.FindAsync(key, ct) is not { } caller) return null;
        await EnsureTableAsync(ct);
        var id = NewSecret();
        var csrf = NewSecret();
        var now = clock.GetUtcNow();
        var expires = now + IdleFor;
        await _table.AddEntityAsync(new TableEntity(StaffKeys.Hash(id), "")
        {
            ["KeyHash"] = StaffKeys.Hash(key), ["Csrf"] = csrf, ["CreatedAt"] = now, ["ExpiresAt"] = expires, ["EndsAt"] = now + AtMost,
        }, ct);
        return new Session(id, csrf, caller, expires);
    }

    /// <summary>The live session of this cookie value, or why there is none.</summary>
    public async Task<Lookup> FindAsync(string id, CancellationToken ct)
    {
        if (id.Length is < 20 or > 100) return new(null, Failure.Unknown);
        await EnsureTableAsync(ct);
        var hash = StaffKeys.Hash(id);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(hash, "", cancellationToken: ct);
        if (!found.HasValue) return new(null, Failure.Unknown);
        var row = found.Value!;
        var now = clock.GetUtcNow();
        var expires = row.GetDateTimeOffset("ExpiresAt") ?? now;
        var ends = row.GetDateTimeOffset("EndsAt") ?? now;
        if (row.GetDateTimeOffset("RevokedAt") is not null) return new(null, Failure.Revoked);
        if (now >= expires || now >= ends) return new(null, Failure.Expired);
        if (await keys.FindByHashAsync(row.GetString("KeyHash") ?? "", ct) is not { } caller) return new(null, Failure.Revoked);

        var slid = Min(now + IdleFor, ends);
        if (slid - expires >= TouchEvery)
        {
            try
            {
                await _table.UpdateEntityAsync(new TableEntity(hash, "") { ["ExpiresAt"] = slid }, row.ETag, TableUpdateMode.Merge, ct);
                expires = slid;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // A parallel request of the same browser refreshed (or ended) it first: this one still counts as signed in.
            }
        }
        return new(new Session(id, row.GetString("Csrf") ?? "", caller, expires), Failure.None);
    }

    /// <summary>Signs out: the row is marked revoked (kept until it would have expired, so a replayed cookie says why).</summary>
    public async Task EndAsync(string id, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(StaffKeys.Hash(id), "") { ["RevokedAt"] = clock.GetUtcNow() }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not a session of ours: nothing to end.
        }
    }

    public static bool SameToken(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(given));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The table is made on first use, so that neither the storage setup nor a deployment needs to know of it.
    private async Task EnsureTableAsync(CancellationToken ct)
    {
        var creating = _created ??= _table.CreateIfNotExistsAsync(ct);
        try { await creating; }
        catch
        {
            _ = Interlocked.CompareExchange(ref _created, null, creating); // storage was down or the request gave up: try again next time
            throw;
        }
    }
}
