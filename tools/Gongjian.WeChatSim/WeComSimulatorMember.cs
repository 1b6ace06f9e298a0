using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gongjian.Bot.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gongjian.WeChatSim;

/// <summary>How WeCom's post of one callback went: the HTTP status and the body (a problem's JSON when refused).</summary>
public sealed record WeComPost(int Status, string Body, Uri Url, string RequestBody);

/// <summary>The members' side: what WeCom posts to the app's callback URL when a member writes, sends a picture or taps a card's button.</summary>
public sealed partial class WeComSimulator
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };
    private long _nextMsgId = 7_000_000_000_000_000_000;

    public Task<WeComPost> TextAsync(string userId, string text)
    {
        Add(new WeComReceived(userId, WeComReceived.Member, text));
        return MessageAsync(userId, "text", [("Content", text, true)]);
    }

    public Task<WeComPost> ImageAsync(string userId, byte[] picture)
    {
        Add(new WeComReceived(userId, WeComReceived.Member, "（发送了一张照片）"));
        var mediaId = "wwmedia_" + Guid.NewGuid().ToString("N");
        _media[mediaId] = picture;
        return MessageAsync(userId, "image", [("PicUrl", new Uri(BaseAddress, "/sim/wecom/pic/" + mediaId).ToString(), true), ("MediaId", mediaId, true)]);
    }

    /// <summary>The member sends a location (企业微信 位置消息: Location_X latitude, Location_Y longitude, Label).</summary>
    public Task<WeComPost> LocationAsync(string userId, double latitude, double longitude, string label)
    {
        Add(new WeComReceived(userId, WeComReceived.Member, $"（发送了位置：{label}）"));
        return MessageAsync(userId, "location",
        [
            ("Location_X", latitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), false),
            ("Location_Y", longitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), false),
            ("Scale", "15", false), ("Label", label, true),
        ]);
    }

    /// <summary>The member taps the button labelled <paramref name="label"/> on the card <paramref name="taskId"/> they received.</summary>
    public Task<WeComPost> TapAsync(string userId, string taskId, string label)
    {
        JsonObject card;
        lock (_gate)
        {
            if (!_cards.TryGetValue(taskId, out var sent) || sent.UserId != userId) throw new InvalidOperationException("The member has no such card.");
            card = sent.Card;
        }
        var key = (string?)card["button_list"]!.AsArray().FirstOrDefault(b => (string?)b?["text"] == label)?["key"]
            ?? throw new InvalidOperationException($"The card has no button “{label}”.");
        Add(new WeComReceived(userId, WeComReceived.Member, $"（在卡片上点了“{label}”）", taskId));
        return PostAsync(CardEventXml(userId, taskId, key));
    }

    /// <summary>A card event as WeCom would post it for any task and key (a new response code is handed out for it).</summary>
    public string CardEventXml(string userId, string taskId, string key)
    {
        var code = "rc_" + Guid.NewGuid().ToString("N");
        lock (_gate) _responseCodes[code] = taskId;
        return Xml(userId, "event",
        [
            ("Event", "template_card_event", true), ("EventKey", key, true), ("TaskId", taskId, true),
            ("CardType", "button_interaction", true), ("ResponseCode", code, true),
        ]);
    }

    /// <summary>The last card the member received (its task id).</summary>
    public string LastCard(string userId) => Inbox(userId).Last(r => r.Kind == WeComReceived.TemplateCard).TaskId!;

    private Task<WeComPost> MessageAsync(string userId, string type, IReadOnlyList<(string, string, bool)> fields)
    {
        var msgId = Interlocked.Increment(ref _nextMsgId).ToString(CultureInfo.InvariantCulture);
        return PostAsync(Xml(userId, type, [.. fields, ("MsgId", msgId, false)]));
    }

    /// <summary>An inbound callback's plain XML, as WeCom writes it.</summary>
    public string Xml(string userId, string type, IEnumerable<(string, string, bool)> fields) => WeChatXml.Write(
    [
        ("ToUserName", Settings.CorpId, true), ("FromUserName", userId, true),
        ("CreateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), false), ("MsgType", type, true),
        .. fields, ("AgentID", Settings.AgentId, false),
    ]);

    /// <summary>
    /// The request WeCom would make for <paramref name="plainXml"/>: encrypted with the corp's key (ReceiveId = CorpID), the URL with
    /// msg_signature, timestamp and nonce. <paramref name="token"/> signs instead of the app's Token (a forger's guess).
    /// </summary>
    public (Uri Url, string Body) Request(string plainXml, long? timestamp = null, string? token = null, string? receiveId = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var encrypted = new WeChatCrypto(Settings.EncodingAesKey, receiveId ?? Settings.CorpId).Encrypt(plainXml);
        var body = WeChatXml.Write([("ToUserName", Settings.CorpId, true), ("AgentID", Settings.AgentId, false), ("Encrypt", encrypted, true)]);
        var signature = WeChatSignature.Compute(token ?? Settings.Token, ts, nonce, encrypted);
        return (new Uri($"{ServerUrl}?msg_signature={signature}&timestamp={ts}&nonce={nonce}"), body);
    }

    /// <summary>The URL check WeCom makes when the admin saves the callback URL: the app must answer the decrypted echostr.</summary>
    public async Task<(int Status, string Body, string Expected)> VerifyUrlAsync()
    {
        var expected = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = "1372623149";
        var echo = new WeChatCrypto(Settings.EncodingAesKey, Settings.CorpId).Encrypt(expected);
        var url = $"{ServerUrl}?msg_signature={WeChatSignature.Compute(Settings.Token, ts, nonce, echo)}&timestamp={ts}&nonce={nonce}&echostr={Uri.EscapeDataString(echo)}";
        using var response = await Http.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), expected);
    }

    public async Task<WeComPost> PostAsync(string plainXml, long? timestamp = null, string? token = null, string? receiveId = null)
    {
        var (url, body) = Request(plainXml, timestamp, token, receiveId);
        return await SendAsync(url, body);
    }

    /// <summary>Posts a request exactly as before (a replay: WeCom's retry, or someone who recorded it).</summary>
    public Task<WeComPost> ReplayAsync(WeComPost earlier) => SendAsync(earlier.Url, earlier.RequestBody);

    private static async Task<WeComPost> SendAsync(Uri url, string body)
    {
        using var response = await Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
        return new WeComPost((int)response.StatusCode, await response.Content.ReadAsStringAsync(), url, body);
    }

    /// <summary>The same, over HTTP, for scripts/dev: <c>POST /sim/wecom/members/{userId}/text</c> <c>{"text":…}</c>, <c>…/tap</c> <c>{"label":"接单"}</c> (the last card), <c>GET …/inbox</c>.</summary>
    private static void MapMemberApi(WebApplication app, Func<WeComSimulator> sim)
    {
        app.MapGet("/sim/wecom/pic/{id}", (string id) => sim()._media.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Results.NotFound());
        var members = app.MapGroup("/sim/wecom/members/{userId}");
        members.MapPost("/text", async (string userId, JsonObject body) => Results.Json(await sim().TextAsync(userId, (string?)body["text"] ?? "")));
        members.MapPost("/tap", async (string userId, JsonObject body) => Results.Json(await sim().TapAsync(userId, sim().LastCard(userId), (string?)body["label"] ?? "")));
        members.MapPost("/image", async (string userId, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Json(await sim().ImageAsync(userId, buffer.ToArray()));
        });
        members.MapGet("/inbox", (string userId) => Results.Json(sim().Inbox(userId)));
    }
}
