using System.Security.Cryptography;
using System.Text;
using Gongjian.Functions.Access;

namespace Gongjian.Functions.Tests.Privacy;

public sealed class PersonKeysTests
{
    private const string Phone = "13805381234";

    [Fact]
    public void A_key_depends_on_the_secret_and_is_not_the_plain_hash_of_the_phone()
    {
        var a = new PersonKeys(RandomNumberGenerator.GetBytes(32));
        var b = new PersonKeys(RandomNumberGenerator.GetBytes(32));

        Assert.Equal(a.Of(Phone), a.Of(Phone));
        Assert.NotEqual(a.Of(Phone), b.Of(Phone));
        Assert.NotEqual(a.Of(Phone), a.Of("13805381235"));
        Assert.Matches("^[0-9a-f]{16}$", a.Of(Phone));
        // Whoever reads the tables cannot try every mobile number against an unkeyed hash.
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("person:" + Phone)))[..16];
        Assert.NotEqual(plain, a.Of(Phone));
        Assert.False(a.IsDevelopment);
        Assert.True(PersonKeys.Development.IsDevelopment);
    }

    [Fact]
    public void The_setting_is_base64_of_at_least_32_bytes_and_an_unresolved_key_vault_reference_stops_the_start()
    {
        Assert.Null(PersonKeys.Parse(null));
        Assert.Null(PersonKeys.Parse(" "));
        var secret = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(new PersonKeys(secret).Of(Phone), PersonKeys.Parse(Convert.ToBase64String(secret))!.Of(Phone));
        Assert.Throws<InvalidOperationException>(() => PersonKeys.Parse(Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => PersonKeys.Parse("not base64!"));
        var unresolved = Assert.Throws<InvalidOperationException>(() => PersonKeys.Parse("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/person-key-secret/)"));
        Assert.Contains("Key Vault", unresolved.Message);
    }
}
