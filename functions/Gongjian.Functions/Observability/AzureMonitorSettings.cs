using Azure.Core;
using Azure.Identity;

namespace Gongjian.Functions.Observability;

/// <summary>
/// Where telemetry goes, read from the settings the Functions host itself uses:
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (unset: no exporter at all) and
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> — <c>Authorization=AAD</c> for the system-assigned
/// identity, plus <c>;ClientId=…</c> for a user-assigned one (as the Bicep sets it). Entra ID is
/// required there because the Application Insights resource has local (key) auth disabled.
/// </summary>
public sealed record AzureMonitorSettings
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public required string ConnectionString { get; init; }
    /// <summary>Send with a managed identity's token rather than the connection string's key.</summary>
    public bool EntraId { get; init; }
    public string? ClientId { get; init; }

    public static AzureMonitorSettings? From(IConfiguration configuration)
    {
        if (configuration[ConnectionStringKey] is not { } connection || string.IsNullOrWhiteSpace(connection)) return null;
        var settings = new AzureMonitorSettings { ConnectionString = connection.Trim() };
        if (configuration[AuthenticationStringKey] is not { } auth || string.IsNullOrWhiteSpace(auth)) return settings;

        string? authorization = null, clientId = null;
        foreach (var part in auth.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.IndexOf('=') is > 0 and var eq ? (part[..eq].Trim(), part[(eq + 1)..].Trim()) : (part, "");
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) authorization = value;
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase)) clientId = value;
            else throw Invalid(auth);
        }
        // Misconfigured auth would silently lose all telemetry (ingestion refuses keys), so refuse to start.
        if (!"AAD".Equals(authorization, StringComparison.OrdinalIgnoreCase) || clientId is "") throw Invalid(auth);
        return settings with { EntraId = true, ClientId = clientId };
    }

    public TokenCredential? CreateCredential() =>
        !EntraId ? null
        : ClientId is { } id ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);

    private static InvalidOperationException Invalid(string value) => new(
        $"{AuthenticationStringKey} must be 'Authorization=AAD' or 'Authorization=AAD;ClientId=<client id>' (was '{value}').");
}
