using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// Calls to the Official Account API with the shared access token. An expired or invalid token
/// (40001, 40014, 42001) is refreshed and the call made once more; "system busy" (-1) is tried once more.
/// Every other code is returned to the caller, which knows what it means for its message; codes are
/// logged with the API's name, never with the openid or the text.
/// </summary>
public sealed class WeChatApi(IHttpClientFactory http, WeChatAccessTokens tokens, IOptions<WeChatOptions> options, ILogger<WeChatApi> log)
{
    public const string CustomSend = "/cgi-bin/message/custom/send";
    public const string SubscribeSend = "/cgi-bin/message/subscribe/bizsend";

    public static bool IsTokenProblem(int code) => code is 40001 or 40014 or 42001;

    /// <summary>The errcode WeChat answered (0: done). Unreachable, or still failing after the one retry → <see cref="WeChatApiException"/>.</summary>
    public async Task<int> PostAsync(string api, JsonObject body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(ct);
            var code = await SendAsync(api, token, body, ct);
            if (code == 0) return 0;
            log.LogWarning("WeChat API {Api} answered errcode {ErrCode} (attempt {Attempt})", api, code, attempt);
            if (IsTokenProblem(code))
            {
                await tokens.InvalidateAsync(token, ct);
                if (attempt == 1) continue;
                throw new WeChatApiException(api, code);
            }
            if (code == -1)
            {
                if (attempt == 1) continue;
                throw new WeChatApiException(api, code);
            }
            return code;
        }
    }

    private async Task<int> SendAsync(string api, string token, JsonObject body, CancellationToken ct)
    {
        var url = options.Value.ApiBaseUrl.TrimEnd('/') + api + "?access_token=" + Uri.EscapeDataString(token);
        try
        {
            using var response = await http.CreateClient(WeChatAccessTokens.HttpClientName).PostAsJsonAsync(url, body, ct);
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            if (!response.IsSuccessStatusCode || answer?["errcode"] is not JsonValue code)
            {
                log.LogWarning("WeChat API {Api} answered HTTP {Status} without an errcode", api, (int)response.StatusCode);
                throw new WeChatApiException(api, null);
            }
            return code.GetValue<int>();
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("WeChat API {Api} could not be reached: {Error}", api, e.GetType().Name);
            throw new WeChatApiException(api, null, e);
        }
    }
}
