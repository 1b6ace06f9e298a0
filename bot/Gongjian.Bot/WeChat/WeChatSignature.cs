using System.Security.Cryptography;
using System.Text;

namespace Gongjian.Bot.WeChat;

/// <summary>
/// WeChat's request signatures: the SHA-1 (lower-case hex) of the parts sorted by ordinal and joined
/// without separator — <c>signature</c> over (token, timestamp, nonce), <c>msg_signature</c> over
/// (token, timestamp, nonce, Encrypt). Compared in fixed time.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public static bool Matches(string? given, params string[] parts)
    {
        if (given is not { Length: 40 }) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }
}
