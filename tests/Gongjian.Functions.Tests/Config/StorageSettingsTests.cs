using Azure.Identity;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Configuration;

namespace Gongjian.Functions.Tests.Config;

/// <summary>AzureWebJobsStorage read the way the Functions host reads it: a connection string, or the identity-based form.</summary>
public sealed class StorageSettingsTests
{
    private const string ClientId = "5f0e1b9c-7f2a-4a53-9a2b-3c1d2e4f5a6b";

    private static StorageSettings From(params (string Key, string? Value)[] pairs) =>
        StorageSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)))
            .Build());

    [Fact]
    public void Connection_string_is_used_as_is()
    {
        var settings = From(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        Assert.Equal("UseDevelopmentStorage=true", settings.ConnectionString);
        Assert.False(settings.UsesIdentity);
    }

    [Fact]
    public void Service_uris_with_a_user_assigned_identity_are_read()
    {
        var settings = From(
            ("AzureWebJobsStorage:blobServiceUri", "https://gjstore.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://gjstore.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://gjstore.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", ClientId));

        Assert.Null(settings.ConnectionString);
        Assert.True(settings.UsesIdentity);
        Assert.Equal(new Uri("https://gjstore.blob.core.windows.net"), settings.BlobServiceUri);
        Assert.Equal(new Uri("https://gjstore.queue.core.windows.net"), settings.QueueServiceUri);
        Assert.Equal(new Uri("https://gjstore.table.core.windows.net"), settings.TableServiceUri);
        Assert.Equal(ClientId, settings.ManagedIdentityClientId);
        Assert.IsType<ManagedIdentityCredential>(settings.CreateCredential());
    }

    [Fact]
    public void Account_name_alone_gives_the_three_public_endpoints()
    {
        var settings = From(("AzureWebJobsStorage:accountName", "gjstore"));

        Assert.True(settings.UsesIdentity);
        Assert.Equal(new Uri("https://gjstore.blob.core.windows.net"), settings.BlobServiceUri);
        Assert.Equal(new Uri("https://gjstore.queue.core.windows.net"), settings.QueueServiceUri);
        Assert.Equal(new Uri("https://gjstore.table.core.windows.net"), settings.TableServiceUri);
        Assert.Null(settings.ManagedIdentityClientId);
    }

    [Fact]
    public void Managed_identity_without_a_client_id_uses_the_system_assigned_identity()
    {
        var settings = From(("AzureWebJobsStorage:accountName", "gjstore"), ("AzureWebJobsStorage:credential", "managedidentity"));

        // credential=managedidentity asks for a managed identity, not for whatever DefaultAzureCredential finds first.
        Assert.IsType<ManagedIdentityCredential>(settings.CreateCredential());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Missing_configuration_names_the_setting(string? connectionString)
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(("AzureWebJobsStorage", connectionString)));
        Assert.Contains("AzureWebJobsStorage", e.Message);
    }

    [Fact]
    public void Only_some_service_uris_is_not_enough()
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(
            ("AzureWebJobsStorage:blobServiceUri", "https://gjstore.blob.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://gjstore.table.core.windows.net")));
        Assert.Contains("queueServiceUri", e.Message);
    }

    [Fact]
    public void Other_credential_kind_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(
            ("AzureWebJobsStorage:accountName", "gjstore"), ("AzureWebJobsStorage:credential", "something-else")));
        Assert.Contains("AzureWebJobsStorage__credential", e.Message);
        Assert.Contains("something-else", e.Message);
    }

    [Fact]
    public void Double_underscore_environment_variables_work()
    {
        var prefix = $"GJTEST{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__accountName"] = "gjenv",
            ["AzureWebJobsStorage__tableServiceUri"] = "https://gjenv-secondary.table.core.windows.net/",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = ClientId,
        };
        try
        {
            foreach (var (k, v) in variables) Environment.SetEnvironmentVariable(prefix + k, v);
            var settings = StorageSettings.From(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());

            Assert.True(settings.UsesIdentity);
            Assert.Equal(new Uri("https://gjenv.blob.core.windows.net"), settings.BlobServiceUri);
            Assert.Equal(new Uri("https://gjenv-secondary.table.core.windows.net/"), settings.TableServiceUri);
            Assert.Equal(ClientId, settings.ManagedIdentityClientId);
        }
        finally
        {
            foreach (var k in variables.Keys) Environment.SetEnvironmentVariable(prefix + k, null);
        }
    }
}
