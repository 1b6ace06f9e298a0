using Xunit;

namespace Gongjian.Infra.Tests;

public sealed class ServicesTemplateTests
{
    [Fact]
    public async Task Azure_openai_disallows_key_authentication()
    {
        var account = await CompiledTemplate.SingleAsync("Microsoft.CognitiveServices/accounts");
        Assert.Equal("OpenAI", (string?)account.Body["kind"]);
        Assert.True(account.Properties!["disableLocalAuth"]!.GetValue<bool>());
        Assert.Equal((string?)account.Body["name"], (string?)account.Properties["customSubDomainName"]);
    }

    [Fact]
    public async Task Azure_openai_deploys_the_configured_chat_model()
    {
        var deployment = await CompiledTemplate.SingleAsync("Microsoft.CognitiveServices/accounts/deployments");
        var model = deployment.Properties!["model"]!;
        Assert.Equal(CompiledTemplate.ParameterReference("modelName"), (string?)model["name"]);
        Assert.Equal(CompiledTemplate.ParameterReference("modelVersion"), (string?)model["version"]);
        Assert.Equal(CompiledTemplate.ParameterReference("capacity"), (string?)deployment.Body["sku"]?["capacity"]);
    }

    [Fact]
    public Task App_identity_can_call_azure_openai() =>
        RoleAssignments.AssertAppIdentityHasRoleAsync(RoleAssignments.CognitiveServicesOpenAIUser, "Microsoft.CognitiveServices/accounts");

    [Fact]
    public async Task Key_vault_authorizes_with_rbac_and_keeps_deleted_secrets()
    {
        var vault = await CompiledTemplate.SingleAsync("Microsoft.KeyVault/vaults");
        Assert.True(vault.Properties!["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault.Properties["enableSoftDelete"]!.GetValue<bool>());
        Assert.Contains("enablePurgeProtection", (string?)vault.Properties["enablePurgeProtection"]);
    }

    [Fact]
    public Task App_identity_can_read_key_vault_secrets() =>
        RoleAssignments.AssertAppIdentityHasRoleAsync(RoleAssignments.KeyVaultSecretsUser, "Microsoft.KeyVault/vaults");

    [Fact]
    public async Task Application_insights_accepts_only_entra_id_telemetry()
    {
        var component = await CompiledTemplate.SingleAsync("Microsoft.Insights/components");
        Assert.True(component.Properties!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)component.Properties["WorkspaceResourceId"]);
        await RoleAssignments.AssertAppIdentityHasRoleAsync(RoleAssignments.MonitoringMetricsPublisher, "Microsoft.Insights/components");
    }

    [Fact]
    public async Task Bot_authenticates_as_the_app_identity()
    {
        var bot = await CompiledTemplate.SingleAsync("Microsoft.BotService/botServices");
        Assert.Equal("azurebot", (string?)bot.Body["kind"]);
        Assert.Equal(CompiledTemplate.ParameterReference("sku"), (string?)bot.Body["sku"]?["name"]);
        var properties = bot.Properties!;
        Assert.Equal("UserAssignedMSI", (string?)properties["msaAppType"]);
        Assert.Equal(CompiledTemplate.ParameterReference("identityClientId"), (string?)properties["msaAppId"]);
        Assert.Equal(CompiledTemplate.ParameterReference("identityId"), (string?)properties["msaAppMSIResourceId"]);
        Assert.Equal(CompiledTemplate.ParameterReference("tenantId"), (string?)properties["msaAppTenantId"]);
        Assert.Contains(".clientId", bot.ModuleArgument("identityClientId"));
    }

    [Fact]
    public async Task Bot_endpoint_is_the_app_messages_route()
    {
        var bot = await CompiledTemplate.SingleAsync("Microsoft.BotService/botServices");
        Assert.Equal(CompiledTemplate.ParameterReference("endpoint"), (string?)bot.Properties!["endpoint"]);

        var endpoint = bot.ModuleArgument("endpoint");
        Assert.Equal("https://{0}/api/messages", CompiledTemplate.LiteralOrFormat(endpoint));
        Assert.Contains("'functionApp'", endpoint);
        Assert.Contains(".outputs.defaultHostName.value", endpoint);
    }

    [Fact]
    public async Task Bot_has_direct_line_and_web_chat_channels()
    {
        var channels = (await CompiledTemplate.OfTypeAsync("Microsoft.BotService/botServices/channels"))
            .Select(c => (string?)c.Properties?["channelName"])
            .Order();
        Assert.Equal(["DirectLineChannel", "WebChatChannel"], channels);
    }
}
