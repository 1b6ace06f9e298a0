using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>The Official Account API (<see cref="TokenedApi"/>): token problems are 40001, 40014 and 42001.</summary>
public sealed class WeChatApi(IHttpClientFactory http, WeChatAccessTokens tokens, IOptions<WeChatOptions> options, ILogger<WeChatApi> log)
    : TokenedApi(http, tokens, log)
{
    public const string CustomSend = "/cgi-bin/message/custom/send";
    public const string SubscribeSend = "/cgi-bin/message/subscribe/bizsend";
    public const string MediaUpload = "/cgi-bin/media/upload";

    protected override string BaseUrl => options.Value.ApiBaseUrl;

    protected override bool IsTokenProblem(int code) => code is 40001 or 40014 or 42001;

    /// <summary>
    /// A picture uploaded as temporary media (新增临时素材: multipart/form-data, the file in part <c>media</c> with its filename and
    /// content type; kept by WeChat for 3 days): its <c>media_id</c>, or null when WeChat would not take it (logged with the errcode).
    /// An expired token is refreshed and the upload made once more.
    /// </summary>
    public async Task<string?> UploadImageAsync(byte[] bytes, string contentType, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var token = await Tokens.GetAsync(ct);
            JsonObject? answer;
            try
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                form.Add(file, "media", contentType == "image/png" ? "photo.png" : "photo.jpg");
                using var response = await Http.CreateClient(WeChatAccessTokens.HttpClientName).PostAsync(Url(MediaUpload, token, "type=image"), form, ct);
                answer = await response.Content.ReadFromJsonAsync(WeChatWireJson.Default.JsonObject, ct);
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Log.LogWarning("API {Api} could not be reached: {Error}", MediaUpload, e.GetType().Name);
                return null;
            }
            if ((string?)answer?["media_id"] is { Length: > 0 } mediaId) return mediaId;
            var code = answer?["errcode"]?.GetValue<int>();
            Log.LogWarning("API {Api} answered errcode {ErrCode} (attempt {Attempt})", MediaUpload, code, attempt);
            if (code is { } c && IsTokenProblem(c)) { await Tokens.InvalidateAsync(token, ct); continue; }
            return null;
        }
        return null;
    }
}
