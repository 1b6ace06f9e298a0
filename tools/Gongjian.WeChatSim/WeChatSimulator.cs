using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gongjian.WeChatSim;

/// <summary>One message a follower received, in order: a passive reply, a customer-service message or a subscription message.</summary>
public sealed record Received(string OpenId, string Kind, string Text, JsonObject? Data = null, byte[]? Image = null)
{
    /// <summary>How a customer-service image message reads in <see cref="Text"/> (its bytes are in <see cref="Image"/>).</summary>
    public const string ImageText = "（图片）";
    public const string Passive = "passive";
    public const string CustomerService = "cs";
    public const string Subscription = "subscribe";
    /// <summary>What the follower sent (kept for transcripts; not part of <see cref="WeChatSimulator.Inbox"/>).</summary>
    public const string Follower = "follower";
}

/// <summary>
/// A local WeChat: the API side (<c>/cgi-bin/stable_token</c>, <c>/cgi-bin/token</c>, <c>/cgi-bin/message/custom/send</c>,
/// <c>/cgi-bin/message/subscribe/bizsend</c>, <c>/cgi-bin/media/upload</c> (multipart, temporary images: a media_id, the bytes
/// kept), and <c>/sim/media/{id}</c> for pictures' PicUrl) with WeChat's error codes,
/// and the followers' side (<see cref="SendAsync"/> and friends: signed, encrypted XML posted to the server URL, retried
/// like WeChat when no answer comes). Everything a follower receives is kept in <see cref="Inbox"/>.
/// </summary>
public sealed partial class WeChatSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _media = new();
    /// <summary>Temporary media the app uploaded (media_id → bytes).</summary>
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();
    private int? _failNextUpload;
    private readonly HashSet<string> _followers = [];
    private readonly Dictionary<string, DateTimeOffset> _lastMessage = [];
    private readonly Dictionary<(string OpenId, string Template), int> _consents = [];
    private readonly SimInbox<Received> _inbox = new(r => r.OpenId, r => r.Kind == Received.Follower, "follower");
    private readonly SimAccessToken _token = new("simtok_");
    private int _apiCalls;

    public SimulatorSettings Settings { get; }
    /// <summary>The API base the app is configured with (<c>WeChat:ApiBaseUrl</c>).</summary>
    public Uri BaseAddress { get; }
    /// <summary>The app's server URL (服务器地址), e.g. <c>http://127.0.0.1:7071/api/wechat</c>.</summary>
    public Uri? ServerUrl { get; set; }
    public int TokenRequests => _token.Requests;
    public int ApiCalls => Volatile.Read(ref _apiCalls);

    private WeChatSimulator(WebApplication app, SimulatorSettings settings, Uri baseAddress)
    {
        _app = app;
        Settings = settings;
        BaseAddress = baseAddress;
    }

    public static async Task<WeChatSimulator> StartAsync(SimulatorSettings settings)
    {
        WeChatSimulator? sim = null;
        var (app, address) = await SimHost.StartAsync(settings.Port, routes =>
        {
            routes.MapPost("/cgi-bin/stable_token", (JsonObject body) => sim!.StableToken(body));
            routes.MapGet("/cgi-bin/token", (string? appid, string? secret) => sim!.IssueToken(appid, secret, force: true));
            routes.MapPost("/cgi-bin/message/custom/send", (string? access_token, JsonObject body) => sim!.CustomSend(access_token, body));
            routes.MapPost("/cgi-bin/message/subscribe/bizsend", (string? access_token, JsonObject body) => sim!.SubscribeSend(access_token, body));
            routes.MapPost("/cgi-bin/media/upload", (string? access_token, string? type, HttpRequest request) => sim!.UploadAsync(access_token, type, request));
            routes.MapGet("/sim/media/{id}", (string id) => sim!._media.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "image/png") : Results.NotFound());
            MapPhoneApi(routes, () => sim!);
        });
        sim = new WeChatSimulator(app, settings, address);
        return sim;
    }

    /// <summary>The current access token stops working (as at expiry): the next API call answers 42001.</summary>
    public void ExpireToken() => _token.Expire();

    /// <summary>The next <c>media/upload</c> answers <paramref name="errCode"/> (e.g. 40004, 45001) instead of a media_id.</summary>
    public void FailNextUpload(int errCode)
    {
        lock (_gate) _failNextUpload = errCode;
    }

    public IReadOnlyList<Received> Inbox(string openId) => _inbox.Received(openId);

    /// <summary>Both sides, in order: what the follower sent and what they received.</summary>
    public IReadOnlyList<Received> Conversation(string openId) => _inbox.Conversation(openId);

    /// <summary>Waits until the follower's inbox satisfies <paramref name="condition"/> (every change wakes it), up to <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<Received>> WaitForAsync(string openId, Func<IReadOnlyList<Received>, bool> condition, TimeSpan? timeout = null) =>
        _inbox.WaitForAsync(openId, condition, r => $"[{r.Kind}] {r.Text}", timeout);

    private void Add(Received received) => _inbox.Add(received);

    private IResult StableToken(JsonObject body) =>
        IssueToken((string?)body["appid"], (string?)body["secret"], body["force_refresh"]?.GetValue<bool>() == true);

    private IResult IssueToken(string? appId, string? secret, bool force)
    {
        _token.CountRequest();
        if (appId != Settings.AppId) return Error(40013, "invalid appid");
        if (secret != Settings.AppSecret) return Error(40125, "invalid appsecret");
        return Results.Json(new JsonObject { ["access_token"] = _token.Issue(force), ["expires_in"] = 7200 });
    }

    private int? TokenProblem(string? token)
    {
        Interlocked.Increment(ref _apiCalls);
        return _token.Check(token) switch
        {
            SimTokenCheck.Missing or SimTokenCheck.Wrong => 40001,
            SimTokenCheck.Expired => 42001,
            _ => null,
        };
    }

    private IResult CustomSend(string? token, JsonObject body)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        var openId = (string?)body["touser"] ?? "";
        lock (_gate)
        {
            if (!_followers.Contains(openId)) return Error(43004, "require subscribe");
            if (!_lastMessage.TryGetValue(openId, out var last) || DateTimeOffset.UtcNow - last > Settings.ServiceWindow)
                return Error(45015, "response out of time limit or subscription is canceled");
        }
        if ((string?)body["msgtype"] == "image")
        {
            if ((string?)body["image"]?["media_id"] is not { Length: > 0 } mediaId || !_uploads.TryGetValue(mediaId, out var picture)) return Error(40007, "invalid media_id");
            Add(new Received(openId, Received.CustomerService, Received.ImageText, Image: picture));
            return Error(0, "ok");
        }
        if ((string?)body["msgtype"] != "text" || (string?)body["text"]?["content"] is not { Length: > 0 } content) return Error(44003, "empty news data");
        Add(new Received(openId, Received.CustomerService, content));
        return Error(0, "ok");
    }

    /// <summary>新增临时素材: multipart/form-data with the file in part <c>media</c>; images up to 2 MB (png, jpeg, gif).</summary>
    private async Task<IResult> UploadAsync(string? token, string? type, HttpRequest request)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        if (type != "image") return Error(40004, "invalid media type");
        lock (_gate)
        {
            if (_failNextUpload is { } failure)
            {
                _failNextUpload = null;
                return Error(failure, "simulated upload failure");
            }
        }
        if (!request.HasFormContentType) return Error(41005, "media data missing");
        var form = await request.ReadFormAsync();
        if (form.Files.GetFile("media") is not { } file || file.FileName.Length == 0) return Error(41005, "media data missing");
        if (file.Length is 0 or > 2 * 1024 * 1024) return Error(40009, "invalid image size");
        if (file.ContentType is not ("image/png" or "image/jpeg" or "image/gif")) return Error(40005, "invalid file type");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var mediaId = "simmedia_" + Guid.NewGuid().ToString("N");
        _uploads[mediaId] = buffer.ToArray();
        return Results.Json(new JsonObject { ["type"] = "image", ["media_id"] = mediaId, ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() });
    }

    private IResult SubscribeSend(string? token, JsonObject body)
    {
        if (TokenProblem(token) is { } problem) return Error(problem, "access_token invalid or expired");
        var openId = (string?)body["touser"] ?? "";
        var template = (string?)body["template_id"] ?? "";
        if (body["data"] is not JsonObject data) return Error(47003, "argument invalid! data is empty");
        lock (_gate)
        {
            if (!_consents.TryGetValue((openId, template), out var left) || left <= 0) return Error(43101, "user refuse to accept the msg");
            _consents[(openId, template)] = left - 1;
        }
        foreach (var (name, field) in data)
            if (name.StartsWith("thing", StringComparison.Ordinal) && ((string?)field?["value"])?.Length > 20) return Error(47003, "argument invalid! data.thing.value too long");
        Add(new Received(openId, Received.Subscription, string.Join(" | ", data.Select(kv => $"{kv.Key}={(string?)kv.Value?["value"]}")), (JsonObject)data.DeepClone()));
        return Error(0, "ok");
    }

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["errcode"] = code, ["errmsg"] = message });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
