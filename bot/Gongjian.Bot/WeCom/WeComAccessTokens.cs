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
    protected override string Platform => "WeCom";
    protected override string Api => "gettoken";

    /// <summary>WeCom hands out the current token until it expires: there is nothing to force.</summary>
    protected override Task<JsonObject?> AskAsync(bool force, CancellationToken ct)
    {
        var o = options.Value;
        var url = $"{o.ApiBaseUrl.TrimEnd('/')}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(o.CorpId!)}&corpsecret={Uri.EscapeDataString(o.Secret!)}";
        return http.CreateClient(WeChatAccessTokens.HttpClientName).GetFromJsonAsync(url, WeChatWireJson.Default.JsonObject, ct);
    }
}
