using System.Globalization;
using Gongjian.Bot.DirectLine;
using Gongjian.Bot.Http;
using Gongjian.Bot.WeChat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// The WeCom app's callback URL (接收消息服务器 URL), <c>/api/wecom</c>. WeCom signs every request with
/// <c>msg_signature</c> = SHA-1 of (Token, timestamp, nonce, ciphertext) and encrypts with the EncodingAESKey, the CorpID
/// as ReceiveId. GET: the URL check — <c>echostr</c> decrypted and sent back. POST: a member's message or a card tap —
/// signature and timestamp checked, the body read (≤ 64 KiB) and parsed without DTD, <c>Encrypt</c> opened (the CorpID
/// inside must be ours, the AgentID ours), then handed to <see cref="WeComReceiver"/>; the answer is an empty 200
/// (every reply goes out through the message API).
/// </summary>
public static class WeComEndpoint
{
    public static IResult Verify(HttpContext context, IOptions<WeComOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        if (!o.IsConfigured) return NotConfigured();
        var q = context.Request.Query;
        var echo = q["echostr"].ToString();
        if (echo.Length is 0 or > 1024) return BotProblem.BadRequest("invalid_echostr", "缺少 echostr 参数。", "echostr");
        if (Check(q, o, clock, echo) is { } refused) return refused;
        return new WeChatCrypto(o.EncodingAesKey!, o.CorpId!).TryDecrypt(echo, out var plain) switch
        {
            WeChatCryptoFailure.None => Results.Text(plain, "text/plain; charset=utf-8"),
            WeChatCryptoFailure.WrongApp => BotProblem.Forbidden("wrong_corp", "这条请求不是发给本企业的。"),
            _ => BotProblem.BadRequest("decrypt_failed", "echostr 无法解密。"),
        };
    }

    public static async Task<IResult> Receive(HttpContext context, IOptions<WeComOptions> options, IOptions<BotOptions> bot, TimeProvider clock, WeComReceiver receiver)
    {
        var o = options.Value;
        if (!o.IsConfigured) return NotConfigured();
        var body = await WeChatEndpoint.ReadBodyAsync(context);
        if (body is null) return new BotProblem(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"消息过大（最多 {WeChatEndpoint.MaxBodyBytes / 1024} KB）。");
        var outer = WeChatXml.Read(body);
        if (outer is null) return BotProblem.BadRequest("invalid_xml", "消息不是有效的企业微信 XML。");
        if (outer.GetValueOrDefault("Encrypt") is not { Length: > 0 } encrypted) return BotProblem.BadRequest("encryption_required", "企业微信的消息必须加密。");
        if (Check(context.Request.Query, o, clock, encrypted) is { } refused) return refused;
        string plain;
        switch (new WeChatCrypto(o.EncodingAesKey!, o.CorpId!).TryDecrypt(encrypted, out plain))
        {
            case WeChatCryptoFailure.None: break;
            case WeChatCryptoFailure.WrongApp: return BotProblem.Forbidden("wrong_corp", "这条消息不是发给本企业的。");
            default: return BotProblem.BadRequest("decrypt_failed", "消息无法解密。");
        }
        var fields = WeChatXml.Read(plain);
        if (fields is null) return BotProblem.BadRequest("invalid_xml", "解密后的消息不是有效的企业微信 XML。");
        if (fields.GetValueOrDefault("AgentID") is { Length: > 0 } agent && agent != o.AgentId)
            return BotProblem.Forbidden("wrong_agent", "这条消息不是发给本应用的。");
        if (WeComInbound.Read(fields, o.CorpId!, DirectLineInbox.BotAccount(bot.Value)) is not { } inbound)
            return BotProblem.BadRequest("invalid_message", "消息缺少 FromUserName、MsgType、CreateTime，或卡片事件缺少 EventKey、TaskId。");
        return await receiver.ReceiveAsync(inbound, context.RequestAborted) switch
        {
            WeComReceipt.Busy => new BotProblem(StatusCodes.Status503ServiceUnavailable, "busy", "系统繁忙，请稍后重试。"),
            _ => Results.Text("", "text/plain; charset=utf-8"),
        };
    }

    /// <summary><c>msg_signature</c> over (Token, timestamp, nonce, <paramref name="encrypted"/>) and a timestamp near now; null when both hold.</summary>
    private static BotProblem? Check(IQueryCollection q, WeComOptions o, TimeProvider clock, string encrypted)
    {
        var timestamp = q["timestamp"].ToString();
        var nonce = q["nonce"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || nonce.Length is 0 or > 64)
            return BotProblem.BadRequest("invalid_signature_parameters", "缺少或无效的 timestamp、nonce 参数。");
        if (!WeChatSignature.Matches(q["msg_signature"], o.Token!, timestamp, nonce, encrypted))
            return BotProblem.Unauthorized("bad_msg_signature", "消息签名（msg_signature）不正确。");
        if (Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > o.MaxClockSkew.TotalSeconds)
            return BotProblem.Forbidden("stale_timestamp", "消息时间戳已过期，请求被拒绝。");
        return null;
    }

    private static BotProblem NotConfigured() => BotProblem.NotFound("wecom_not_configured", "本服务未开通企业微信应用。");
}
