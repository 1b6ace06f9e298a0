using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The Official Account's access token (<see cref="SharedAccessToken"/>, row key = AppID), from
/// <c>/cgi-bin/stable_token</c>: the secret travels in the body, not the URL.
/// </summary>
public sealed class WeChatAccessTokens(WeChatTables tables, IHttpClientFactory http, IOptions<WeChatOptions> options, TimeProvider clock, ILogger<WeChatAccessTokens> log)
    : SharedAccessToken(tables, clock, log)
{
    public const string HttpClientName = "wechat-api";

    protected override string Key => options.Value.AppId!;
    protected override string Api => "stable_token";

    protected override async Task<(string Token, int ExpiresIn)> FetchAsync(bool force, CancellationToken ct)
    {
        var o = options.Value;
        JsonObject? answer;
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(o.ApiBaseUrl.TrimEnd('/') + "/cgi-bin/stable_token",
                new JsonObject { ["grant_type"] = "client_credential", ["appid"] = o.AppId, ["secret"] = o.AppSecret, ["force_refresh"] = force }, ct);
            answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Log.LogWarning("WeChat stable_token could not be reached: {Error}", e.GetType().Name);
            throw new WeChatApiException("stable_token", null, e);
        }
        if (answer?["access_token"]?.GetValue<string>() is { Length: > 0 } token)
        {
            var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 7200;
            Log.LogInformation("WeChat access token fetched (force {Force}, valid {Seconds} s)", force, expiresIn);
            return (token, expiresIn);
        }
        var code = answer?["errcode"]?.GetValue<int>();
        log.LogError("WeChat stable_token answered errcode {ErrCode}", code);
        throw new WeChatApiException("stable_token", code);
    }
}
