namespace Gongjian.Bot.Auth;

/// <summary>
/// The Bot Connector's endpoints in one Azure cloud: where inbound tokens' signing keys are published and who issues
/// them, the scope of outbound tokens, and where a bot with a client secret gets them (its authority and, for a
/// multi-tenant bot, the tenant). Chosen by <see cref="BotOptions.Cloud"/>; the China cloud (Azure operated by 21Vianet)
/// names no global host.
/// </summary>
public sealed record ConnectorCloud(string OpenIdMetadataUrl, string Issuer, string Scope, Uri AuthorityHost, string MultiTenantTenant)
{
    public const string PublicName = "AzureCloud";
    public const string ChinaName = "AzureChinaCloud";

    public static readonly ConnectorCloud Public = new(
        "https://login.botframework.com/v1/.well-known/openidconfiguration", "https://api.botframework.com",
        "https://api.botframework.com/.default", new Uri("https://login.microsoftonline.com/"), "botframework.com");

    public static readonly ConnectorCloud China = new(
        "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", "https://api.botframework.azure.cn",
        "https://api.botframework.azure.cn/.default", new Uri("https://login.partner.microsoftonline.cn/"), "microsoftservices.partner.onmschina.cn");

    /// <summary>By the name Bicep's <c>environment().name</c> gives (<c>AzureCloud</c>, <c>AzureChinaCloud</c>).</summary>
    public static ConnectorCloud Named(string? name) => name switch
    {
        null or "" or PublicName => Public,
        ChinaName => China,
        _ => throw new InvalidOperationException($"Unknown Azure cloud '{name}': use {PublicName} or {ChinaName}."),
    };
}
