using System.Security.Cryptography;
using System.Text;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Access;

/// <summary>
/// The engine's message id for a request that carries an Idempotency-Key: the key scoped to its caller (a staff key's id,
/// or the public) and to the path, so the same key sent by another caller or to another operation is another message.
/// Null without a key. Every module's HTTP commands use it (a retry answers the first result).
/// </summary>
public static class RequestMessageId
{
    public static string? Of(HttpContext context)
    {
        if (IdempotencyKeyHeader.Read(context) is not { } key) return null;
        var who = context.Caller()?.KeyId ?? "public";
        return "k-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{who}\n{context.Request.Path}\n{key}")))[..32];
    }
}
