using Azure;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Asks the platform for a token. Both answer <c>access_token</c> and <c>expires_in</c>, or an <c>errcode</c>
    /// (logged; the secret is never). Unreachable or refused → <see cref="WeChatApiException"/>.
    /// </summary>
    private async Task<(string Token, int ExpiresIn)> FetchAsync(bool force, CancellationToken ct)
    {
        JsonObject? answer;
        try { answer = await AskAsync(force, ct); }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Log.LogWarning("{Platform} {Api} could not be reached: {Error}", Platform, Api, e.GetType().Name);
            throw new WeChatApiException(Api, null, e);
        }
        if (answer?["access_token"]?.GetValue<string>() is { Length: > 0 } token)
        {
            var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 7200;
            Log.LogInformation("{Platform} access token fetched (force {Force}, valid {Seconds} s)", Platform, force, expiresIn);
            return (token, expiresIn);
        }
        var code = answer?["errcode"]?.GetValue<int>();
        Log.LogError("{Platform} {Api} answered errcode {ErrCode}", Platform, Api, code);
        throw new WeChatApiException(Api, code);
    }

    /// <summary>The token row's key (the AppID, or the WeCom corp and app).</summary>
    protected abstract string Key { get; }

    /// <summary>Whose token it is, for logs: <c>WeChat</c> or <c>WeCom</c>.</summary>
    protected abstract string Platform { get; }

    /// <summary>The API that issues the token (for logs and errors).</summary>
    protected abstract string Api { get; }

    /// <summary>The platform's answer to a token request; <paramref name="force"/> when the last token was called invalid.</summary>
    protected abstract Task<JsonObject?> AskAsync(bool force, CancellationToken ct);
}
