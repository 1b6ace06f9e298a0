namespace Gongjian.Bot.WeChat;

/// <summary>
/// Configuration section <c>WeChat</c>: one WeChat Official Account (公众号). In Azure the four values are
/// Key Vault references (infra-bicep: <c>WeChat__AppId</c>, <c>WeChat__AppSecret</c>, <c>WeChat__Token</c>, <c>WeChat__EncodingAesKey</c>).
/// Without <see cref="AppId"/> and <see cref="Token"/> the endpoint answers 404 (not configured); a reference App Service
/// could not resolve (the secret not set yet: the value is still <c>@Microsoft.KeyVault(…)</c>) counts as not set.
/// </summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    /// <summary>The 令牌 (Token) filled in on the admin page: the key of every request signature.</summary>
    public string? Token { get; set; }
    /// <summary>
    /// The 消息加解密密钥 (43 characters). When set, only safe-mode (encrypted) messages are accepted and
    /// every passive reply is encrypted; when empty, plain mode.
    /// </summary>
    public string? EncodingAesKey { get; set; }
    /// <summary>Where the WeChat API lives; the local simulator's address in development and tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";
    /// <summary>How far a request's timestamp may be from this server's clock (a replayed or stale request is refused).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// How long a message waits for the bot's answer to go back in the response (WeChat gives up after 5 s);
    /// after it, WeChat is answered <c>success</c> and the answer goes out as a customer-service message.
    /// </summary>
    public TimeSpan PassiveReplyBudget { get; set; } = TimeSpan.FromMilliseconds(4000);
    /// <summary>How long after a resident's last message customer-service messages may be sent (WeChat: 48 h).</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(48);
    /// <summary>The 订阅通知 template for order updates outside the window (one the resident agreed to); none: no update outside it.</summary>
    public string? SubscribeTemplateId { get; set; }
    /// <summary>The template's fields: a <c>thing</c> (≤ 20 characters) for the update and a <c>time</c> for when.</summary>
    public string SubscribeTextField { get; set; } = "thing1";
    public string SubscribeTimeField { get; set; } = "time2";

    /// <summary>AppID and Token set, and the AES key either absent (plain mode) or a valid one (an unresolved reference is neither).</summary>
    public bool IsConfigured => Set(AppId) && Set(Token) && (string.IsNullOrEmpty(EncodingAesKey) || WeChatCrypto.KeyOf(EncodingAesKey) is not null);
    public bool IsSafeMode => Set(EncodingAesKey);

    /// <summary>A value, not empty and not an unresolved Key Vault reference.</summary>
    public static bool Set(string? value) => value is { Length: > 0 } && !value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
