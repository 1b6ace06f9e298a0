using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// The WeCom app's access token, cached once for all instances like the Official Account's (<see cref="SharedAccessToken"/>,
/// row key <c>wecom.{CorpID}.{AgentId}</c>), from <c>/cgi-bin/gettoken?corpid=…&amp;corpsecret=…</c>. The secret is in that
/// URL (WeCom's API), so the client logs no requests.
/// </summary>
public sealed class WeComAccessTokens(WeChatTables tables, IHttpClientFactory http, IOptions<WeComOptions> options, TimeProvider clock, ILogger<WeComAccessTokens> log)
    : SharedAccessToken(tables, clock, log)
{
    protected override string Key => $"wecom.{options.Value.CorpId}.{options.Value.AgentId}";
    protected override string Api => "gettoken";

    protected override async Task<(string Token, int ExpiresIn)> FetchAsync(bool force, CancellationToken ct)
    {
        var o = options.Value;
        JsonObject? answer;
        try
        {
            var url = $"{o.ApiBaseUrl.TrimEnd('/')}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(o.CorpId!)}&corpsecret={Uri.EscapeDataString(o.Secret!)}";
            answer = await http.CreateClient(WeChatAccessTokens.HttpClientName).GetFromJsonAsync<JsonObject>(url, ct);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Log.LogWarning("WeCom gettoken could not be reached: {Error}", e.GetType().Name);
            throw new WeChatApiException("gettoken", null, e);
        }
        if (answer?["access_token"]?.GetValue<string>() is { Length: > 0 } token)
        {
            var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 7200;
            Log.LogInformation("WeCom access token fetched (valid {Seconds} s)", expiresIn);
            return (token, expiresIn);
        }
        var code = answer?["errcode"]?.GetValue<int>();
        Log.LogError("WeCom gettoken answered errcode {ErrCode}", code);
        throw new WeChatApiException("gettoken", code);
    }
}
