using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// JSON calls to a Tencent messaging API (the Official Account's or WeCom's) with the shared access token in the
/// URL. An expired or invalid token (<see cref="IsTokenProblem"/>) is refreshed and the call made once more;
/// "system busy" (-1) is tried once more. Every other code is returned to the caller, which knows what it means
/// for its message; codes are logged with the API's name, never with the recipient or the text.
/// </summary>
public abstract class TokenedApi(IHttpClientFactory http, SharedAccessToken tokens, ILogger log)
{
    protected IHttpClientFactory Http { get; } = http;
    protected SharedAccessToken Tokens { get; } = tokens;
    protected ILogger Log { get; } = log;

    /// <summary>Where the API lives (the simulator's address in development and tests).</summary>
    protected abstract string BaseUrl { get; }

    protected abstract bool IsTokenProblem(int code);

    /// <summary>The errcode answered (0: done). Unreachable, or still failing after the one retry → <see cref="WeChatApiException"/>.</summary>
    public async Task<int> PostAsync(string api, JsonObject body, CancellationToken ct) => (await PostForAnswerAsync(api, body, ct)).Code;

    /// <summary>The same, with the whole answer (e.g. the <c>response_code</c> of a sent template card).</summary>
    public async Task<(int Code, JsonObject Answer)> PostForAnswerAsync(string api, JsonObject body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await Tokens.GetAsync(ct);
            var (code, answer) = await SendAsync(api, token, body, ct);
            if (code == 0) return (0, answer);
            Log.LogWarning("API {Api} answered errcode {ErrCode} (attempt {Attempt})", api, code, attempt);
            if (IsTokenProblem(code))
            {
                await Tokens.InvalidateAsync(token, ct);
                if (attempt == 1) continue;
                throw new WeChatApiException(api, code);
            }
            if (code == -1)
            {
                if (attempt == 1) continue;
                throw new WeChatApiException(api, code);
            }
            return (code, answer);
        }
    }

    /// <summary>The URL of <paramref name="api"/> with the token (and further query parameters, already escaped).</summary>
    protected string Url(string api, string token, string? query = null) =>
        BaseUrl.TrimEnd('/') + api + "?access_token=" + Uri.EscapeDataString(token) + (query is null ? "" : "&" + query);

    private async Task<(int Code, JsonObject Answer)> SendAsync(string api, string token, JsonObject body, CancellationToken ct)
    {
        try
        {
            using var response = await Http.CreateClient(WeChatAccessTokens.HttpClientName).PostAsJsonAsync(Url(api, token), body, WeChatWireJson.Default.JsonObject, ct);
            var answer = await response.Content.ReadFromJsonAsync(WeChatWireJson.Default.JsonObject, ct);
            if (!response.IsSuccessStatusCode || answer?["errcode"] is not JsonValue code)
            {
                Log.LogWarning("API {Api} answered HTTP {Status} without an errcode", api, (int)response.StatusCode);
                throw new WeChatApiException(api, null);
            }
            return (code.GetValue<int>(), answer);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Log.LogWarning("API {Api} could not be reached: {Error}", api, e.GetType().Name);
            throw new WeChatApiException(api, null, e);
        }
    }
}
