using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gongjian.Bot.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gongjian.WeChatSim;

/// <summary>How WeChat's post of one message went: the attempts (retries included), each attempt's HTTP status, the passive reply's text.</summary>
public sealed record Delivery(int Attempts, IReadOnlyList<int> Statuses, string? Passive, string? RefusalBody);

/// <summary>The followers' side: what WeChat posts to the server URL when a follower writes, taps or follows.</summary>
public sealed partial class WeChatSimulator
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private long _nextMsgId = 24_000_000_000_000_000;

    public Task<Delivery> TextAsync(string openId, string text, int lostAnswers = 0)
    {
        Add(new Received(openId, Received.Follower, text));
        return MessageAsync(openId, "text", [("Content", text, true)], lostAnswers);
    }

    public Task<Delivery> ImageAsync(string openId, byte[] picture, int lostAnswers = 0)
    {
        Add(new Received(openId, Received.Follower, "（发送了一张照片）"));
        var mediaId = "media_" + Guid.NewGuid().ToString("N");
        _media[mediaId] = picture;
        return MessageAsync(openId, "image", [("PicUrl", new Uri(BaseAddress, "/sim/media/" + mediaId).ToString(), true), ("MediaId", mediaId, true)], lostAnswers);
    }

    public Task<Delivery> LocationAsync(string openId, double latitude, double longitude, string label)
    {
        Add(new Received(openId, Received.Follower, $"（发送了位置：{label}）"));
        return MessageAsync(openId, "location",
        [
            ("Location_X", latitude.ToString("F6", CultureInfo.InvariantCulture), false), ("Location_Y", longitude.ToString("F6", CultureInfo.InvariantCulture), false),
            ("Scale", "15", false), ("Label", label, true),
        ]);
    }

    public Task<Delivery> VoiceAsync(string openId, string? recognition)
    {
        Add(new Received(openId, Received.Follower, $"（语音：{recognition ?? "未识别"}）"));
        return MessageAsync(openId, "voice", [("MediaId", "voice_" + Guid.NewGuid().ToString("N"), true), ("Format", "amr", true), ("Recognition", recognition ?? "", true)]);
    }

    public Task<Delivery> FollowAsync(string openId)
    {
        lock (_gate) _followers.Add(openId);
        Add(new Received(openId, Received.Follower, "（关注了公众号）"));
        return EventAsync(openId, "subscribe", []);
    }

    public Task<Delivery> UnfollowAsync(string openId)
    {
        lock (_gate)
        {
            _followers.Remove(openId);
            foreach (var key in _consents.Keys.Where(k => k.OpenId == openId).ToList()) _consents.Remove(key);
        }
        return EventAsync(openId, "unsubscribe", []);
    }

    /// <summary>The follower answers the 订阅通知 pop-up (wx-open-subscribe) for one template.</summary>
    public Task<Delivery> ConsentAsync(string openId, string templateId, bool accept)
    {
        lock (_gate) _consents[(openId, templateId)] = accept ? _consents.GetValueOrDefault((openId, templateId)) + 1 : 0;
        return EventAsync(openId, "subscribe_msg_popup_event",
            [("SubscribeMsgPopupEvent", $"<List><TemplateId><![CDATA[{templateId}]]></TemplateId><SubscribeStatusString><![CDATA[{(accept ? "accept" : "reject")}]]></SubscribeStatusString><PopupScene>2</PopupScene></List>", false)],
            rawFields: true);
    }

    private Task<Delivery> MessageAsync(string openId, string type, IReadOnlyList<(string, string, bool)> fields, int lostAnswers = 0)
    {
        lock (_gate) _lastMessage[openId] = DateTimeOffset.UtcNow;
        var msgId = Interlocked.Increment(ref _nextMsgId).ToString(CultureInfo.InvariantCulture);
        return DeliverAsync(openId, Xml(openId, type, [.. fields, ("MsgId", msgId, false)]), lostAnswers);
    }

    private Task<Delivery> EventAsync(string openId, string name, IReadOnlyList<(string, string, bool)> fields, bool rawFields = false)
    {
        var xml = Xml(openId, "event", [("Event", name, true), .. rawFields ? [] : fields]);
        if (rawFields) xml = xml.Replace("</xml>", string.Concat(fields.Select(f => $"<{f.Item1}>{f.Item2}</{f.Item1}>")) + "</xml>");
        return DeliverAsync(openId, xml, 0);
    }

    /// <summary>An inbound message's plain XML, as WeChat writes it.</summary>
    public string Xml(string openId, string type, IEnumerable<(string, string, bool)> fields) => WeChatXml.Write(
    [
        ("ToUserName", Settings.OriginalId, true), ("FromUserName", openId, true),
        ("CreateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), false), ("MsgType", type, true),
        .. fields,
    ]);

    /// <summary>
    /// The request WeChat would make for <paramref name="plainXml"/>: the URL with signature, timestamp and nonce (and in safe mode
    /// encrypt_type and msg_signature), and the body (in safe mode: ToUserName and Encrypt only).
    /// </summary>
    public (Uri Url, string Body) Request(string openId, string plainXml, long? timestamp = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = new StringBuilder($"signature={WeChatSignature.Compute(Settings.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid={Uri.EscapeDataString(openId)}");
        var body = plainXml;
        if (Settings.EncodingAesKey is { } key)
        {
            var encrypted = new WeChatCrypto(key, Settings.AppId).Encrypt(plainXml);
            body = WeChatXml.Write([("ToUserName", Settings.OriginalId, true), ("Encrypt", encrypted, true)]);
            query.Append("&encrypt_type=aes&msg_signature=").Append(WeChatSignature.Compute(Settings.Token, ts, nonce, encrypted));
        }
        return (new Uri(ServerUrl! + "?" + query), body);
    }

    /// <summary>
    /// Posts like WeChat: no answer within <see cref="SimulatorSettings.ResponseTimeout"/> (or an answer lost on the way, the first
    /// <paramref name="lostAnswers"/> times) → the same message again, up to <see cref="SimulatorSettings.Retries"/> more times.
    /// </summary>
    private async Task<Delivery> DeliverAsync(string openId, string plainXml, int lostAnswers)
    {
        var statuses = new List<int>();
        for (var attempt = 0; attempt <= Settings.Retries; attempt++)
        {
            var (url, body) = Request(openId, plainXml);
            using var timeout = new CancellationTokenSource(Settings.ResponseTimeout);
            HttpResponseMessage response;
            try { response = await Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"), timeout.Token); }
            catch (TaskCanceledException) when (timeout.IsCancellationRequested)
            {
                statuses.Add(0);
                continue;
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                statuses.Add((int)response.StatusCode);
                if (attempt < lostAnswers) continue;
                if (!response.IsSuccessStatusCode) return new Delivery(attempt + 1, statuses, null, text);
                var passive = OpenPassive(openId, text);
                if (passive is not null) Add(new Received(openId, Received.Passive, passive));
                return new Delivery(attempt + 1, statuses, passive, null);
            }
        }
        return new Delivery(Settings.Retries + 1, statuses, null, null);
    }

    /// <summary>The passive reply's text (null for <c>success</c> or an empty body), checked as WeChat checks it.</summary>
    private string? OpenPassive(string openId, string body)
    {
        if (body.Length == 0 || body == "success") return null;
        var fields = WeChatXml.Read(body) ?? throw new InvalidOperationException("Passive reply is not WeChat XML: " + body);
        if (Settings.EncodingAesKey is { } key)
        {
            var encrypted = fields.GetValueOrDefault("Encrypt") ?? throw new InvalidOperationException("Safe mode: the passive reply is not encrypted.");
            if (!WeChatSignature.Matches(fields.GetValueOrDefault("MsgSignature"), Settings.Token, fields.GetValueOrDefault("TimeStamp") ?? "", fields.GetValueOrDefault("Nonce") ?? "", encrypted))
                throw new InvalidOperationException("The passive reply's MsgSignature is wrong.");
            if (new WeChatCrypto(key, Settings.AppId).TryDecrypt(encrypted, out var plain) is not WeChatCryptoFailure.None and var failure)
                throw new InvalidOperationException("The passive reply does not decrypt: " + failure);
            fields = WeChatXml.Read(plain) ?? throw new InvalidOperationException("The decrypted passive reply is not WeChat XML.");
        }
        if (fields.GetValueOrDefault("ToUserName") != openId || fields.GetValueOrDefault("FromUserName") != Settings.OriginalId)
            throw new InvalidOperationException("The passive reply is addressed wrongly.");
        if (fields.GetValueOrDefault("MsgType") != "text") throw new InvalidOperationException("Only text replies are simulated.");
        return fields.GetValueOrDefault("Content") ?? "";
    }

    /// <summary>The same, over HTTP, for scripts/dev: <c>POST /sim/followers/{openId}/text</c> <c>{"text":…}</c>, <c>…/follow</c>, <c>…/location</c>, <c>GET …/inbox</c>.</summary>
    private static void MapPhoneApi(WebApplication app, Func<WeChatSimulator> sim)
    {
        var followers = app.MapGroup("/sim/followers/{openId}");
        followers.MapPost("/follow", async (string openId) => Results.Json(await sim().FollowAsync(openId)));
        followers.MapPost("/unfollow", async (string openId) => Results.Json(await sim().UnfollowAsync(openId)));
        followers.MapPost("/text", async (string openId, JsonObject body) => Results.Json(await sim().TextAsync(openId, (string?)body["text"] ?? "")));
        followers.MapPost("/voice", async (string openId, JsonObject body) => Results.Json(await sim().VoiceAsync(openId, (string?)body["text"])));
        followers.MapPost("/location", async (string openId, JsonObject body) =>
            Results.Json(await sim().LocationAsync(openId, (double?)body["latitude"] ?? 0, (double?)body["longitude"] ?? 0, (string?)body["label"] ?? "")));
        followers.MapPost("/image", async (string openId, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Json(await sim().ImageAsync(openId, buffer.ToArray()));
        });
        followers.MapPost("/consent", async (string openId, JsonObject body) =>
            Results.Json(await sim().ConsentAsync(openId, (string?)body["templateId"] ?? "", (bool?)body["accept"] ?? true)));
        followers.MapGet("/inbox", (string openId) => Results.Json(sim().Inbox(openId)));
    }
}
