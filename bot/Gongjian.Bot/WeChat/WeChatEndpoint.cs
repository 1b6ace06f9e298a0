using System.Globalization;
using System.Text;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// The Official Account's server URL (服务器地址), <c>/api/wechat</c>. GET: the URL check — a valid
/// <c>signature</c> gets its <c>echostr</c> back. POST: a resident's message — the signature and timestamp
/// are checked on every request, the body is read (≤ 64 KiB) and parsed safely, in safe mode its
/// <c>msg_signature</c> checked and <c>Encrypt</c> opened (the AppID inside must be ours), then the message goes
/// to the bot and the answer comes back as passive XML (encrypted in safe mode) or <c>success</c>.
/// </summary>
public static class WeChatEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IResult Verify(HttpContext context, IOptions<WeChatOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        if (!o.IsConfigured) return NotConfigured();
        var q = context.Request.Query;
        if (Check(q, o, clock) is { } refused) return refused;
        var echo = q["echostr"].ToString();
        if (echo.Length is 0 or > 256) return BotProblem.BadRequest("invalid_echostr", "缺少 echostr 参数。", "echostr");
        return Results.Text(echo, "text/plain; charset=utf-8");
    }

    public static async Task<IResult> Receive(HttpContext context, IOptions<WeChatOptions> options, IOptions<BotOptions> bot, TimeProvider clock, WeChatReceiver receiver)
    {
        var o = options.Value;
        if (!o.IsConfigured) return NotConfigured();
        var q = context.Request.Query;
        if (Check(q, o, clock) is { } refused) return refused;
        var body = await ReadBodyAsync(context);
        if (body is null) return new BotProblem(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"消息过大（最多 {MaxBodyBytes / 1024} KB）。");
        var fields = WeChatXml.Read(body);
        if (fields is null) return BotProblem.BadRequest("invalid_xml", "消息不是有效的微信 XML。");

        WeChatCrypto? crypto = null;
        if (o.IsSafeMode)
        {
            if (q["encrypt_type"].ToString() != "aes" || fields.GetValueOrDefault("Encrypt") is not { Length: > 0 } encrypted)
                return BotProblem.BadRequest("encryption_required", "本公众号使用安全模式，消息必须加密。");
            if (!WeChatSignature.Matches(q["msg_signature"], o.Token!, q["timestamp"]!, q["nonce"]!, encrypted))
                return BotProblem.Unauthorized("bad_msg_signature", "消息签名（msg_signature）不正确。");
            crypto = new WeChatCrypto(o.EncodingAesKey!, o.AppId!);
            switch (crypto.TryDecrypt(encrypted, out var plain))
            {
                case WeChatCryptoFailure.None:
                    fields = WeChatXml.Read(plain);
                    if (fields is null) return BotProblem.BadRequest("invalid_xml", "解密后的消息不是有效的微信 XML。");
                    break;
                case WeChatCryptoFailure.WrongApp:
                    return BotProblem.Forbidden("wrong_app", "这条消息不是发给本公众号的。");
                default:
                    return BotProblem.BadRequest("decrypt_failed", "消息无法解密。");
            }
        }
        var account = DirectLineInbox.BotAccount(bot.Value);
        if (WeChatInbound.Read(fields, o.AppId!, account) is not { } inbound)
            return BotProblem.BadRequest("invalid_message", "消息缺少 FromUserName、MsgType 或 CreateTime。");

        var replies = await receiver.ReceiveAsync(inbound, context.RequestAborted);
        if (replies is null or { Count: 0 }) return Results.Text("success", "text/plain; charset=utf-8");
        var reply = WeChatXml.Write(
        [
            ("ToUserName", inbound.OpenId, true),
            ("FromUserName", fields.GetValueOrDefault("ToUserName") ?? "", true),
            ("CreateTime", clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), false),
            ("MsgType", "text", true),
            ("Content", string.Join("\n\n", replies), true),
        ]);
        if (crypto is not null) reply = Seal(crypto, o.Token!, reply, clock);
        return Results.Text(reply, "text/xml; charset=utf-8");
    }

    /// <summary>A passive reply in safe mode: the XML encrypted, with its own signature, timestamp and nonce.</summary>
    public static string Seal(WeChatCrypto crypto, string token, string xml, TimeProvider clock)
    {
        var encrypted = crypto.Encrypt(xml);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return WeChatXml.Write(
        [
            ("Encrypt", encrypted, true),
            ("MsgSignature", WeChatSignature.Compute(token, timestamp, nonce, encrypted), true),
            ("TimeStamp", timestamp, false),
            ("Nonce", nonce, true),
        ]);
    }

    /// <summary>The request's <c>signature</c> over (token, timestamp, nonce) and a timestamp near now; null when both hold.</summary>
    private static BotProblem? Check(IQueryCollection q, WeChatOptions o, TimeProvider clock)
    {
        var timestamp = q["timestamp"].ToString();
        var nonce = q["nonce"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || nonce.Length is 0 or > 64)
            return BotProblem.BadRequest("invalid_signature_parameters", "缺少或无效的 timestamp、nonce 参数。");
        if (!WeChatSignature.Matches(q["signature"], o.Token!, timestamp, nonce))
            return BotProblem.Unauthorized("bad_signature", "签名（signature）不正确。");
        var age = clock.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > o.MaxClockSkew.TotalSeconds)
            return BotProblem.Forbidden("stale_timestamp", "消息时间戳已过期，请求被拒绝。");
        return null;
    }

    /// <summary>The body as UTF-8 text (not UTF-8: empty, refused later as XML), or null when it is over <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes + 1;
        if (context.Request.ContentLength > MaxBodyBytes) return null;
        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted)) > 0) read += n;
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return null; }
        if (read > MaxBodyBytes) return null;
        try { return new UTF8Encoding(false, true).GetString(buffer, 0, read); }
        catch (DecoderFallbackException) { return ""; } // not UTF-8: refused as invalid XML
    }

    private static BotProblem NotConfigured() => BotProblem.NotFound("wechat_not_configured", "本服务未开通微信公众号。");
}
