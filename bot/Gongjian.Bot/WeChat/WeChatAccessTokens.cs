using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The Official Account's access token, one for all instances: kept in a table row (PartitionKey <c>token</c>,
/// RowKey = AppID). Whoever finds it missing or near expiry takes a 30-second lease on the row (an
/// If-Match update of its ETag) and alone asks WeChat (<c>/cgi-bin/stable_token</c>; the secret travels in
/// the body, not the URL); the others wait for the row. Each instance keeps the token in memory until
/// five minutes before it expires. A token WeChat calls invalid is dropped (only if the row still holds it)
/// and the next fetch forces a new one.
/// </summary>
public sealed class WeChatAccessTokens(WeChatTables tables, IHttpClientFactory http, IOptions<WeChatOptions> options, TimeProvider clock, ILogger<WeChatAccessTokens> log)
{
    public const string HttpClientName = "wechat-api";
    private const string Partition = "token";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(200);

    private sealed record Cached(string Token, DateTimeOffset UsableUntil);
    private volatile Cached? _cached;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_cached is { } c && c.UsableUntil > clock.GetUtcNow()) return c.Token;
        var appId = options.Value.AppId!;
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
                if (now > giveUpAt) throw new WeChatApiException("stable_token", null);
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
            try { fetched = await FetchAsync(appId, force, ct); }
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
                log.LogWarning("WeChat access token lease expired before the token was stored; using it on this instance only");
            }
            _cached = new(fetched.Token, expiresAt - Margin);
            return fetched.Token;
        }
    }

    /// <summary>WeChat said the token is invalid or expired (40001, 40014, 42001): forget it, here and in the row if it is still the one there.</summary>
    public async Task InvalidateAsync(string token, CancellationToken ct)
    {
        _cached = null;
        var appId = options.Value.AppId!;
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

    private async Task<(string Token, int ExpiresIn)> FetchAsync(string appId, bool force, CancellationToken ct)
    {
        var o = options.Value;
        JsonObject? answer;
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(o.ApiBaseUrl.TrimEnd('/') + "/cgi-bin/stable_token",
                new JsonObject { ["grant_type"] = "client_credential", ["appid"] = appId, ["secret"] = o.AppSecret, ["force_refresh"] = force }, ct);
            answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("WeChat stable_token could not be reached: {Error}", e.GetType().Name);
            throw new WeChatApiException("stable_token", null, e);
        }
        if (answer?["access_token"]?.GetValue<string>() is { Length: > 0 } token)
        {
            var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 7200;
            log.LogInformation("WeChat access token fetched (force {Force}, valid {Seconds} s)", force, expiresIn);
            return (token, expiresIn);
        }
        var code = answer?["errcode"]?.GetValue<int>();
        log.LogError("WeChat stable_token answered errcode {ErrCode}", code);
        throw new WeChatApiException("stable_token", code);
    }
}
