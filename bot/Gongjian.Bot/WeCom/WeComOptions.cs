using System.Globalization;
using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.WeCom;

/// <summary>
/// Configuration section <c>WeCom</c>: one WeCom self-built app (企业微信自建应用) for member units' liaisons. In Azure
/// the values are Key Vault references (infra-bicep: <c>WeCom__CorpId</c>, <c>WeCom__AgentId</c>, <c>WeCom__Secret</c>,
/// <c>WeCom__Token</c>, <c>WeCom__EncodingAesKey</c>). WeCom always encrypts callbacks: without all five (an unresolved
/// reference counts as not set) the callback URL answers 404 and no card is sent.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";

    /// <summary>企业ID (CorpID): the ReceiveId inside every encrypted callback.</summary>
    public string? CorpId { get; set; }
    /// <summary>The app's AgentId (a number on the app's page).</summary>
    public string? AgentId { get; set; }
    /// <summary>The app's Secret (for <c>/cgi-bin/gettoken</c>).</summary>
    public string? Secret { get; set; }
    /// <summary>The callback's Token (接收消息 → API接收): the key of every <c>msg_signature</c>.</summary>
    public string? Token { get; set; }
    /// <summary>The callback's EncodingAESKey (43 characters).</summary>
    public string? EncodingAesKey { get; set; }
    /// <summary>Where the WeCom API lives; the local simulator's address in development and tests.</summary>
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";
    /// <summary>How far a callback's timestamp may be from this server's clock (a replayed or stale callback is refused).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => WeChatOptions.Set(CorpId) && Agent is not null && WeChatOptions.Set(Secret) && WeChatOptions.Set(Token)
        && WeChatCrypto.KeyOf(EncodingAesKey) is not null;

    /// <summary>The AgentId as the API takes it, or null when it is not a number.</summary>
    public int? Agent => int.TryParse(AgentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
