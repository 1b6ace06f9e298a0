using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Gongjian.Bot;
using Gongjian.Bot.Auth;
using Gongjian.Understanding;
using Gongjian.Functions.BotDesk;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Gongjian.Functions.Tests.Config;

/// <summary>
/// The app's cloud comes from <c>Azure:Cloud</c>: every host it derives (storage by account name, the Bot Connector's
/// metadata, issuer, scope and authority, Azure OpenAI's audience, developer credentials' authority) follows it, and
/// in the China cloud none of them is a global host.
/// </summary>
public sealed class AzureCloudTests
{
    private static IConfiguration Config(string? cloud) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Azure:Cloud"] = cloud,
        ["AzureWebJobsStorage:accountName"] = "stgongjianprod",
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["Understanding:OpenAI:Endpoint"] = cloud == "AzureChinaCloud" ? "https://oai-gongjian.openai.azure.cn/" : "https://oai-gongjian.openai.azure.com/",
        ["Understanding:OpenAI:Deployment"] = "chat",
        ["Understanding:OpenAI:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
    }).Build();

    private sealed record Resolved(AzureCloud Cloud, BotOptions Bot, StorageSettings Storage, string? OpenAiAudience)
    {
        /// <summary>Every host the app would call or trust.</summary>
        public IEnumerable<string> Hosts() =>
            new[]
            {
                Bot.MetadataUrl, Bot.Connector.Issuer, Bot.Connector.Scope, Bot.Connector.AuthorityHost.ToString(), OpenAiAudience!,
                Storage.BlobServiceUri!.ToString(), Storage.QueueServiceUri!.ToString(), Storage.TableServiceUri!.ToString(),
                Storage.AuthorityHost.ToString(), Cloud.AuthorityHost.ToString(),
            }.Select(u => new Uri(u).Host).Append(Bot.Connector.MultiTenantTenant);
    }

    private static Resolved Resolve(string? cloud)
    {
        var configuration = Config(cloud);
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddBotDesk(configuration);
        using var provider = services.BuildServiceProvider();
        var resolvedCloud = AzureCloud.From(configuration);
        return new Resolved(resolvedCloud, provider.GetRequiredService<IOptions<BotOptions>>().Value, StorageSettings.From(configuration),
            BotDeskServices.OpenAiOptions(configuration, resolvedCloud)?.Audience);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AzureCloud")]
    public void The_global_cloud_is_the_default(string? name)
    {
        var r = Resolve(name);

        Assert.Same(AzureCloud.Public, r.Cloud);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", r.Bot.MetadataUrl);
        Assert.Equal("https://api.botframework.com", r.Bot.Connector.Issuer);
        Assert.Equal("https://api.botframework.com/.default", r.Bot.Connector.Scope);
        Assert.Equal("botframework.com", r.Bot.Connector.MultiTenantTenant);
        Assert.Equal("https://cognitiveservices.azure.com/.default", r.OpenAiAudience);
        Assert.Equal("https://stgongjianprod.table.core.windows.net/", r.Storage.TableServiceUri!.ToString());
        Assert.Equal("login.microsoftonline.com", r.Storage.AuthorityHost.Host);
    }

    [Fact]
    public void The_china_cloud_names_only_china_hosts()
    {
        var r = Resolve("AzureChinaCloud");

        Assert.Same(AzureCloud.China, r.Cloud);
        Assert.Equal("https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", r.Bot.MetadataUrl);
        Assert.Equal("https://api.botframework.azure.cn", r.Bot.Connector.Issuer);
        Assert.Equal("https://api.botframework.azure.cn/.default", r.Bot.Connector.Scope);
        Assert.Equal("login.partner.microsoftonline.cn", r.Bot.Connector.AuthorityHost.Host);
        Assert.Equal("https://cognitiveservices.azure.cn/.default", r.OpenAiAudience);
        Assert.Equal("https://stgongjianprod.blob.core.chinacloudapi.cn/", r.Storage.BlobServiceUri!.ToString());
        Assert.Equal("login.chinacloudapi.cn", r.Storage.AuthorityHost.Host);
        foreach (var host in r.Hosts())
            Assert.True(host.EndsWith(".cn", StringComparison.Ordinal), $"{host} is not a China cloud host");
    }

    [Fact]
    public void A_bot_setting_cannot_point_the_connector_at_another_cloud_than_the_app()
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(Config("AzureChinaCloud"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:Cloud"] = "AzureCloud" }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBotDesk(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Same(ConnectorCloud.China, provider.GetRequiredService<IOptions<BotOptions>>().Value.Connector);
    }

    [Fact]
    public void An_explicit_openai_audience_wins_and_an_unknown_cloud_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(Config("AzureChinaCloud"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Understanding:OpenAI:Audience"] = "https://example.test/.default" }).Build();
        Assert.Equal("https://example.test/.default", BotDeskServices.OpenAiOptions(configuration, AzureCloud.From(configuration))!.Audience);

        var unknown = Assert.Throws<InvalidOperationException>(() => AzureCloud.From(Config("AzureUSGovernment")));
        Assert.Contains("AzureChinaCloud", unknown.Message);
        Assert.Throws<InvalidOperationException>(() => StorageSettings.From(Config("China")));
    }

    [Fact]
    public void An_empty_openai_endpoint_from_a_deployment_without_openai_means_offline_understanding()
    {
        // What functionapp.bicep writes when enableOpenAi is false (the China parameters): the settings exist, empty.
        var configuration = new ConfigurationBuilder().AddConfiguration(Config("AzureChinaCloud"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Understanding:OpenAI:Endpoint"] = "", ["Understanding:OpenAI:Deployment"] = "" }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBotDesk(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.False(BotDeskServices.OpenAiOptions(configuration, AzureCloud.From(configuration))?.IsConfigured ?? false);
        Assert.IsType<OfflineWishUnderstanding>(provider.GetRequiredService<IWishUnderstanding>());
    }
}
