using System.Security.Cryptography;
using System.Text;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Access;

/// <summary>
/// A person's records key (a party member's, a volunteer's): HMAC-SHA256 of their normalised phone under a server-held
/// secret (<c>Privacy:PersonKeySecret</c>, base64 of at least 32 bytes; a Key Vault reference in Azure), cut to 16 hex
/// digits. It names their <c>p-</c> list partitions and their evaluation records, so counts follow a person without their
/// name or phone being stored there. Unlike a plain hash, nobody holding the tables can recover the phone by trying every
/// mobile number: that needs the secret too. Without the setting (local development, tests) the published development
/// secret is used and a warning is logged at start-up.
/// </summary>
public sealed class PersonKeys
{
    private readonly byte[] _secret;

    public PersonKeys(byte[] secret)
    {
        if (secret.Length < 32) throw new InvalidOperationException("Privacy:PersonKeySecret must be at least 32 bytes (base64).");
        _secret = secret;
    }

    /// <summary>The development secret: public, so only for data that is not real.</summary>
    public static readonly PersonKeys Development = new(SHA256.HashData("gongjian-development-person-key"u8));

    public bool IsDevelopment => CryptographicOperations.FixedTimeEquals(_secret, Development._secret);

    /// <summary>The key of a normalised phone (<c>PhoneNumber.TryNormalize</c>).</summary>
    public string Of(string phone) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("person:" + phone)))[..16];

    public static PersonKeys From(IOptions<PrivacyOptions> options, ILogger<PersonKeys> log)
    {
        if (Parse(options.Value.PersonKeySecret) is { } keys) return keys;
        log.LogWarning("Privacy:PersonKeySecret is not set: person keys use the public development secret. Set it (a Key Vault reference) before real data.");
        return Development;
    }

    /// <summary>
    /// The configured keys, or null when the setting is absent. Called at start-up, so a malformed secret or a Key Vault
    /// reference the platform did not resolve (the secret was never set) stops the app instead of failing a claim later.
    /// </summary>
    public static PersonKeys? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
            throw new InvalidOperationException("Privacy:PersonKeySecret is an unresolved Key Vault reference: set the secret in Key Vault (docs/DEPLOY.md, step 6).");
        try { return new PersonKeys(Convert.FromBase64String(text)); }
        catch (FormatException) { throw new InvalidOperationException("Privacy:PersonKeySecret must be base64 (at least 32 bytes)."); }
    }
}
