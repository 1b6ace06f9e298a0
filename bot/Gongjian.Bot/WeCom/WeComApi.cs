using System.Text.Json.Nodes;
using Gongjian.Bot.WeChat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// The WeCom app API (<see cref="TokenedApi"/>: token problems are 40014, 41001 and 42001): messages and template
/// cards to members, card updates, and a member's uploaded media (<c>/cgi-bin/media/get</c>, the picture's bytes).
/// </summary>
public sealed class WeComApi(IHttpClientFactory http, WeComAccessTokens tokens, IOptions<WeComOptions> options, ILogger<WeComApi> log)
    : TokenedApi(http, tokens, log)
{
    public const string MessageSend = "/cgi-bin/message/send";
    public const string UpdateTemplateCard = "/cgi-bin/message/update_template_card";
    public const string MediaGet = "/cgi-bin/media/get";

    protected override string BaseUrl => options.Value.ApiBaseUrl;

    protected override bool IsTokenProblem(int code) => code is 40014 or 41001 or 42001;

    /// <summary>A member's picture, or null when WeCom would not give it (an error code, too big, unreachable: logged with the code only).</summary>
    public async Task<byte[]?> GetMediaAsync(string mediaId, int maxBytes, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var token = await Tokens.GetAsync(ct);
            try
            {
                using var response = await Http.CreateClient(WeChatAccessTokens.HttpClientName)
                    .GetAsync(Url(MediaGet, token, "media_id=" + Uri.EscapeDataString(mediaId)), HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.Content.Headers.ContentLength > maxBytes) return null;
                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                if (bytes.Length > maxBytes) return null;
                var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "text/plain";
                if (response.IsSuccessStatusCode && !json) return bytes;
                var code = json ? JsonNode.Parse(bytes)?["errcode"]?.GetValue<int>() : null;
                Log.LogWarning("WeCom media/get answered HTTP {Status}, errcode {ErrCode}", (int)response.StatusCode, code);
                if (code is { } c && IsTokenProblem(c)) { await Tokens.InvalidateAsync(token, ct); continue; }
                return null;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Log.LogWarning("WeCom media/get could not be reached: {Error}", e.GetType().Name);
                return null;
            }
        }
        return null;
    }
}
