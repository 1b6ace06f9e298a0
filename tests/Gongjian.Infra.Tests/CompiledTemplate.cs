using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;

namespace Gongjian.Infra.Tests;

/// <summary>A resource of the compiled ARM template, with the module (nested deployment) it sits in.</summary>
sealed record ArmResource(JsonObject Body, JsonObject Template, JsonObject? Module)
{
    public string Type => (string)Body["type"]!;
    public JsonNode? Properties => Body["properties"];

    /// <summary>The expression the parent template passes for a parameter of this resource's module.</summary>
    public string? ModuleArgument(string parameter) =>
        Module?["properties"]?["parameters"]?[parameter]?["value"]?.GetValue<string>();
}

/// <summary>main.bicep compiled once per test run, with every local module inlined as a nested deployment.</summary>
static partial class CompiledTemplate
{
    static readonly Lazy<Task<(string Json, IReadOnlyList<ArmResource> Resources)>> Compiled = new(CompileAsync);

    public static async Task<string> JsonAsync() => (await Compiled.Value).Json;

    public static async Task<IReadOnlyList<ArmResource>> ResourcesAsync() => (await Compiled.Value).Resources;

    public static async Task<ArmResource> SingleAsync(string type)
    {
        var matches = (await ResourcesAsync()).Where(r => r.Type == type).ToList();
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    public static async Task<List<ArmResource>> OfTypeAsync(string type) =>
        (await ResourcesAsync()).Where(r => r.Type == type).ToList();

    /// <summary>
    /// The literal text of a plain string, or the format string of a "[format('…', …)]" expression
    /// (what an interpolated Bicep string compiles to); null for any other expression.
    /// </summary>
    public static string? LiteralOrFormat(string? value)
    {
        if (value is null) return null;
        if (!value.StartsWith('[')) return value;
        var match = FormatExpression().Match(value);
        return match.Success ? match.Groups[1].Value.Replace("''", "'") : null;
    }

    public static string ParameterReference(string name) => $"[parameters('{name}')]";

    /// <summary>App settings of a site, whether written as a literal array or as a loop over a variable.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(ArmResource site)
    {
        var siteConfig = site.Properties?["siteConfig"];
        if (siteConfig?["appSettings"] is JsonArray literal)
            return literal.ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString());

        // Bicep turns `[for s in items(appSettings): …]` into a property copy loop over the variable.
        var count = siteConfig?["copy"]?.AsArray()
            .SingleOrDefault(c => (string?)c?["name"] == "appSettings")?["count"]?.GetValue<string>() ?? "";
        var variable = ItemsOfVariable().Match(count);
        if (variable.Success && site.Template["variables"]?[variable.Groups[1].Value] is JsonObject settings)
            return settings.ToDictionary(s => s.Key, s => s.Value!.ToString());

        throw new XunitException("could not find the function app's app settings in the compiled template");
    }

    static async Task<(string, IReadOnlyList<ArmResource>)> CompileAsync()
    {
        using var outDir = Bicep.NewTempDirectory();
        var outFile = Path.Combine(outDir.Path, "main.json");
        var (exitCode, output) = await Bicep.RunAsync("build", "main.bicep", "--outfile", outFile);
        Assert.True(exitCode == 0, $"bicep build main.bicep failed:\n{output}");
        var json = await File.ReadAllTextAsync(outFile);
        var resources = new List<ArmResource>();
        Collect(JsonNode.Parse(json)!.AsObject(), module: null, resources);
        return (json, resources);
    }

    static void Collect(JsonObject template, JsonObject? module, List<ArmResource> into)
    {
        // Classic templates list resources in an array; languageVersion 2.0 keys them by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject byName => byName.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            into.Add(new ArmResource(resource, template, module));
            if ((string?)resource["type"] == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
                Collect(nested, resource, into);
        }
    }

    [GeneratedRegex(@"^\[format\('((?:[^']|'')*)'")]
    private static partial Regex FormatExpression();

    [GeneratedRegex(@"items\((?:union\()?variables\('(\w+)'\)")]
    private static partial Regex ItemsOfVariable();
}
