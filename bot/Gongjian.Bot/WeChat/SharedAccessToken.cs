using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// An access token (WeChat's or WeCom's), one for all instances: kept in a table row of <c>botwechat</c>
/// (PartitionKey <c>token</c>, RowKey = <see cref="Key"/>). Whoever finds it missing or near expiry takes a
/// 30-second lease on the row (an If-Match update of its ETag) and alone asks the platform
/// (<see cref="FetchAsync"/>); the others wait for the row. Each instance keeps the token in memory until
/// five minutes before it expires. A token the platform calls invalid is dropped (only if the row still holds it)
/// and the next fetch forces a new one. A stampede of token requests would invalidate earlier tokens.
/// </summary>
public abstract class SharedAccessToken(WeChatTables tables, TimeProvider clock, ILogger log)
{
    protected ILogger Log { get; } = log;
    private const string Partition = "token";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(200);

    private sealed record Cached(string Token, DateTimeOffset UsableUntil);
    private volatile Cached? _cached;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_cached is { } c && c.UsableUntil > clock.GetUtcNow()) return c.Token;
        var appId = Key;
        var giveUpAt = clock.GetUtcNow() + Lease + Lease;
        while (true)
        {
            var now = clock.GetUtcNow();
            var found = await tables.Table.GetEntityIfExistsAsync<TableEntity>(Partition, appId, cancellationToken: ct);
            var row = found.HasValue ? found.Value : null;
            if (row?.GetString("Token") is { Length: > 0 } token && row.GetDateTimeOffset("ExpiresAt") is { } expires && expires - Margin > now)
            {
                _cached = new(token, expires - Margin);
                return token;
            }
            if (row?.GetDateTimeOffset("LeaseUntil") is { } leased && leased > now)
            {
                if (now > giveUpAt) throw new WeChatApiException(Api, null);
                await Task.Delay(WaitStep, clock, ct); // another instance is fetching: its token will be in the row
                continue;
            }
            ETag claimed;
            try
            {
                var lease = new TableEntity(Partition, appId) { ["LeaseUntil"] = now + Lease };
                claimed = row is null
                    ? (await tables.Table.AddEntityAsync(lease, ct)).Headers.ETag!.Value
                    : (await tables.Table.UpdateEntityAsync(lease, row.ETag, TableUpdateMode.Merge, ct)).Headers.ETag!.Value;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412) { continue; } // another instance took the lease first
            var force = row?.GetBoolean("Invalidated") == true;
            (string Token, int ExpiresIn) fetched;
            try { fetched = await FetchAsync(force, ct); }
            catch
            {
                await ReleaseAsync(appId, claimed);
                throw;
            }
            var expiresAt = clock.GetUtcNow() + TimeSpan.FromSeconds(fetched.ExpiresIn);
            try
            {
                await tables.Table.UpdateEntityAsync(new TableEntity(Partition, appId)
                {
                    ["Token"] = fetched.Token, ["ExpiresAt"] = expiresAt, ["LeaseUntil"] = DateTimeOffset.UnixEpoch, ["Invalidated"] = false,
                }, claimed, TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                Log.LogWarning("Access token lease expired before the token was stored; using it on this instance only");
            }
            _cached = new(fetched.Token, expiresAt - Margin);
            return fetched.Token;
        }
    }

    /// <summary>WeChat said the token is invalid or expired (40001, 40014, 42001): forget it, here and in the row if it is still the one there.</summary>
    public async Task InvalidateAsync(string token, CancellationToken ct)
    {
        _cached = null;
        var appId = Key;
        var found = await tables.Table.GetEntityIfExistsAsync<TableEntity>(Partition, appId, cancellationToken: ct);
        if (!found.HasValue || found.Value!.GetString("Token") != token) return;
        try
        {
            await tables.Table.UpdateEntityAsync(new TableEntity(Partition, appId) { ["ExpiresAt"] = DateTimeOffset.UnixEpoch, ["Invalidated"] = true },
                found.Value.ETag, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404) { } // someone refreshed it meanwhile
    }

    private async Task ReleaseAsync(string appId, ETag claimed)
    {
        try
        {
            await tables.Table.UpdateEntityAsync(new TableEntity(Partition, appId) { ["LeaseUntil"] = DateTimeOffset.UnixEpoch }, claimed, TableUpdateMode.Merge, CancellationToken.None);
        }
        catch (RequestFailedException) { }
    }

    /// <summary>The token row's key (the AppID, or the WeCom corp and app).</summary>
    protected abstract string Key { get; }

    /// <summary>The API that issues the token (for errors).</summary>
    protected abstract string Api { get; }

    /// <summary>Asks the platform for a token; <paramref name="force"/> when the last one was called invalid.</summary>
    protected abstract Task<(string Token, int ExpiresIn)> FetchAsync(bool force, CancellationToken ct);
}
