using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gongjian.Functions.Tests.Fuzz;

/// <summary>Credentials that must open nothing: forged, malformed, revoked, expired or for something else.</summary>
public sealed class FuzzCredentials
{
    /// <summary>Any route: bearer values that are no key at all, or a key that was revoked (entries starting "Basic " go as they are).</summary>
    public required IReadOnlyList<string> Forged { get; init; }
    public required IReadOnlyList<string> ForgedDirectLine { get; init; }
    public required IReadOnlyList<string> ForgedConnector { get; init; }
    /// <summary>A genuine token of a conversation never started: forged only where the route names another conversation.</summary>
    public required string OtherConversation { get; init; }

    public static FuzzCredentials Make(string revokedStaffKey, string expiredToken, string otherConversationToken, string validToken)
    {
        var tampered = validToken[..^2] + (validToken[^2] == 'A' ? "BB" : "AA");
        return new FuzzCredentials
        {
            Forged =
            [
                "", "x", "gjk_", "gjk_" + new string('A', 43), "gjk_" + new string('A', 200), revokedStaffKey, revokedStaffKey[..^1],
                "Basic dXNlcjpwYXNz", "Basic", "null", "undefined", new string('z', 8000), "gjk_../../etc/passwd", "工作人员",
            ],
            OtherConversation = otherConversationToken,
            ForgedDirectLine = [expiredToken, otherConversationToken, tampered, "dl1.", "dl1.a.b", "dl1." + validToken, validToken.Replace("dl1.", "dl2."), "dl1.e30.AAAA"],
            ForgedConnector = Jwts(),
        };
    }

    /// <summary>Tokens shaped like the Bot Connector's but signed by nobody it trusts, unsigned, expired or garbled.</summary>
    private static string[] Jwts()
    {
        var handler = new JsonWebTokenHandler();
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "forged-key" };
        string Signed(DateTime expires, string audience) => handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com", Audience = audience, Expires = expires, NotBefore = expires.AddHours(-2), IssuedAt = expires.AddHours(-2),
            Claims = new Dictionary<string, object> { ["serviceurl"] = "http://127.0.0.1:1" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var unsigned = $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64("{\"iss\":\"https://api.botframework.com\",\"aud\":\"x\"}")}.";
        return
        [
            Signed(DateTime.UtcNow.AddHours(1), "fuzz-app"), Signed(DateTime.UtcNow.AddDays(-1), "fuzz-app"), Signed(DateTime.UtcNow.AddHours(1), "someone-else"),
            unsigned, "a.b.c", "eyJ.eyJ.", "...", B64("{\"alg\":\"HS256\"}") + "." + B64("{}") + "." + B64("sig"),
        ];
    }
}
