using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Gongjian.Infra.Tests;

public sealed class FunctionAppTemplateTests
{
    const string Site = "Microsoft.Web/sites";

    static async Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        CompiledTemplate.AppSettings(await CompiledTemplate.SingleAsync(Site));

    // Both plans are one conditional in the template (Bicep compiles it to an if() expression), so these tests read the
    // expressions: Flex Consumption where it is offered, a Dedicated App Service plan elsewhere (the China cloud).
    [Fact]
    public async Task Function_app_runs_on_linux_flex_consumption_or_a_dedicated_plan_as_a_custom_handler()
    {
        var plan = await CompiledTemplate.SingleAsync("Microsoft.Web/serverfarms");
        Assert.Equal("[if(variables('isFlex'), createObject('name', 'FC1', 'tier', 'FlexConsumption'), createObject('name', parameters('dedicatedPlanSku')))]",
            (string?)plan.Body["sku"]);
        Assert.True(plan.Properties!["reserved"]!.GetValue<bool>());
        Assert.Equal("[equals(parameters('hostingPlan'), 'FlexConsumption')]", (string?)plan.Template["variables"]?["isFlex"]);

        var site = await CompiledTemplate.SingleAsync(Site);
        Assert.Equal("functionapp,linux", (string?)site.Body["kind"]);
        var config = (string)site.Properties!["functionAppConfig"]!;
        Assert.StartsWith("[if(not(variables('isFlex')), null(), createObject(", config);
        Assert.Contains("'runtime', createObject('name', 'custom', 'version', '1.0')", config);
        Assert.Contains("'maximumInstanceCount', parameters('maximumInstanceCount')", config);
        Assert.Contains("'instanceMemoryMB', parameters('instanceMemoryMB')", config);
        Assert.Contains("alwaysReadyHttpInstances", config);
        // A Dedicated plan stays on (no cold start) and declares the custom handler in settings instead.
        Assert.Equal("[not(variables('isFlex'))]", (string?)site.Properties["siteConfig"]!["alwaysOn"]);
        Assert.Equal("[if(variables('isFlex'), createObject(), createObject('FUNCTIONS_WORKER_RUNTIME', 'custom', 'FUNCTIONS_EXTENSION_VERSION', '~4', 'WEBSITE_RUN_FROM_PACKAGE', '1'))]",
            (string?)site.Template["variables"]?["dedicatedSettings"]);
    }

    [Fact]
    public async Task Function_app_uses_its_user_assigned_identity_everywhere()
    {
        var site = await CompiledTemplate.SingleAsync(Site);
        var identity = site.Body["identity"]!;
        Assert.Equal("UserAssigned", (string?)identity["type"]);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Contains("parameters('identityId')", assigned.Key);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", site.ModuleArgument("identityId"));

        Assert.Equal(CompiledTemplate.ParameterReference("identityId"), (string?)site.Properties!["keyVaultReferenceIdentity"]);
        Assert.Contains("'authentication', createObject('type', 'UserAssignedIdentity', 'userAssignedIdentityResourceId', parameters('identityId'))",
            (string)site.Properties["functionAppConfig"]!);
        Assert.True(site.Properties["httpsOnly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Function_app_reaches_storage_through_its_identity()
    {
        var settings = await SettingsAsync();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(CompiledTemplate.ParameterReference("identityClientId"), settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(CompiledTemplate.ParameterReference("blobEndpoint"), settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal(CompiledTemplate.ParameterReference("queueEndpoint"), settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal(CompiledTemplate.ParameterReference("tableEndpoint"), settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.DoesNotContain(settings.Keys, k => k.Equals("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Function_app_settings_carry_bot_and_openai_identity_configuration()
    {
        var settings = await SettingsAsync();
        var clientId = CompiledTemplate.ParameterReference("identityClientId");

        Assert.Equal(clientId, settings["Bot__AppId"]);
        Assert.Equal("[tenant().tenantId]", settings["Bot__TenantId"]);
        Assert.Equal("UserAssignedMSI", settings["Bot__AppType"]);
        Assert.Equal(CompiledTemplate.ParameterReference("openAiEndpoint"), settings["Understanding__OpenAI__Endpoint"]);
        Assert.Equal(CompiledTemplate.ParameterReference("openAiDeploymentName"), settings["Understanding__OpenAI__Deployment"]);
        Assert.Equal(clientId, settings["Understanding__OpenAI__ManagedIdentityClientId"]);
        Assert.Equal("ClientId={0};Authorization=AAD", CompiledTemplate.LiteralOrFormat(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
        Assert.Equal(CompiledTemplate.ParameterReference("appInsightsConnectionString"), settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public async Task Wechat_settings_are_key_vault_references()
    {
        var settings = await SettingsAsync();

        foreach (var name in new[] { "WeChat__Token", "WeChat__EncodingAesKey", "Privacy__PersonKeySecret", "WeChat__AppId", "WeChat__AppSecret",
            "WeCom__CorpId", "WeCom__AgentId", "WeCom__Secret", "WeCom__Token", "WeCom__EncodingAesKey" })
            Assert.StartsWith("@Microsoft.KeyVault(SecretUri=", CompiledTemplate.LiteralOrFormat(settings[name]));
        var site = await CompiledTemplate.SingleAsync(Site);
        Assert.Contains("outputs.uri.value", site.ModuleArgument("keyVaultUri"));
    }

    // Anything that looks like a credential must come from Key Vault, and no template may take
    // a secure parameter at all: secrets are set in Key Vault by an operator, never deployed.
    [Fact]
    public async Task No_secret_reaches_a_plain_app_setting()
    {
        var settings = await SettingsAsync();
        var looksSecret = new Regex("token|secret|password|aeskey|apikey|accountkey|sas", RegexOptions.IgnoreCase);
        foreach (var (name, value) in settings.Where(s => looksSecret.IsMatch(s.Key)))
            Assert.True(CompiledTemplate.LiteralOrFormat(value)?.StartsWith("@Microsoft.KeyVault(") == true, $"{name} is not a Key Vault reference");

        var templates = (await CompiledTemplate.ResourcesAsync()).Select(r => r.Template).Distinct();
        var secureParameters = templates
            .SelectMany(t => t["parameters"]?.AsObject() ?? [])
            .Where(p => ((string?)p.Value?["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key);
        Assert.Empty(secureParameters);
    }

    [Fact]
    public async Task Flex_consumption_settings_it_rejects_are_absent()
    {
        var settings = await SettingsAsync();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
    }

    [Fact]
    public async Task Publishing_with_passwords_is_disabled()
    {
        var policies = await CompiledTemplate.OfTypeAsync("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties!["allow"]!.GetValue<bool>()));
    }
}
