using Azure.Core;
using Azure.Identity;

namespace Gongjian.Functions.Storage;

/// <summary>
/// Where the storage account is and how to reach it, read the way the Functions host reads
/// <c>AzureWebJobsStorage</c>: a connection string, or the identity-based form
/// (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__credential=managedidentity</c>, <c>__clientId</c>).
/// </summary>
public sealed record StorageSettings
{
    public string? ConnectionString { get; init; }
    public Uri? BlobServiceUri { get; init; }
    public Uri? QueueServiceUri { get; init; }
    public Uri? TableServiceUri { get; init; }
    public string? ManagedIdentityClientId { get; init; }
    /// <summary>Set by <c>__credential=managedidentity</c>: use the app's managed identity, never other credentials.</summary>
    public bool ManagedIdentity { get; init; }
    /// <summary>The Entra authority of developer credentials (<c>DefaultAzureCredential</c>), from <c>Azure:Cloud</c>.</summary>
    public Uri AuthorityHost { get; init; } = Azure.Identity.AzureAuthorityHosts.AzurePublicCloud;
    public bool UsesIdentity => ConnectionString is null;

    public static StorageSettings From(IConfiguration configuration, string name = "AzureWebJobsStorage")
    {
        var connectionString = configuration[name];
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new StorageSettings { ConnectionString = connectionString.Trim() };

        var section = configuration.GetSection(name);
        var account = section["accountName"];
        var cloud = Hosting.AzureCloud.From(configuration);
        Uri? Service(string kind) =>
            Uri.TryCreate(section[$"{kind}ServiceUri"], UriKind.Absolute, out var uri) ? uri
            : account is { Length: > 0 } ? cloud.StorageEndpoint(account, kind)
            : null;

        var settings = new StorageSettings
        {
            BlobServiceUri = Service("blob"),
            QueueServiceUri = Service("queue"),
            TableServiceUri = Service("table"),
            ManagedIdentityClientId = section["clientId"] is { Length: > 0 } id ? id : null,
            AuthorityHost = cloud.AuthorityHost,
        };
        if (settings.BlobServiceUri is null || settings.QueueServiceUri is null || settings.TableServiceUri is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set '{name}' to a connection string, or '{name}__accountName' / " +
                $"'{name}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' for identity-based access.");
        var credential = section["credential"];
        if (credential is not null && !credential.Equals("managedidentity", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"'{name}__credential' must be 'managedidentity' when set (was '{credential}').");
        return settings with { ManagedIdentity = credential is not null };
    }

    public TokenCredential CreateCredential() =>
        ManagedIdentityClientId is { } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : ManagedIdentity ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
        : new DefaultAzureCredential(new DefaultAzureCredentialOptions { AuthorityHost = AuthorityHost });
}
