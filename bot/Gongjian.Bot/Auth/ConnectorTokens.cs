using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongjian.Bot.Auth;

/// <summary>
/// Tokens for calling the Bot Connector (scope <c>https://api.botframework.com/.default</c>, or the China cloud's) from
/// Azure Identity: a client secret (multi- or single-tenant) or the user-assigned managed identity.
/// One token is kept until 5 minutes before it expires. Without an app id there is no token
/// (local tools such as the Emulator accept unauthenticated replies).
/// </summary>
public sealed class ConnectorTokens(IOptions<BotOptions> options, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Key of an optional <see cref="TokenCredential"/> service that replaces the configured one (tests).</summary>
    public const string CredentialKey = "bot";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<TokenCredential?> _credential = new(() => services.GetKeyedService<TokenCredential>(CredentialKey) ?? Create(options.Value));
    private AccessToken? _cached;

    public async Task<string?> GetAsync(CancellationToken ct)
    {
        if (_credential.Value is not { } credential) return null;
        if (Fresh(_cached) is { } token) return token;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(_cached) is { } again) return again;
            _cached = await credential.GetTokenAsync(new TokenRequestContext([options.Value.Connector.Scope]), ct);
            return _cached.Value.Token;
        }
        finally { _gate.Release(); }
    }

    private string? Fresh(AccessToken? token) =>
        token is { } t && t.ExpiresOn - clock.GetUtcNow() > RefreshMargin ? t.Token : null;

    private static TokenCredential? Create(BotOptions o)
    {
        if (string.IsNullOrEmpty(o.AppId)) return null;
        if (o.AppType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.AppId));
        if (string.IsNullOrEmpty(o.AppPassword))
            throw new InvalidOperationException("Bot:AppPassword is required for Bot:AppType MultiTenant or SingleTenant.");
        var cloud = o.Connector;
        var tenant = o.AppType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase)
            ? o.TenantId ?? throw new InvalidOperationException("Bot:TenantId is required for Bot:AppType SingleTenant.")
            : cloud.MultiTenantTenant;
        return new ClientSecretCredential(tenant, o.AppId, o.AppPassword, new ClientSecretCredentialOptions { AuthorityHost = cloud.AuthorityHost });
    }
}
