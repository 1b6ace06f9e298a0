using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Gongjian.Infra.Tests;

/// <summary>
/// One template for both clouds. ARM resolves <c>environment()</c> at deployment, so what can be checked here is that
/// the compiled template names no host of the global cloud (every endpoint comes from a deployed resource or from
/// <c>environment()</c>), that the app is told its cloud, and that the China parameter file leaves out what the China
/// cloud does not need or may not offer.
/// </summary>
public sealed partial class ChinaCloudTemplateTests
{
    [Fact]
    public async Task The_compiled_template_names_no_global_endpoint()
    {
        var template = JsonNode.Parse(await CompiledTemplate.JsonAsync())!;
        var hosts = new List<string>();
        Walk(template, hosts);

        Assert.Empty(hosts);
    }

    // The gate can fail: a literal global host in a setting is found.
    [Fact]
    public void The_endpoint_scan_finds_a_global_host()
    {
        var hosts = new List<string>();
        Walk(JsonNode.Parse("""{"$schema":"https://schema.management.azure.com/x","v":"[format('https://{0}.blob.core.windows.net', parameters('a'))]"}""")!, hosts);
        Assert.Equal(["core.windows.net"], hosts);
        Walk(JsonNode.Parse("""["https://x.vault.azure.cn", "login.partner.microsoftonline.cn"]""")!, hosts);
        Assert.Equal(["core.windows.net", "vault.azure.cn", "microsoftonline.cn"], hosts);
    }

    [Fact]
    public async Task The_app_is_told_its_cloud_by_the_deployment_environment()
    {
        var settings = CompiledTemplate.AppSettings(await CompiledTemplate.SingleAsync("Microsoft.Web/sites"));
        Assert.Equal("[environment().name]", settings["Azure__Cloud"]);
    }

    [Fact]
    public async Task The_china_parameters_use_a_dedicated_plan_and_no_openai_bot_service_or_front_door()
    {
        using var outDir = Bicep.NewTempDirectory();
        var (exitCode, output) = await Bicep.RunAsync("build-params", "env/china.bicepparam", "--outdir", outDir.Path);
        Assert.True(exitCode == 0, output);
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(Directory.GetFiles(outDir.Path, "*.json").Single(), TestContext.Current.CancellationToken))!["parameters"]!;

        Assert.Equal("Dedicated", (string?)parameters["hostingPlan"]?["value"]);
        Assert.False(parameters["enableOpenAi"]?["value"]?.GetValue<bool>());
        Assert.False(parameters["enableBotService"]?["value"]?.GetValue<bool>());
        Assert.False(parameters["enableFrontDoor"]?["value"]?.GetValue<bool>());
        var hosts = new List<string>();
        Walk(parameters, hosts);
        Assert.Empty(hosts);
    }

    [Fact]
    public async Task Without_openai_or_bot_service_the_template_deploys_neither_and_the_app_gets_an_empty_endpoint()
    {
        var top = JsonNode.Parse(await CompiledTemplate.JsonAsync())!["resources"]!.AsArray();
        string? ConditionOf(string deployment) => (string?)top.Single(r => (string?)r!["name"] == deployment)!["condition"];
        Assert.Equal("[parameters('enableOpenAi')]", ConditionOf("openAi"));
        Assert.Equal("[parameters('enableBotService')]", ConditionOf("bot"));
        var arguments = top.Single(r => (string?)r!["name"] == "functionApp")!["properties"]!["parameters"]!;
        Assert.Equal("[if(parameters('enableOpenAi'), createObject('value', reference(resourceId('Microsoft.Resources/deployments', 'openAi'), '2025-04-01').outputs.endpoint.value), createObject('value', ''))]",
            (string?)arguments["openAiEndpoint"]);
    }

    /// <summary>Cloud-specific host names (global or China) in any string of the template (its <c>$schema</c> URLs aside).</summary>
    private static void Walk(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    if (key != "$schema") Walk(value, found);
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item, found);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                found.AddRange(CloudHost().Matches(text).Select(m => m.Value));
                break;
        }
    }

    [GeneratedRegex(@"core\.windows\.net|windows\.net|microsoftonline\.com|botframework\.com|azurewebsites\.net|vault\.azure\.net|(?:openai|cognitiveservices|monitor|applicationinsights|management)\.azure\.com|chinacloudapi\.cn|vault\.azure\.cn|microsoftonline\.cn|botframework\.azure\.cn|chinacloudsites\.cn")]
    private static partial Regex CloudHost();
}
