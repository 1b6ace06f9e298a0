using System.Text.Json.Nodes;
using Xunit;

namespace Gongjian.Infra.Tests;

/// <summary>
/// The production counterpart of the app's abuse limits: Front Door with a WAF whose rate-limit rules
/// refuse a flooding client address at the edge with the app's own 429 problem, and an app that admits
/// only Front Door (and the Bot Service) once it is enabled, so nobody can go round the WAF.
/// </summary>
public sealed class FrontDoorTemplateTests
{
    const string Waf = "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies";

    static async Task<JsonObject> WafPropertiesAsync() => (await CompiledTemplate.SingleAsync(Waf)).Properties!.AsObject();

    [Fact]
    public async Task Front_door_is_optional_by_a_parameter()
    {
        var profile = await CompiledTemplate.SingleAsync("Microsoft.Cdn/profiles");
        Assert.Equal("Standard_AzureFrontDoor", (string?)profile.Body["sku"]?["name"]);
        Assert.Equal(CompiledTemplate.ParameterReference("enableFrontDoor"), (string?)profile.Body["condition"]);
        var waf = await CompiledTemplate.SingleAsync(Waf);
        Assert.Equal(CompiledTemplate.ParameterReference("enableFrontDoor"), (string?)waf.Module?["condition"]);
    }

    [Fact]
    public async Task Waf_blocks_in_prevention_mode_with_the_apps_429_problem()
    {
        var settings = (await WafPropertiesAsync())["policySettings"]!;
        Assert.Equal("Enabled", (string?)settings["enabledState"]);
        Assert.Equal("Prevention", (string?)settings["mode"]);
        Assert.Equal(429, settings["customBlockResponseStatusCode"]!.GetValue<int>());
        var body = (string?)settings["customBlockResponseBody"];
        Assert.Contains("\"code\":\"rate_limited\"", body);
        Assert.Contains("请求过于频繁，请稍后再试。", body);
    }

    [Fact]
    public async Task Waf_limits_writes_and_all_requests_per_client_address()
    {
        var rules = (await WafPropertiesAsync())["customRules"]!["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.All(rules, rule =>
        {
            Assert.Equal("RateLimitRule", (string?)rule["ruleType"]);
            Assert.Equal("Block", (string?)rule["action"]);
            Assert.Equal("SocketAddr", (string?)Assert.Single(rule["groupBy"]!.AsArray())!["variableName"]);
        });
        var writes = rules.Single(r => (string?)r["name"] == "WritesPerClient");
        Assert.Equal(CompiledTemplate.ParameterReference("writeLimitPerMinute"), (string?)writes["rateLimitThreshold"]);
        Assert.Contains(writes["matchConditions"]!.AsArray().OfType<JsonObject>(),
            c => (string?)c["matchVariable"] == "RequestMethod" && c["matchValue"]!.AsArray().Select(v => (string?)v).Contains("POST"));
        var all = rules.Single(r => (string?)r["name"] == "RequestsPerClient");
        Assert.Equal(CompiledTemplate.ParameterReference("requestLimitPerMinute"), (string?)all["rateLimitThreshold"]);
    }

    [Fact]
    public async Task Waf_guards_every_path_of_the_endpoint()
    {
        var policy = await CompiledTemplate.SingleAsync("Microsoft.Cdn/profiles/securityPolicies");
        var parameters = policy.Properties!["parameters"]!;
        Assert.Equal("WebApplicationFirewall", (string?)parameters["type"]);
        Assert.Contains(Waf, (string?)parameters["wafPolicy"]?["id"]);
        var association = Assert.Single(parameters["associations"]!.AsArray())!;
        Assert.Contains("Microsoft.Cdn/profiles/afdEndpoints", (string?)Assert.Single(association["domains"]!.AsArray())!["id"]);
        Assert.Equal("/*", (string?)Assert.Single(association["patternsToMatch"]!.AsArray()));
    }

    [Fact]
    public async Task With_front_door_the_app_admits_only_it_and_the_bot_service()
    {
        var site = await CompiledTemplate.SingleAsync("Microsoft.Web/sites");
        var config = site.Properties!["siteConfig"]!;
        Assert.Equal("[if(empty(parameters('frontDoorId')), 'Allow', 'Deny')]", (string?)config["ipSecurityRestrictionsDefaultAction"]);
        var rules = (string?)site.Template["variables"]?["accessRules"];
        Assert.Contains("'AzureFrontDoor.Backend'", rules);
        Assert.Contains("'x-azure-fdid', createArray(parameters('frontDoorId'))", rules);
        Assert.Contains("'AzureBotService'", rules);
        var argument = site.Module?["properties"]?["parameters"]?["frontDoorId"]?.GetValue<string>();
        Assert.Contains("reference(resourceId('Microsoft.Cdn/profiles'", argument);
    }

    [Fact]
    public async Task App_reads_the_client_address_only_from_the_hosts_forwarded_headers()
    {
        var settings = CompiledTemplate.AppSettings(await CompiledTemplate.SingleAsync("Microsoft.Web/sites"));
        Assert.Equal("127.0.0.1,::1", settings["RateLimits__TrustedProxies"]);
        Assert.Equal("[if(empty(parameters('frontDoorId')), 'X-Forwarded-For', 'X-Azure-ClientIP')]", settings["RateLimits__ForwardedHeader"]);
    }

    [Fact]
    public async Task Prod_enables_front_door_and_dev_does_not()
    {
        foreach (var (file, expected) in new[] { ("env/prod.bicepparam", true), ("env/dev.bicepparam", false) })
        {
            using var outDir = Bicep.NewTempDirectory();
            var (exitCode, output) = await Bicep.RunAsync("build-params", file, "--outdir", outDir.Path);
            Assert.True(exitCode == 0, output);
            var compiled = JsonNode.Parse(await File.ReadAllTextAsync(Directory.GetFiles(outDir.Path, "*.json").Single(), TestContext.Current.CancellationToken))!;
            var value = compiled["parameters"]?["enableFrontDoor"]?["value"]?.GetValue<bool>() ?? false;
            Assert.Equal(expected, value);
        }
    }
}
