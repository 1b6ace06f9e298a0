using Azure.Identity;
using Gongjian.Bot.Auth;

namespace Gongjian.Functions.Hosting;

/// <summary>
/// The Azure cloud the app runs in, from <c>Azure:Cloud</c> (app setting <c>Azure__Cloud</c>, which Bicep fills with
/// <c>environment().name</c>): <c>AzureCloud</c> (global, the default) or <c>AzureChinaCloud</c> (Azure operated by 21Vianet,
/// where residents' data stays in mainland China). Every host the app derives rather than reads from a setting comes from
/// here: the storage suffix for an account given by name, the Entra authority of developer credentials, the Azure OpenAI
/// token audience and the Bot Connector's endpoints (<see cref="ConnectorCloud"/>). Endpoints given in full (storage
/// service URIs, the OpenAI endpoint, Application Insights' connection string) are used as given: Bicep takes them from
/// the deployed resources, so they already name the right cloud.
/// </summary>
public sealed record AzureCloud(string Name, string StorageSuffix, Uri AuthorityHost, string OpenAiAudience, ConnectorCloud Connector)
{
    public const string Setting = "Azure:Cloud";

    public static readonly AzureCloud Public = new(ConnectorCloud.PublicName, "core.windows.net", AzureAuthorityHosts.AzurePublicCloud,
        "https://cognitiveservices.azure.com/.default", ConnectorCloud.Public);

    public static readonly AzureCloud China = new(ConnectorCloud.ChinaName, "core.chinacloudapi.cn", AzureAuthorityHosts.AzureChina,
        "https://cognitiveservices.azure.cn/.default", ConnectorCloud.China);

    public static AzureCloud From(IConfiguration configuration) => configuration[Setting] switch
    {
        null or "" or ConnectorCloud.PublicName => Public,
        ConnectorCloud.ChinaName => China,
        var other => throw new InvalidOperationException($"{Setting} must be {ConnectorCloud.PublicName} or {ConnectorCloud.ChinaName} (was '{other}')."),
    };

    /// <summary>A storage service's endpoint for an account given by name (<c>AzureWebJobsStorage__accountName</c>).</summary>
    public Uri StorageEndpoint(string account, string service) => new($"https://{account}.{service}.{StorageSuffix}");
}
