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
    protected override string Platform => "WeChat";
    protected override string Api => "stable_token";

    protected override async Task<JsonObject?> AskAsync(bool force, CancellationToken ct)
    {
        var o = options.Value;
        using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(o.ApiBaseUrl.TrimEnd('/') + "/cgi-bin/stable_token",
            new JsonObject { ["grant_type"] = "client_credential", ["appid"] = o.AppId, ["secret"] = o.AppSecret, ["force_refresh"] = force }, WeChatWireJson.Default.JsonObject, ct);
        return await response.Content.ReadFromJsonAsync(WeChatWireJson.Default.JsonObject, ct);
    }
}
