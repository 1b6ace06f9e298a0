using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gongjian.Functions.Access;

namespace Gongjian.Functions.Storage;

/// <summary>
/// An Idempotency-Key in the scope of the caller who sent it: a staff key (role, scope and key id)
/// or the anonymous resident. The same text from two callers is two different keys, so one caller
/// can neither collide with another's key nor be answered with another's order.
/// Neither the key nor the scope is stored. The row key is a SHA-256 of both; the secret that seals
/// the tracking code (AES-GCM) and names the photos is derived from them with HKDF, so a copy of
/// the table reveals no tracking code; only a request bearing the key (and the same body) is answered with it.
/// </summary>
public sealed class IdempotencyKey
{
    public const string AnonymousResident = "resident";
    private const int NonceBytes = 12, TagBytes = 16;
    private readonly byte[] _material;

    private IdempotencyKey(string scope, string value)
    {
        Scope = scope;
        _material = Encoding.UTF8.GetBytes($"{scope}\n{value}");
        RowKey = Convert.ToHexStringLower(SHA256.HashData([.. "row\n"u8, .. _material]));
    }

    public static IdempotencyKey For(Caller? caller, string value) => new(
        caller is null ? AnonymousResident : $"staff:{Caller.RoleCode(caller.Role)}:{caller.Scope}:{caller.KeyId}", value);

    /// <summary>An Open311 client app's key (its api_key's id): apps never share a scope with each other or with residents.</summary>
    public static IdempotencyKey ForOpen311Client(string keyId, string value) => new($"open311:{keyId}", value);

    /// <summary>The bot's key for placing one wish (its draft id and content): a scope no HTTP caller has.</summary>
    public static IdempotencyKey ForBotDraft(string value) => new("bot-draft", value);

    /// <summary>格事坊's 转为派单 of a report at a version: a retry after a crash between the order and the report finds the same order.</summary>
    public static IdempotencyKey ForGridReport(string reportId, int version) => new("grid-report", $"{reportId}:{version}");

    /// <summary>
    /// A command's message id (already scoped to its sender: an Idempotency-Key with the caller and path, or a chat's draft)
    /// standing for the id of the instance it creates in <paramref name="module"/> (<see cref="MessageInstanceIds"/>).
    /// </summary>
    public static IdempotencyKey ForMessage(string module, string messageId) => new("message", $"{module}:{messageId}");

    public string Scope { get; }

    /// <summary>PartitionKey and RowKey of the reservation (64 hex digits: no key character ever reaches a table key).</summary>
    public string RowKey { get; }

    /// <summary>SHA-256 of the scope and the request as the API understood it (canonical JSON: spacing and field order do not matter).</summary>
    public string Fingerprint<T>(T request, JsonTypeInfo<T> type)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            hashing.Write(Encoding.UTF8.GetBytes(Scope + "\n"));
            JsonSerializer.Serialize(hashing, request, type);
        }
        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>The tracking code, encrypted and bound to the order id (nonce ‖ ciphertext ‖ tag, base64).</summary>
    public string Seal(string orderId, string trackingCode)
    {
        var plain = Encoding.UTF8.GetBytes(trackingCode);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Secret("tracking-code"), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(orderId));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The tracking code <see cref="Seal"/> sealed; throws <see cref="CryptographicException"/> if the row was altered.</summary>
    public string Open(string orderId, string sealedCode)
    {
        var sealedBytes = Convert.FromBase64String(sealedCode);
        if (sealedBytes.Length < NonceBytes + TagBytes) throw new CryptographicException("Sealed tracking code is too short.");
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Secret("tracking-code"), TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(orderId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// The blob name stem of photo <paramref name="index"/> of the order this key placed. Every attempt
    /// under the key writes the same names, so a retry that completes the order leaves no second set.
    /// </summary>
    public string PhotoStem(string orderId, int index) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Secret("photo-names"), Encoding.UTF8.GetBytes($"{orderId}/{index}")).AsSpan(0, 8));

    private byte[] Secret(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
}
