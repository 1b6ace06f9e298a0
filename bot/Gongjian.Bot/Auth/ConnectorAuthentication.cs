using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gongjian.Bot.Auth;

/// <summary>Why an inbound token was refused: 401 (not a valid Bot Connector token) or 403 (valid, but not for this bot or channel).</summary>
public sealed record AuthFailure(int Status, string Code, string Title);

/// <summary>
/// Validates the Bot Connector's JWT on /api/messages: signing keys from the OpenID metadata
/// (refreshed on an unknown key id), issuer <c>https://api.botframework.com</c> (or the China cloud's), audience = app id,
/// lifetime with 5 minutes of skew, RS256 only. The activity-specific checks (<c>serviceurl</c>
/// claim, key endorsements) follow in <see cref="CheckActivity"/>.
/// </summary>
public sealed class ConnectorAuthentication
{
    private readonly BotOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<ConnectorAuthentication> _log;

    public ConnectorAuthentication(IOptions<BotOptions> options, ILogger<ConnectorAuthentication> log)
    {
        _options = options.Value;
        _log = log;
        var retriever = new HttpDocumentRetriever { RequireHttps = _options.MetadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.MetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        if (_options.AllowAnonymous && !string.IsNullOrEmpty(_options.AppId))
            log.LogWarning("Bot:AllowAnonymous is ignored because Bot:AppId is set: replies carry the bot's token, so every activity must be authenticated");
    }

    public sealed record Validated(JsonWebToken Token, OpenIdConnectConfiguration Metadata);

    /// <summary>
    /// Unauthenticated activities are taken only when explicitly allowed and the bot has no app id:
    /// replies go to whatever serviceUrl an activity names, and with an app id they would carry its token.
    /// </summary>
    public bool AcceptsAnonymous => _options.AllowAnonymous && string.IsNullOrEmpty(_options.AppId);

    /// <returns>The validated token, or why it was refused.</returns>
    public async Task<(Validated? Token, AuthFailure? Failure)> ValidateAsync(string? bearer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(bearer))
            return (null, new AuthFailure(401, "authentication_required", "缺少 Bot Connector 令牌（Authorization: Bearer）。"));
        if (string.IsNullOrEmpty(_options.AppId))
            return (null, new AuthFailure(401, "bot_not_configured", "机器人未配置 Bot:AppId，无法验证令牌。"));
        for (var attempt = 1; ; attempt++)
        {
            var metadata = await _metadata.GetConfigurationAsync(ct);
            var result = await _handler.ValidateTokenAsync(bearer, Parameters(metadata));
            if (result.IsValid) return (new Validated((JsonWebToken)result.SecurityToken, metadata), null);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && attempt == 1)
            {
                _metadata.RequestRefresh(); // keys roll over; fetch them once more before refusing
                continue;
            }
            _log.LogWarning("Bot Connector token refused: {Reason}", result.Exception?.GetType().Name);
            return (null, result.Exception is SecurityTokenInvalidAudienceException
                ? new AuthFailure(403, "wrong_audience", "令牌不是签发给本机器人的。")
                : new AuthFailure(401, "invalid_token", "Bot Connector 令牌无效或已过期。"));
        }
    }

    /// <summary>The token must name the activity's serviceUrl, and a key endorsed for channels must endorse this one.</summary>
    public static AuthFailure? CheckActivity(Validated validated, string? serviceUrl, string? channelId)
    {
        var claimed = validated.Token.TryGetClaim("serviceurl", out var claim) ? claim.Value : null;
        if (claimed is null || serviceUrl is null || !string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return new AuthFailure(403, "service_url_mismatch", "令牌中的 serviceurl 与消息不一致。");
        var key = validated.Metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == validated.Token.Kid);
        if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var raw) && Endorsements(raw) is { Count: > 0 } endorsed
            && (channelId is null || !endorsed.Contains(channelId, StringComparer.OrdinalIgnoreCase)))
            return new AuthFailure(403, "channel_not_endorsed", "签名密钥未授权该渠道。");
        return null;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuer = _options.Connector.Issuer,
        ValidAudience = _options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = metadata.SigningKeys,
    };

    private static List<string> Endorsements(object raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")],
        IEnumerable<object> items => [.. items.Select(i => i?.ToString() ?? "")],
        _ => [],
    };
}
