using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.DirectLine;

public enum TokenCheck { Valid, Missing, Invalid, Expired, OtherConversation }

/// <summary>
/// Direct Line tokens: <c>dl1.{payload}.{signature}</c>, the payload naming one conversation and an
/// expiry, signed with HMAC-SHA256. The key derives from <c>Bot:DirectLine:Secret</c>, so every
/// instance accepts every instance's tokens; without a secret a random key lives as long as the process.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Prefix = "dl1.";
    private readonly byte[] _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _clock;

    public DirectLineTokens(IOptions<BotOptions> options, TimeProvider clock, ILogger<DirectLineTokens> log)
    {
        _options = options.Value.DirectLine;
        _clock = clock;
        if (_options.Secret is { Length: > 0 } secret)
            _key = SHA256.HashData(Encoding.UTF8.GetBytes("gongjian/directline/token/" + secret));
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            log.LogInformation("Bot:DirectLine:Secret is not set: tokens/generate is off and tokens last only as long as this process");
        }
    }

    public TimeSpan Lifetime => _options.TokenLifetime;

    public static string NewConversationId() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 22);

    public string Issue(string conversationId, DateTimeOffset? now = null)
    {
        var expires = (now ?? _clock.GetUtcNow()) + _options.TokenLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, expires.ToUnixTimeSeconds()), DirectLineJson.Default.TokenPayload);
        var body = Base64Url.EncodeToString(payload);
        return $"{Prefix}{body}.{Base64Url.EncodeToString(Sign(body))}";
    }

    /// <summary>Whether <paramref name="bearer"/> is the configured secret (which opens every conversation).</summary>
    public bool IsSecret(string? bearer) =>
        _options.Secret is { Length: > 0 } secret && bearer is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(secret));

    /// <param name="conversationId">The conversation the request is about, or null when any is fine.</param>
    public (TokenCheck Check, string? ConversationId) Check(string? bearer, string? conversationId)
    {
        if (string.IsNullOrEmpty(bearer)) return (TokenCheck.Missing, null);
        if (IsSecret(bearer)) return (TokenCheck.Valid, conversationId);
        var parts = bearer.StartsWith(Prefix, StringComparison.Ordinal) ? bearer[Prefix.Length..].Split('.') : [];
        if (parts.Length != 2 || !TryDecode(parts[1], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0])) || !TryDecode(parts[0], out var json))
            return (TokenCheck.Invalid, null);
        TokenPayload? payload;
        try { payload = JsonSerializer.Deserialize(json, DirectLineJson.Default.TokenPayload); }
        catch (JsonException) { return (TokenCheck.Invalid, null); }
        if (payload is null) return (TokenCheck.Invalid, null);
        if (DateTimeOffset.FromUnixTimeSeconds(payload.Exp) <= _clock.GetUtcNow()) return (TokenCheck.Expired, payload.Conv);
        if (conversationId is not null && conversationId != payload.Conv) return (TokenCheck.OtherConversation, payload.Conv);
        return (TokenCheck.Valid, payload.Conv);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try { bytes = Base64Url.DecodeFromChars(text); return true; }
        catch (FormatException) { bytes = []; return false; }
    }
}

public sealed record TokenPayload(string Conv, long Exp);
